/** Hard limits that keep the engine fast and safe on hostile or absurd input. */

/** Input beyond this many characters is ignored (message `input-truncated`). */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024;

/** Only the first this-many characters of a line are considered for parsing and matching. */
export const MAX_LINE_CHARS = 4096;

/**
 * Continuation lines glued onto one record at most (a wrapped event row, a stack trace under a log
 * line); with MAX_LINE_CHARS this keeps every joined record to one line's worth of work.
 */
export const MAX_CONTINUATION_LINES = 64;

/** Evidence lines are cut to this many characters. */
export const MAX_EVIDENCE_CHARS = 1000;

/**
 * Subjects listed per finding (`count` still says how many): 500,000 crash-looping pods made a
 * 36 MB `--json`, every pod listed. A bundle of 5,000 pods still lists every one.
 */
export const MAX_SUBJECTS = 5000;

/** Evidence lines kept per finding. */
export const MAX_EVIDENCE_LINES = 12;

/** Evidence lines kept per satisfied rule condition of one subject. */
export const MAX_EVIDENCE_PER_CONDITION = 4;

/** A rule's conditions may nest this deep at most (`all` / `any` / `not`). */
export const MAX_CONDITION_DEPTH = 32;

/** A rule may have this many leaf conditions at most (the built-in rules have up to 18). */
export const MAX_CONDITION_LEAVES = 500;

/** A rule regex may not be longer than this. */
export const MAX_PATTERN_LENGTH = 600;

/** Above this share of control characters in the first 64 KB, input is treated as binary. */
export const BINARY_CONTROL_RATIO = 0.1;

/**
 * Milliseconds a whole diagnosis may take by default. Past half of it no further lines are read
 * (rules on what was read take about as long again), and a `time-budget` message says where the
 * diagnosis stopped. Legitimate 16 MB pastes take 1–3 s; 8 million two-character lines took 80 s.
 */
export const DEFAULT_TIME_BUDGET_MS = 10_000;
