/**
 * The most bytes Clawproof reads of each kind of input file (README, "The `clawproof` command";
 * `clawproof help`). Each is far above what a real file of its kind holds, and low enough that
 * an endless source (a FIFO fed from /dev/zero, a file that keeps growing) is cut off in seconds.
 */

/** A proof bundle: verify's default maxBytes (src/format/limits.ts) and the desktop app's 256 MiB. */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
/**
 * The most `clawproof verify --max-bytes` may allow: the library's own ceiling (verifyBundle's
 * maxBytes). A run of the runtime's largest size, 100,000 tickets, is about 540 MB in format v2.
 */
export const MAX_BUNDLE_BYTES_CEILING = 1024 * 1024 * 1024;
/** A trust root: a handful of public keys per role; 4 MiB holds tens of thousands. */
export const MAX_TRUST_ROOT_BYTES = 4 * 1024 * 1024;
/** A WPC: hand-written policy, a few KiB in practice. */
export const MAX_WPC_BYTES = 4 * 1024 * 1024;
/** A keyring: six seeds and their metadata. */
export const MAX_KEYRING_BYTES = 1024 * 1024;
/** One Zendesk export file (tickets, or the export `verify --against` compares with): the strict JSON parser's default limit. */
export const MAX_EXPORT_FILE_BYTES = 64 * 1024 * 1024;
/** All the files of a `--tickets` directory together. */
export const MAX_TICKETS_TOTAL_BYTES = 256 * 1024 * 1024;
