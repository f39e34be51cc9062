/** Hard limits that keep the engine fast and safe on hostile or absurd input. */

/** Input beyond this many characters is ignored (message `input-truncated`). */
export const MAX_INPUT_CHARS = 16 * 1024 * 1024;

/** Only the first this-many characters of a line are considered for parsing and matching. */
export const MAX_LINE_CHARS = 4096;

/** Evidence lines are cut to this many characters. */
export const MAX_EVIDENCE_CHARS = 1000;

/** Evidence lines kept per finding. */
export const MAX_EVIDENCE_LINES = 12;

/** Evidence lines kept per satisfied rule condition of one subject. */
export const MAX_EVIDENCE_PER_CONDITION = 4;

/** A rule regex may not be longer than this. */
export const MAX_PATTERN_LENGTH = 600;

/** Above this share of control characters in the first 64 KB, input is treated as binary. */
export const BINARY_CONTROL_RATIO = 0.1;
