/**
 * Verify a bundle through the Library: a stored report is reused when bundle, trust root and
 * verifier version are all the same; otherwise the bundle is verified (with the tokens seen in
 * other bundles, for the replay check) and bundle, report and token are stored in ONE transaction,
 * so a failed write (a full disk) leaves the Library exactly as it was.
 */
import { BUNDLE_MEDIA_TYPE } from '../core/bundle/media-types.js';
import { BUNDLE_V2_MEDIA_TYPE } from '../format/v2/media-types.js';
import type { Digest } from '../core/hash.js';
import { isClawproofError } from '../core/errors.js';
import { damagedEntry, defaultBundleName, storedBytes } from './bundles.js';
import { stamp, systemNow, type Now } from './clock.js';
import { tokenIsTrusted } from './cst-token.js';
import type { BundleRow, BundleSource, ClawproofDb } from './db.js';
import { storeError, supersededError, toStoreError, type StoreError } from './errors.js';
import { memoryReport, storedReport, type LazyReport } from './lazy-report.js';
import type { ReportHead, SplitReport } from './report-parts.js';
import { getCachedReport, putReport, type ReportKey } from './reports.js';
import { contentSize, openBundle, type BundleContent } from './opened-bundle.js';
import { decodeBundleRow } from './rows.js';
import { seenTokenRow, seenTokensExcept, type SeenToken } from './seen-tokens.js';
import { getActiveTrustRoot, type StoredTrustRoot } from './trust-roots.js';
import type { PartsListener, PreparedBundle, ProgressListener, Verifier } from './verifier.js';

export interface VerifyRequest {
  /** The bundle: bytes in memory, or the File the user chose (read and hashed off the page's thread, stored as is). */
  readonly bytes: BundleContent;
  readonly source: BundleSource;
  readonly name?: string;
  /** Defaults to the active trust root. */
  readonly trustRoot?: StoredTrustRoot;
  readonly onProgress?: ProgressListener;
  readonly onPartsChecked?: PartsListener;
  /**
   * Set when `bytes` were read from the Library: the hash they are stored under. Content that
   * does not hash to it, or cannot be read, is a damaged entry (STORE_CORRUPT), never verified.
   */
  readonly storedAs?: Digest;
}

export interface VerifyOutcome {
  readonly bundleHash: Digest;
  /** What the report's first screen shows (verdict, causes, checks); the rest is in `lazy`. */
  readonly report: ReportHead;
  /** The whole report, read a page at a time (from memory when just verified, else from the Library). */
  readonly lazy: LazyReport;
  /** True when the report was read from the Library instead of being computed now. */
  readonly fromCache: boolean;
  readonly key: ReportKey;
  readonly trustRoot: StoredTrustRoot;
  /** The Library entry; null when the file was not stored (not a bundle, or the write failed). */
  readonly entry: BundleRow | null;
  /** Why storing failed: the report is still right, it just was not kept. */
  readonly storeError: StoreError | null;
  /**
   * Set when the Library held a report for this bundle that no longer decodes: the bundle was
   * verified afresh and (unless storeError says otherwise) the damaged copy replaced.
   */
  readonly damagedReport: string | null;
}

export interface LibraryDeps {
  readonly db: ClawproofDb;
  readonly verifier: Verifier;
  readonly now?: Now;
}

export async function verifyAndCache(deps: LibraryDeps, request: VerifyRequest): Promise<VerifyOutcome> {
  const opened = await openStored(deps.verifier, request);
  try {
    return await verifyOpened(deps, request, opened);
  } finally {
    opened.release(); // a cached report was found, or something failed: the verifier lets go of the bytes
  }
}

/** openBundle, with content read from the Library checked against the hash it is stored under. */
async function openStored(verifier: Verifier, request: VerifyRequest): Promise<PreparedBundle> {
  const { storedAs } = request;
  if (storedAs === undefined) return openBundle(verifier, request.bytes);
  let opened: PreparedBundle;
  try {
    opened = await openBundle(verifier, request.bytes);
  } catch (cause) {
    if (!isClawproofError(cause) || cause.code !== 'FILE_UNREADABLE') throw cause;
    throw damagedEntry(storedAs, `its stored content cannot be read (${cause.message})`);
  }
  if (opened.hash === storedAs) return opened;
  opened.release();
  throw damagedEntry(storedAs, 'its stored content no longer hashes to its name');
}

async function verifyOpened(deps: LibraryDeps, request: VerifyRequest, opened: PreparedBundle): Promise<VerifyOutcome> {
  const { db, verifier } = deps;
  const now = deps.now ?? systemNow;
  const hash = opened.hash;
  const trustRoot = request.trustRoot ?? (await getActiveTrustRoot(db));
  if (trustRoot === undefined) {
    throw storeError('STORE_NOT_FOUND', 'No trust root is installed: import one on the Trust page first.');
  }
  const key: ReportKey = { bundleHash: hash, trustRootHash: trustRoot.row.hash, verifierVersion: verifier.version };

  const cached = await getCachedReport(db, key);
  if (cached.kind === 'hit') {
    const touched = await touch(db, hash, stamp(now)).catch(() => null); // a failed "last opened" stamp loses nothing
    const lazy = storedReport(db, key, cached.row.head, cached.row.outline);
    const hit = { bundleHash: hash, report: cached.row.head, lazy, fromCache: true, key, trustRoot, damagedReport: null };
    if (touched !== 'damaged') return { ...hit, entry: touched, storeError: null };
    // The report is good but the Library entry is not: rebuild the entry from the bytes in hand
    // (the report's own rows are left as they are: they decoded).
    return { ...hit, ...(await keep(db, request, key, cached.row.head, null, null, stamp(now))) };
  }
  // The bundle's bytes are the truth the report was derived from: a damaged report is derived again.
  const damagedReport =
    cached.kind === 'damaged'
      ? `The report stored for this bundle could not be read (${cached.problem}), so the bundle was verified again.`
      : null;

  const seenTokens = await seenTokensExcept(db, hash);
  const { report, token, blob } = await opened.verify(trustRoot.root, {
    seenTokens,
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
    ...(request.onPartsChecked === undefined ? {} : { onPartsChecked: request.onPartsChecked }),
  });
  const outcome = { bundleHash: hash, report: report.head, lazy: memoryReport(report), fromCache: false, key, trustRoot, damagedReport };

  // Only Clawproof bundles (valid or not) belong in the Library; a stray PNG or a trust root does not.
  if (report.head.bundle.mediaType !== BUNDLE_MEDIA_TYPE && report.head.bundle.mediaType !== BUNDLE_V2_MEDIA_TYPE) return { ...outcome, entry: null, storeError: null };
  return { ...outcome, ...(await keep(db, { ...request, ...(blob === undefined ? {} : { blob }) }, key, report.head, report, token, stamp(now))) };
}

/**
 * The cached report of a stored bundle, found by its hash alone: a reopen reads the report's head
 * row and never the bundle's bytes (the inspector reads them later, checked against the hash).
 * Undefined when nothing usable is cached or the Library entry needs rebuilding: then the caller
 * reads the bytes and goes through verifyAndCache.
 */
export async function cachedOutcome(deps: LibraryDeps, hash: Digest, trustRoot?: StoredTrustRoot): Promise<VerifyOutcome | undefined> {
  const { db, verifier } = deps;
  const root = trustRoot ?? (await getActiveTrustRoot(db));
  if (root === undefined) return undefined;
  const key: ReportKey = { bundleHash: hash, trustRootHash: root.row.hash, verifierVersion: verifier.version };
  // Both at once: the bundle is being opened either way, so its "last opened" stamp is right on a miss too.
  const [cached, entry] = await Promise.all([getCachedReport(db, key), touch(db, hash, stamp(deps.now ?? systemNow)).catch(() => null)]);
  if (cached.kind !== 'hit' || entry === 'damaged' || entry === null) return undefined;
  const lazy = storedReport(db, key, cached.row.head, cached.row.outline);
  return { bundleHash: hash, report: cached.row.head, lazy, fromCache: true, key, trustRoot: root, entry, storeError: null, damagedReport: null };
}

/**
 * Stores bundle, report and token in ONE transaction. A damaged or missing entry is rebuilt from
 * the bytes in hand (and its stored bytes rewritten); a good one keeps its name, source and age.
 * `split` is null when only the entry is rebuilt (the report is already stored).
 */
async function keep(
  db: ClawproofDb,
  request: VerifyRequest & { readonly blob?: Blob },
  key: ReportKey,
  report: ReportHead,
  split: SplitReport | null,
  token: SeenToken | null,
  at: string,
): Promise<{ entry: BundleRow | null; storeError: StoreError | null }> {
  const hash = key.bundleHash;
  try {
    const entry = await db.transaction('rw', [db.bundles, db.bundleBytes, db.reports, db.reportPages, db.seenTokens], async () => {
      const stored = await db.bundles.get(hash);
      const decoded = stored === undefined ? undefined : decodeBundleRow(stored);
      const existing = decoded?.ok === true ? decoded.row : undefined;
      const name = request.name?.trim() ?? '';
      const row: BundleRow = {
        hash,
        name: existing?.name ?? (name === '' ? defaultBundleName(hash) : name),
        source: existing?.source ?? request.source,
        size: contentSize(request.bytes),
        addedAt: existing?.addedAt ?? at,
        lastOpenedAt: at,
        jobId: report.bundle.jobId,
        lastVerdict: report.verdict,
      };
      // A chosen file is stored as it is; bytes in memory as the Blob the verifier made of them, if it did.
      const bytes = request.bytes instanceof Blob ? request.bytes : (request.blob ?? storedBytes(request.bytes));
      if (existing === undefined) await db.bundleBytes.put({ hash, bytes });
      await db.bundles.put(row);
      if (split !== null) await putReport(db, key, split);
      if (token !== null && tokenIsTrusted(report)) await db.seenTokens.put(seenTokenRow(token, hash, at));
      return row;
    });
    return { entry, storeError: null };
  } catch (cause) {
    const doing = 'saving the bundle and its report';
    // Another tab upgraded the library while this verification ran: say so, not "database closed".
    return { entry: null, storeError: db.supersededBy !== null ? supersededError(doing, cause) : toStoreError(cause, doing) };
  }
}

/** Stamps "last opened"; null when the bundle is not stored, 'damaged' when its entry does not decode. */
async function touch(db: ClawproofDb, hash: Digest, at: string): Promise<BundleRow | null | 'damaged'> {
  return db.transaction('rw', db.bundles, async () => {
    const stored = await db.bundles.get(hash);
    if (stored === undefined) return null;
    const decoded = decodeBundleRow(stored);
    if (!decoded.ok) return 'damaged';
    const updated: BundleRow = { ...decoded.row, lastOpenedAt: at };
    await db.bundles.put(updated);
    return updated;
  });
}
