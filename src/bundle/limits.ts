/**
 * Limits on what is read from a bundle (a `.tar.gz`, a folder, several files), the same in the CLI
 * and on the diagnose page. They bound memory and time whatever the bundle holds; what they leave
 * out is listed as skipped, never silently dropped.
 */

/** Files (and links, devices) read from one bundle at most. `k8s-kb collect` writes about 120. */
export const MAX_BUNDLE_ENTRIES = 20_000;

/** A file larger than this is skipped (`too-large`): the engine reads 16 M characters per paste. */
export const MAX_BUNDLE_FILE_BYTES = 16 * 1024 * 1024;

/** File data kept from one bundle at most; later files are skipped (`total-limit`). */
export const MAX_BUNDLE_TOTAL_BYTES = 256 * 1024 * 1024;

/**
 * Bytes a `.tar.gz` may inflate to. A gzip bomb (a few KB that inflate to gigabytes) is stopped
 * here with the message `gzip-limit`; 256 MiB of files plus tar headers fit well within it.
 */
export const MAX_INFLATED_BYTES = 320 * 1024 * 1024;

/**
 * Characters given to the engine in one diagnosis. Files are packed into batches of at most this
 * size (below the engine's 16 M character cap, with room for the separator lines); the same object
 * in two batches still gives one subject in the report, but facts from two batches are not
 * combined by one rule. A collected bundle of 50,000 events and 5,000 pods is about 9 M characters.
 */
export const MAX_BATCH_CHARS = 14 * 1024 * 1024;
