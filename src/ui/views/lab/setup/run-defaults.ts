/**
 * The Lab's default run options. Fixed, not "now": two runs with the defaults give the same bundle
 * byte for byte, and the first run matches the README's examples (which start at this time).
 */
export const DEFAULT_LAB_SEED = 0;
export const DEFAULT_LAB_START = '2026-01-05T09:00:00Z';
