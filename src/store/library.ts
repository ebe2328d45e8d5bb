/**
 * Verify a bundle through the Library: a stored report is reused when bundle, trust root and
 * verifier version are all the same; otherwise the bundle is verified (with the tokens seen in
 * other bundles, for the replay check) and bundle, report and token are stored in ONE transaction,
 * so a failed write (a full disk) leaves the Library exactly as it was.
 */
import { BUNDLE_MEDIA_TYPE } from '../core/bundle/media-types.js';
import type { Digest } from '../core/hash.js';
import type { Report } from '../verify/report.js';
import { bundleHash, defaultBundleName } from './bundles.js';
import { stamp, systemNow, type Now } from './clock.js';
import { tokenIsTrusted } from './cst-token.js';
import type { BundleRow, BundleSource, ClawproofDb } from './db.js';
import { storeError, toStoreError, type StoreError } from './errors.js';
import { getCachedReport, reportRow, type ReportKey } from './reports.js';
import { seenTokenRow, seenTokensExcept } from './seen-tokens.js';
import { getActiveTrustRoot, type StoredTrustRoot } from './trust-roots.js';
import type { ProgressListener, Verifier } from './verifier.js';

export interface VerifyRequest {
  readonly bytes: Uint8Array;
  readonly source: BundleSource;
  readonly name?: string;
  /** Defaults to the active trust root. */
  readonly trustRoot?: StoredTrustRoot;
  readonly onProgress?: ProgressListener;
}

export interface VerifyOutcome {
  readonly bundleHash: Digest;
  readonly report: Report;
  /** True when the report was read from the Library instead of being computed now. */
  readonly fromCache: boolean;
  readonly key: ReportKey;
  readonly trustRoot: StoredTrustRoot;
  /** The Library entry; null when the file was not stored (not a bundle, or the write failed). */
  readonly entry: BundleRow | null;
  /** Why storing failed: the report is still right, it just was not kept. */
  readonly storeError: StoreError | null;
}

export interface LibraryDeps {
  readonly db: ClawproofDb;
  readonly verifier: Verifier;
  readonly now?: Now;
}

export async function verifyAndCache(deps: LibraryDeps, request: VerifyRequest): Promise<VerifyOutcome> {
  const { db, verifier } = deps;
  const now = deps.now ?? systemNow;
  const hash = await bundleHash(request.bytes);
  const trustRoot = request.trustRoot ?? (await getActiveTrustRoot(db));
  if (trustRoot === undefined) {
    throw storeError('STORE_NOT_FOUND', 'No trust root is installed: import one on the Trust page first.');
  }
  const key: ReportKey = { bundleHash: hash, trustRootHash: trustRoot.row.hash, verifierVersion: verifier.version };

  const cached = await getCachedReport(db, key);
  if (cached !== undefined) {
    const entry = await touch(db, hash, stamp(now)).catch(() => null); // a failed "last opened" stamp loses nothing
    return { bundleHash: hash, report: cached.report, fromCache: true, key, trustRoot, entry, storeError: null };
  }

  const seenTokens = await seenTokensExcept(db, hash);
  const { report, token } = await verifier.verify(request.bytes, trustRoot.root, {
    seenTokens,
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
  });
  const outcome = { bundleHash: hash, report, fromCache: false, key, trustRoot };

  // Only Clawproof bundles (valid or not) belong in the Library; a stray PNG or a trust root does not.
  if (report.bundle.mediaType !== BUNDLE_MEDIA_TYPE) return { ...outcome, entry: null, storeError: null };

  const at = stamp(now);
  try {
    const entry = await db.transaction('rw', db.bundles, db.bundleBytes, db.reports, db.seenTokens, async () => {
      const existing = await db.bundles.get(hash);
      const name = request.name?.trim() ?? '';
      const row: BundleRow = {
        hash,
        name: existing?.name ?? (name === '' ? defaultBundleName(hash) : name),
        source: existing?.source ?? request.source,
        size: request.bytes.byteLength,
        addedAt: existing?.addedAt ?? at,
        lastOpenedAt: at,
        jobId: report.bundle.jobId,
        lastVerdict: report.verdict,
      };
      if (existing === undefined) await db.bundleBytes.put({ hash, bytes: request.bytes.slice() });
      await db.bundles.put(row);
      await db.reports.put(reportRow(key, report));
      if (token !== null && tokenIsTrusted(report)) await db.seenTokens.put(seenTokenRow(token, hash, at));
      return row;
    });
    return { ...outcome, entry, storeError: null };
  } catch (cause) {
    return { ...outcome, entry: null, storeError: toStoreError(cause, 'saving the bundle and its report') };
  }
}

async function touch(db: ClawproofDb, hash: Digest, at: string): Promise<BundleRow | null> {
  return db.transaction('rw', db.bundles, async () => {
    const row = await db.bundles.get(hash);
    if (row === undefined) return null;
    const updated: BundleRow = { ...row, lastOpenedAt: at };
    await db.bundles.put(updated);
    return updated;
  });
}
