/**
 * Cached verification reports. A report is only as good as the three things it was computed from,
 * so it is stored and found under all three: the bundle's hash, the trust root's hash and the
 * verifier's version. Anything else misses and the bundle is verified again.
 */
import type { Digest } from '../core/hash.js';
import type { Report } from '../verify/report.js';
import type { ClawproofDb, ReportRow } from './db.js';
import { toStoreError } from './errors.js';
import { decodeReportRow } from './rows.js';

export interface ReportKey {
  readonly bundleHash: Digest;
  readonly trustRootHash: Digest;
  readonly verifierVersion: string;
}

/** A cache look-up: a usable report, nothing stored, or a stored entry that does not decode. */
export type CachedReport =
  | { readonly kind: 'hit'; readonly row: ReportRow }
  | { readonly kind: 'miss' }
  | { readonly kind: 'damaged'; readonly problem: string };

function keyOf(key: ReportKey): [Digest, Digest, string] {
  return [key.bundleHash, key.trustRootHash, key.verifierVersion];
}

export async function getCachedReport(db: ClawproofDb, key: ReportKey): Promise<CachedReport> {
  let stored: unknown;
  try {
    stored = await db.reports.get(keyOf(key));
  } catch (cause) {
    throw toStoreError(cause, 'reading the cached report');
  }
  if (stored === undefined) return { kind: 'miss' };
  const decoded = decodeReportRow(stored);
  return decoded.ok ? { kind: 'hit', row: decoded.row } : { kind: 'damaged', problem: decoded.problem };
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

/** Every readable report stored for one bundle (one per trust root and verifier version it was checked with). */
export async function reportsForBundle(db: ClawproofDb, bundleHash: Digest): Promise<ReportRow[]> {
  let rows: unknown[];
  try {
    rows = await db.reports.where('bundleHash').equals(bundleHash).toArray();
  } catch (cause) {
    throw toStoreError(cause, 'reading the reports');
  }
  return rows.flatMap((row) => {
    const decoded = decodeReportRow(row);
    return decoded.ok ? [decoded.row] : [];
  });
}
