/**
 * The Library's IndexedDB database (Dexie). Renderer only: nothing below the store knows about it.
 *
 * Bundle bytes are stored once, keyed by their SHA-256, apart from the small rows lists read, so
 * listing the Library never loads megabytes of bundles. A report is keyed by everything it depends
 * on (bundle hash, trust-root hash, verifier version): a change to any of them misses the cache and
 * verifies afresh.
 *
 * Schema changes append a version to SCHEMA_VERSIONS with an upgrade function; published versions
 * are never edited (Dexie replays them in order on databases created by older builds).
 */
import { Dexie, type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import type { Digest } from '../core/hash.js';
import type { Report, Verdict } from '../verify/report.js';
import type { ReportHead, ReportOutline } from './report-parts.js';
import type { BundleSource } from './bundle-sources.js';
import { upgradeReportsToPages } from './report-upgrade.js';

export const DATABASE_NAME = 'clawproof';

export { BUNDLE_SOURCES, type BundleSource } from './bundle-sources.js';

export interface BundleBytesRow {
  readonly hash: Digest;
  /**
   * A Blob from schema 2 on: IndexedDB stores and hands back a Blob without cloning its content on
   * the page's thread (a 78 MB Uint8Array costs over 100 ms each way). Rows schema 1 wrote hold a
   * Uint8Array and are read as they are.
   */
  readonly bytes: Blob | Uint8Array;
}

export interface BundleRow {
  /** sha256 of the bundle file's bytes. */
  readonly hash: Digest;
  /** File name (or a name the Lab or demo list gave it). */
  readonly name: string;
  readonly source: BundleSource;
  readonly size: number;
  readonly addedAt: string;
  readonly lastOpenedAt: string;
  /** Filled from the latest report: what the list shows without loading the report. */
  readonly jobId: string | null;
  readonly lastVerdict: Verdict | null;
}

/**
 * A cached report (schema 2 on): the head and outline only, so a reopen reads a few kilobytes;
 * the ticket diffs, the timeline and long evidence lists are ReportPageRows under the same key.
 */
export interface ReportRow {
  readonly bundleHash: Digest;
  readonly trustRootHash: Digest;
  readonly verifierVersion: string;
  readonly verdict: Verdict;
  readonly checkedAt: string;
  readonly head: ReportHead;
  readonly outline: ReportOutline;
}

/** A report row as schema 1 stored it: the whole report in one row (converted by version 2's upgrade). */
export interface ReportRowV1 {
  readonly bundleHash: Digest;
  readonly trustRootHash: Digest;
  readonly verifierVersion: string;
  readonly verdict: Verdict;
  readonly checkedAt: string;
  readonly report: Report;
}

/** One page of a part of a cached report (report-parts.ts): found by the report's key, the part and the page index. */
export interface ReportPageRow {
  readonly bundleHash: Digest;
  readonly trustRootHash: Digest;
  readonly verifierVersion: string;
  /** `tickets`, `timeline` or `evidence/<check>[/<issue>]`. */
  readonly part: string;
  readonly index: number;
  readonly items: readonly unknown[];
}

export interface TrustRootRow {
  /** trustRootDigest of the root: sha256 of its RFC 8785 bytes. */
  readonly hash: Digest;
  readonly name: string;
  readonly demoOnly: boolean;
  /** Shipped with the app (the demo root): cannot be deleted. */
  readonly builtIn: boolean;
  /** The root as serializeTrustRoot wrote it; parsed again on every read. */
  readonly json: string;
  readonly keyCount: number;
  readonly addedAt: string;
}

export interface SeenTokenRow {
  readonly jti: string;
  readonly bundleHash: Digest;
  readonly jobId: string;
  readonly seenAt: string;
}

export interface SettingRow {
  readonly key: string;
  readonly value: string;
}

export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

/** Every schema the database has had, oldest first. */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      bundleBytes: '&hash',
      bundles: '&hash, lastOpenedAt',
      reports: '&[bundleHash+trustRootHash+verifierVersion], bundleHash, trustRootHash',
      trustRoots: '&hash, addedAt',
      seenTokens: '&[jti+bundleHash], jti, bundleHash',
      settings: '&key',
    },
  },
  {
    // Reports open lazily: each report row keeps its head, the bulk moves to pages.
    version: 2,
    stores: {
      reportPages: '&[bundleHash+trustRootHash+verifierVersion+part+index], bundleHash, [bundleHash+trustRootHash+verifierVersion]',
    },
    upgrade: upgradeReportsToPages,
  },
];

export class ClawproofDb extends Dexie {
  declare bundleBytes: EntityTable<BundleBytesRow, 'hash'>;
  declare bundles: EntityTable<BundleRow, 'hash'>;
  declare reports: Table<ReportRow, [Digest, Digest, string]>;
  declare reportPages: Table<ReportPageRow, [Digest, Digest, string, string, number]>;
  declare trustRoots: EntityTable<TrustRootRow, 'hash'>;
  declare seenTokens: Table<SeenTokenRow, [string, Digest]>;
  declare settings: EntityTable<SettingRow, 'key'>;

  /**
   * Set when another tab opened a newer schema and this connection closed for good to let it
   * upgrade (see connection.ts): from then on every store call fails with STORE_SUPERSEDED.
   */
  supersededBy: { readonly version: number | null } | null = null;

  /**
   * `options` lets tests pass fake-indexeddb; the app uses the browser's IndexedDB. `schemas` is
   * SCHEMA_VERSIONS except in tests that play a newer build (one more version appended).
   */
  constructor(name: string = DATABASE_NAME, options?: DexieOptions, schemas: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name, options);
    for (const schema of schemas) {
      const version = this.version(schema.version).stores(schema.stores);
      if (schema.upgrade !== undefined) version.upgrade(schema.upgrade);
    }
  }
}
