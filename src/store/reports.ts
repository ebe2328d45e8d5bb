/**
 * Cached verification reports. A report is only as good as the three things it was computed from,
 * so it is stored and found under all three: the bundle's hash, the trust root's hash and the
 * verifier's version. Anything else misses and the bundle is verified again.
 */
import type { Digest } from '../core/hash.js';
import type { Report } from '../verify/report.js';
import type { ClawproofDb, ReportRow } from './db.js';
import { toStoreError } from './errors.js';

export interface ReportKey {
  readonly bundleHash: Digest;
  readonly trustRootHash: Digest;
  readonly verifierVersion: string;
}

function keyOf(key: ReportKey): [Digest, Digest, string] {
  return [key.bundleHash, key.trustRootHash, key.verifierVersion];
}

export async function getCachedReport(db: ClawproofDb, key: ReportKey): Promise<ReportRow | undefined> {
  try {
    return await db.reports.get(keyOf(key));
  } catch (cause) {
    throw toStoreError(cause, 'reading the cached report');
  }
}

export function reportRow(key: ReportKey, report: Report): ReportRow {
  return {
    bundleHash: key.bundleHash,
    trustRootHash: key.trustRootHash,
    verifierVersion: key.verifierVersion,
    verdict: report.verdict,
    checkedAt: report.checkedAt,
    report,
  };
}

/** Every report stored for one bundle (one per trust root and verifier version it was checked with). */
export async function reportsForBundle(db: ClawproofDb, bundleHash: Digest): Promise<ReportRow[]> {
  try {
    return await db.reports.where('bundleHash').equals(bundleHash).toArray();
  } catch (cause) {
    throw toStoreError(cause, 'reading the reports');
  }
}
