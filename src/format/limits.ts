/**
 * Bounds on what a reader of bundles (the verifier, the v2 line schemas) reads. A bundle is hostile input: every list has a cap, so a
 * document of a few megabytes cannot make the verifier do unbounded work, and each cap is far
 * above what a real run produces (the runtime takes at most 100,000 tickets per run).
 */

/** Largest bundle document read by default, in bytes. */
export const DEFAULT_MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
/** Deepest JSON nesting of the bundle document by default (a model view sits 4 levels down). */
export const DEFAULT_MAX_BUNDLE_DEPTH = 64;
/** Deepest nesting inside one signed payload. */
export const MAX_PAYLOAD_DEPTH = 64;

export const MAX_TICKETS = 100_000;
export const MAX_RECEIPTS = 1_000_000;
export const MAX_RECORDS = 2_000_000;
export const MAX_APPROVALS = 1_000_000;
export const MAX_MODEL_VIEWS = MAX_RECEIPTS;

/** Caps inside one entry or payload. */
export const MAX_SCOPES = 256;
export const MAX_TAGS = 1_000;
export const MAX_NOTIFICATIONS = 1_000;
export const MAX_FINDINGS = 100_000;
export const MAX_ACTIONS = 256;
export const MAX_REDACT_FIELDS = 1_000;
export const MAX_DETECTORS = 64;
/** Skipped input items listed in job_start.input_skipped (the runtime lists at most 100). */
export const MAX_INPUT_SKIPPED_ITEMS = 1_000;
/** Longest compact JWS accepted for the CST. */
export const MAX_CST_LENGTH = 64 * 1024;
/** Longest free-text field (reasons, rationales) and identifier. */
export const MAX_TEXT_LENGTH = 64 * 1024;
export const MAX_ID_LENGTH = 128;
