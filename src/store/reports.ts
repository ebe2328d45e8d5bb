/**
 * Cached verification reports. A report is only as good as the three things it was computed from,
 * so it is stored and found under all three: the bundle's hash, the trust root's hash and the
 * verifier's version. Anything else misses and the bundle is verified again.
 *
 * Stored lazily (schema 2): the report row holds the head and outline (report-parts.ts), the bulk
 * is in reportPages under the same key, read page by page as the views need it (lazy-report.ts).
 */
import type { Digest } from '../core/hash.js';
import type { ClawproofDb, ReportRow } from './db.js';
import { toStoreError } from './errors.js';
import type { PartName, SplitReport } from './report-parts.js';
import { pagedRows } from './report-rows.js';
import { decodeReportPage, decodeReportRow, type Decoded } from './rows.js';

export interface ReportKey {
  readonly bundleHash: Digest;
  readonly trustRootHash: Digest;
  readonly verifierVersion: string;
}

/** A cache look-up: a usable report head, nothing stored, or a stored entry that does not decode. */
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

/**
 * Page `index` of `part` (of `total` items), checked strictly: a missing or damaged page is
 * `ok: false` with what is wrong, never a crash of the view that asked.
 */
export async function readReportPage(db: ClawproofDb, key: ReportKey, part: PartName, index: number, total: number): Promise<Decoded<readonly unknown[]>> {
  let stored: unknown;
  try {
    stored = await db.reportPages.get([...keyOf(key), part, index]);
  } catch (cause) {
    throw toStoreError(cause, 'reading the report');
  }
  if (stored === undefined) return { ok: false, problem: 'it is missing' };
  return decodeReportPage(stored, part, index, total);
}

/**
 * Writes a report (its pages, then its head) inside the caller's transaction, replacing any
 * earlier copy under the same key. One page per request, each awaited: IndexedDB clones a value
 * on the calling thread when it is put, so the page's thread clones one small page per task
 * instead of the whole report in one long task.
 */
export async function putReport(db: ClawproofDb, key: ReportKey, split: SplitReport): Promise<void> {
  const rows = pagedRows({ ...key, verdict: split.head.verdict, checkedAt: split.head.checkedAt }, split);
  await db.reportPages.where('[bundleHash+trustRootHash+verifierVersion]').equals(keyOf(key)).delete();
  for (const page of rows.pages) await db.reportPages.put(page);
  await db.reports.put(rows.head);
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
