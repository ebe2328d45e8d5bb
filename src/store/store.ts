/**
 * The store as one object bound to a database and a verifier: what the UI and the Lab call.
 * Each method is a thin wrapper over the repositories; see them for the rules.
 */
import type { Digest } from '../core/hash.js';
import type { TrustRoot } from '../core/trust-root.js';
import * as bundles from './bundles.js';
import type { Now } from './clock.js';
import type { BundleRow, BundleSource, ClawproofDb, ReportRow, SeenTokenRow, TrustRootRow } from './db.js';
import { verifyAndCache, type VerifyOutcome } from './library.js';
import * as reports from './reports.js';
import * as seen from './seen-tokens.js';
import * as roots from './trust-roots.js';
import type { ProgressListener, Verifier } from './verifier.js';

export interface VerifyBytesOptions {
  readonly source: BundleSource;
  readonly name?: string;
  /** Defaults to the active trust root. */
  readonly trustRoot?: roots.StoredTrustRoot;
  readonly onProgress?: ProgressListener;
}

export interface Store {
  readonly db: ClawproofDb;
  readonly verifier: Verifier;
  /** Keeps the bytes in the Library without verifying them (the Lab's export). */
  saveBundle(bytes: Uint8Array, source: BundleSource, options?: { readonly name?: string }): Promise<BundleRow>;
  /** The cached report when bundle, trust root and verifier version match; else verifies and stores. */
  verifyAndCache(bytes: Uint8Array, options: VerifyBytesOptions): Promise<VerifyOutcome>;
  /** verifyAndCache for a bundle already in the Library. */
  verifyStored(hash: Digest, options?: Omit<VerifyBytesOptions, 'source' | 'name'>): Promise<VerifyOutcome>;
  getBundle(hash: Digest): Promise<BundleRow | undefined>;
  getBundleBytes(hash: Digest): Promise<Uint8Array>;
  listBundles(): Promise<BundleRow[]>;
  deleteBundle(hash: Digest): Promise<void>;
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
  return {
    db,
    verifier,
    saveBundle: (bytes, source, options = {}) =>
      bundles.saveBundle(db, { bytes, source, ...(options.name === undefined ? {} : { name: options.name }) }, now),
    verifyAndCache: (bytes, options) => verifyAndCache(deps, { bytes, ...options }),
    async verifyStored(hash, options = {}) {
      const row = await bundles.getBundle(db, hash);
      const bytes = await bundles.getBundleBytes(db, hash);
      return verifyAndCache(deps, { bytes, source: row?.source ?? 'opened', ...(row === undefined ? {} : { name: row.name }), ...options });
    },
    getBundle: (hash) => bundles.getBundle(db, hash),
    getBundleBytes: (hash) => bundles.getBundleBytes(db, hash),
    listBundles: () => bundles.listBundles(db),
    deleteBundle: (hash) => bundles.deleteBundle(db, hash),
    usage: () => bundles.libraryUsage(db),
    reportsForBundle: (hash) => reports.reportsForBundle(db, hash),
    bundlesWithToken: (jti, exceptBundle) => seen.bundlesWithToken(db, jti, exceptBundle),
    installTrustRoot: (root, options) => roots.installTrustRoot(db, root, options, now),
    listTrustRoots: () => roots.listTrustRoots(db),
    getTrustRoot: (hash) => roots.getTrustRoot(db, hash),
    deleteTrustRoot: (hash) => roots.deleteTrustRoot(db, hash),
    setActiveTrustRoot: (hash) => roots.setActiveTrustRoot(db, hash),
    getActiveTrustRoot: () => roots.getActiveTrustRoot(db),
  };
}
