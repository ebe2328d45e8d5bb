/**
 * The store as one object bound to a database and a verifier: what the UI and the Lab call.
 * Each method is a thin wrapper over the repositories; see them for the rules. Once this tab has
 * let go of the database for a newer schema (connection.ts), every method fails with
 * STORE_SUPERSEDED, which says to reload, instead of Dexie's "database closed".
 */
import { Dexie, type IndexableType } from 'dexie';
import type { Digest } from '../core/hash.js';
import type { TrustRoot } from '../core/trust-root.js';
import * as bundles from './bundles.js';
import type { Now } from './clock.js';
import type { BundleRow, BundleSource, ClawproofDb, ReportRow, SeenTokenRow, TrustRootRow } from './db.js';
import { supersededError } from './errors.js';
import { cachedOutcome, verifyAndCache, type VerifyOutcome } from './library.js';
import type { BundleContent } from './opened-bundle.js';
import * as reports from './reports.js';
import * as seen from './seen-tokens.js';
import * as roots from './trust-roots.js';
import type { PartsListener, ProgressListener, Verifier } from './verifier.js';

export interface VerifyBytesOptions {
  readonly source: BundleSource;
  readonly name?: string;
  /** Defaults to the active trust root. */
  readonly trustRoot?: roots.StoredTrustRoot;
  readonly onProgress?: ProgressListener;
  readonly onPartsChecked?: PartsListener;
}

export interface Store {
  readonly db: ClawproofDb;
  readonly verifier: Verifier;
  /** Keeps the bytes in the Library without verifying them (the Lab's export). */
  saveBundle(bytes: Uint8Array, source: BundleSource, options?: { readonly name?: string }): Promise<BundleRow>;
  /** The cached report when bundle, trust root and verifier version match; else verifies and stores. */
  verifyAndCache(bytes: BundleContent, options: VerifyBytesOptions): Promise<VerifyOutcome>;
  /** verifyAndCache for a bundle already in the Library. */
  verifyStored(hash: Digest, options?: Omit<VerifyBytesOptions, 'source' | 'name'>): Promise<VerifyOutcome>;
  getBundle(hash: Digest): Promise<BundleRow | undefined>;
  getBundleBytes(hash: Digest): Promise<Uint8Array>;
  /** Fails with STORE_CORRUPT when the stored bytes no longer hash to `hash` (hashed off the page's thread when it can). */
  checkBundleBytes(hash: Digest): Promise<void>;
  listBundles(): Promise<BundleRow[]>;
  /** Readable entries and, apart, those that do not decode (each can be removed by its key). */
  listLibrary(): Promise<bundles.LibraryListing>;
  deleteBundle(hash: Digest): Promise<void>;
  removeUnreadable(key: IndexableType): Promise<void>;
  usage(): Promise<bundles.LibraryUsage>;
  reportsForBundle(hash: Digest): Promise<ReportRow[]>;
  bundlesWithToken(jti: string, exceptBundle: Digest): Promise<SeenTokenRow[]>;
  installTrustRoot(root: TrustRoot, options?: roots.InstallOptions): Promise<TrustRootRow>;
  listTrustRoots(): Promise<TrustRootRow[]>;
  getTrustRoot(hash: Digest): Promise<roots.StoredTrustRoot>;
  deleteTrustRoot(hash: Digest): Promise<void>;
  setActiveTrustRoot(hash: Digest): Promise<void>;
  getActiveTrustRoot(): Promise<roots.StoredTrustRoot | undefined>;
}

export function createStore(db: ClawproofDb, verifier: Verifier, now?: Now): Store {
  const deps = { db, verifier, ...(now === undefined ? {} : { now }) };
  const guard = <A extends unknown[], R>(doing: string, call: (...args: A) => Promise<R>) => guarded(db, doing, call);
  return {
    db,
    verifier,
    saveBundle: guard('saving the bundle', (bytes: Uint8Array, source: BundleSource, options: { readonly name?: string } = {}) =>
      bundles.saveBundle(db, { bytes, source, ...(options.name === undefined ? {} : { name: options.name }) }, now),
    ),
    verifyAndCache: guard('verifying through the library', (bytes: BundleContent, options: VerifyBytesOptions) => verifyAndCache(deps, { bytes, ...options })),
    verifyStored: guard('opening the stored bundle', async (hash: Digest, options: Omit<VerifyBytesOptions, 'source' | 'name'> = {}) => {
      const cached = await cachedOutcome(deps, hash, options.trustRoot);
      if (cached !== undefined) return cached;
      const row = await bundles.getBundle(db, hash);
      // Checked against its hash where it is verified (the worker), not read and hashed here first.
      const bytes = await bundles.storedBundleBytes(db, hash);
      return verifyAndCache(deps, { bytes, storedAs: hash, source: row?.source ?? 'opened', ...(row === undefined ? {} : { name: row.name }), ...options });
    }),
    getBundle: guard('reading the library', (hash: Digest) => bundles.getBundle(db, hash)),
    getBundleBytes: guard('reading the bundle', (hash: Digest) => bundles.getBundleBytes(db, hash)),
    checkBundleBytes: guard('reading the bundle', (hash: Digest) => bundles.checkBundleBytes(db, hash, verifier.hashBlob)),
    listBundles: guard('reading the library', () => bundles.listBundles(db)),
    listLibrary: guard('reading the library', () => bundles.listLibrary(db)),
    deleteBundle: guard('deleting the bundle', (hash: Digest) => bundles.deleteBundle(db, hash)),
    removeUnreadable: guard('removing the unreadable entry', (key: IndexableType) => bundles.removeUnreadable(db, key)),
    usage: guard('reading the library', () => bundles.libraryUsage(db)),
    reportsForBundle: guard('reading the reports', (hash: Digest) => reports.reportsForBundle(db, hash)),
    bundlesWithToken: guard('reading the seen tokens', (jti: string, exceptBundle: Digest) => seen.bundlesWithToken(db, jti, exceptBundle)),
    installTrustRoot: guard('saving the trust root', (root: TrustRoot, options?: roots.InstallOptions) => roots.installTrustRoot(db, root, options, now)),
    listTrustRoots: guard('reading the trust roots', () => roots.listTrustRoots(db)),
    getTrustRoot: guard('reading the trust root', (hash: Digest) => roots.getTrustRoot(db, hash)),
    deleteTrustRoot: guard('deleting the trust root', (hash: Digest) => roots.deleteTrustRoot(db, hash)),
    setActiveTrustRoot: guard('choosing the trust root', (hash: Digest) => roots.setActiveTrustRoot(db, hash)),
    getActiveTrustRoot: guard('reading the trust roots', () => roots.getActiveTrustRoot(db)),
  };
}

/**
 * `call`, failing with STORE_SUPERSEDED once the connection was given up for a newer schema
 * (before or during the call). Not a native async wrapper: Dexie's liveQuery tracks the tables a
 * query reads through its own promise zone, and a native promise layer loses the reads after it
 * (test/e2e/trust.spec.ts pins it: a trust root chosen must show as in use).
 */
function guarded<A extends unknown[], R>(db: ClawproofDb, doing: string, call: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => {
    if (db.supersededBy !== null) return Promise.reject(supersededError(doing));
    // Dexie.Promise keeps Dexie's zone (and so the liveQuery's read tracking) across the catch.
    return Dexie.Promise.resolve(call(...args)).catch((cause: unknown) => {
      throw db.supersededBy !== null ? supersededError(doing, cause) : cause;
    }) as Promise<R>;
  };
}
