/**
 * The store layer: the Library's IndexedDB database (Dexie) and its repositories. Renderer only.
 *
 * The app calls `configureStore` once at start-up with its worker-backed verifier; after that the
 * free functions below (used by the Verify, Library, Trust and Lab views) act on that store.
 *
 *   const entry = await saveBundle(bytes, 'lab', { name: 'run.clawproof' }); // keep a Lab export
 *   const outcome = await verifyAndCache(bytes, { source: 'lab' });          // report, cached or fresh
 *
 * Outside the app (tests, scripts), pair a database with the in-thread verifier:
 *   createStore(new ClawproofDb(name, { indexedDB, IDBKeyRange }), inThreadVerifier())
 * importing inThreadVerifier from './in-thread-verifier.js' (kept out of this index so the page's
 * bundle does not carry a second copy of the verifier next to the worker's).
 */
import type { Digest } from '../core/hash.js';
import type { BundleRow, BundleSource } from './db.js';
import { storeError } from './errors.js';
import type { VerifyOutcome } from './library.js';
import type { BundleContent } from './opened-bundle.js';
import { createStore, type Store, type VerifyBytesOptions } from './store.js';

export { ClawproofDb, DATABASE_NAME, BUNDLE_SOURCES, SCHEMA_VERSIONS } from './db.js';
export type { BundleRow, BundleSource, ReportPageRow, ReportRow, SchemaVersion, SeenTokenRow, TrustRootRow } from './db.js';
export { memoryReport, type LazyReport, type PageRead } from './lazy-report.js';
export { EVIDENCE_HEAD, evidencePart, pageSizeOf, splitReport, type PartItem, type PartName, type ReportHead, type ReportOutline, type SplitReport } from './report-parts.js';
export { STORE_ERROR_CODES, isStoreError, storeError, supersededError, toStoreError, type StoreError, type StoreErrorCode } from './errors.js';
export { bundleHash, defaultBundleName, type LibraryListing, type LibraryUsage, type UnreadableEntry } from './bundles.js';
export { connect, type ConnectionListener, type ConnectionState, type LibraryConnection } from './connection.js';
export type { ReportKey } from './reports.js';
export type { SeenToken } from './seen-tokens.js';
export type { StoredTrustRoot, InstallOptions } from './trust-roots.js';
export type { VerifyOutcome, VerifyRequest } from './library.js';
export type { PartsListener, PreparedBundle, ProgressListener, Verifier, VerifierCall, VerifierResult } from './verifier.js';
export type { BundleContent } from './opened-bundle.js';
export { cstTokenOf, tokenIsTrusted } from './cst-token.js';
export { createStore, type Store, type VerifyBytesOptions } from './store.js';

let current: Store | undefined;

/** Sets the store the free functions use (the app does this once, before mounting). */
export function configureStore(store: Store): Store {
  current = store;
  return store;
}

/** The configured store; throws STORE_UNAVAILABLE when the app has not configured one. */
export function getStore(): Store {
  if (current === undefined) {
    throw storeError('STORE_UNAVAILABLE', 'The local library is not set up: configureStore() has not been called.');
  }
  return current;
}

/** Keeps a bundle in the Library without verifying it; idempotent per content hash. */
export function saveBundle(bytes: Uint8Array, source: BundleSource, options: { readonly name?: string } = {}): Promise<BundleRow> {
  return getStore().saveBundle(bytes, source, options);
}

/** The report for `bytes`: from the Library when it holds one for the same trust root and verifier, else verified now. */
export function verifyAndCache(bytes: BundleContent, options: VerifyBytesOptions): Promise<VerifyOutcome> {
  return getStore().verifyAndCache(bytes, options);
}

/** verifyAndCache for a bundle already in the Library, by hash. */
export function verifyStored(hash: Digest, options?: Omit<VerifyBytesOptions, 'source' | 'name'>): Promise<VerifyOutcome> {
  return getStore().verifyStored(hash, options);
}
