/**
 * Where a bundle came from: a file the user opened, a Lab run, or a demo bundle shipped with the app.
 * Its own module so the row decoders can use it without importing the database (which imports them).
 */
export const BUNDLE_SOURCES = ['opened', 'lab', 'demo'] as const;
export type BundleSource = (typeof BUNDLE_SOURCES)[number];
