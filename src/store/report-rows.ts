/** The rows a report is stored as (schema 2): one head row and one row per page, under one key. */
import type { ReportPageRow, ReportRow } from './db.js';
import type { SplitReport } from './report-parts.js';

export type ReportRowKey = Pick<ReportRow, 'bundleHash' | 'trustRootHash' | 'verifierVersion' | 'verdict' | 'checkedAt'>;

export function pagedRows(key: ReportRowKey, split: SplitReport): { head: ReportRow; pages: ReportPageRow[] } {
  const { bundleHash, trustRootHash, verifierVersion } = key;
  const pages: ReportPageRow[] = [];
  for (const [part, list] of split.pages) {
    list.forEach((items, index) => pages.push({ bundleHash, trustRootHash, verifierVersion, part, index, items }));
  }
  return { head: { ...key, head: split.head, outline: split.outline }, pages };
}
