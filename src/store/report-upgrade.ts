/**
 * Schema 2's upgrade: every cached report stored whole (schema 1) becomes a head row and its pages
 * (report-parts.ts), under the same key, so no report already in the Library is lost. One row at a
 * time, so a Library of many large reports is never in memory at once. A row that does not decode
 * as a schema-1 report is left as it is: reading it says it is damaged, and the bundle is verified
 * again, as with any damaged report.
 */
import type { Transaction } from 'dexie';
import { splitReport } from './report-parts.js';
import { pagedRows } from './report-rows.js';
import { decodeReportRowV1 } from './rows.js';

export async function upgradeReportsToPages(tx: Transaction): Promise<void> {
  const reports = tx.table('reports');
  const pages = tx.table('reportPages');
  const keys = await reports.toCollection().primaryKeys();
  for (const key of keys) {
    const decoded = decodeReportRowV1(await reports.get(key));
    if (!decoded.ok) continue;
    const { report, ...rest } = decoded.row;
    const rows = pagedRows({ ...rest }, splitReport(report));
    await pages.bulkPut(rows.pages);
    await reports.put(rows.head);
  }
}
