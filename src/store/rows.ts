/**
 * Rows read back from IndexedDB are input like any other: a hand-edited database, a build that
 * wrote another format, or a damaged profile can hand back anything. Each row is checked here
 * before a view sees it, so one bad entry is reported (and can be removed) instead of breaking
 * the Library for every other one.
 *
 * A row that passes is returned as stored (not as zod's copy), so nothing in it is dropped.
 */
import { z } from 'zod';
import type { IndexableType } from 'dexie';
import { BUNDLE_SOURCES } from './bundle-sources.js';
import type { BundleBytesRow, BundleRow, ReportRow, ReportRowV1, SeenTokenRow } from './db.js';
import { VERDICTS } from '../verify/report.js';
import { isPartName, pageLength, type PartName } from './report-parts.js';
import { evidenceSchema, reportHeadSchema, reportSchema, ticketSchema, timelineEntrySchema } from './report-schema.js';

export type Decoded<T> = { readonly ok: true; readonly row: T } | { readonly ok: false; readonly problem: string };

const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected a sha256: digest');
const verdict = z.enum(VERDICTS);

const bundleRow = z.object({
  hash: digest,
  name: z.string().min(1),
  source: z.enum(BUNDLE_SOURCES),
  size: z.number().int().min(0),
  addedAt: z.string(),
  lastOpenedAt: z.string(),
  jobId: z.string().nullable(),
  lastVerdict: verdict.nullable(),
});

const count = z.number().int().min(0);
const outline = z
  .object({
    tickets: count,
    ticketIds: z.array(z.number()),
    inconsistentTickets: count,
    timeline: count,
    evidence: z.record(z.string().refine(isPartName, 'expected an evidence part name'), count),
  })
  .refine((o) => o.ticketIds.length === o.tickets, { message: 'the ticket ids do not match the ticket count', path: ['ticketIds'] });

const reportKey = { bundleHash: digest, trustRootHash: digest, verifierVersion: z.string() };

const reportRow = z.object({ ...reportKey, verdict, checkedAt: z.string(), head: reportHeadSchema, outline });

const reportRowV1 = z.object({ ...reportKey, verdict, checkedAt: z.string(), report: reportSchema });

const bytesRow = z.object({ hash: digest, bytes: z.union([z.instanceof(Blob), z.instanceof(Uint8Array)]) });

const seenTokenRow = z.object({ jti: z.string().min(1), bundleHash: digest, jobId: z.string().min(1), seenAt: z.string() });

/** "name: expected string, received number": the first thing wrong, where it is. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'it does not have the expected shape';
  const where = issue.path.length === 0 ? 'the entry' : issue.path.map(String).join('.');
  return `${where}: ${issue.message}`;
}

function decoder<T>(schema: z.ZodType): (value: unknown) => Decoded<T> {
  return (value) => {
    const result = schema.safeParse(value);
    return result.success ? { ok: true, row: value as T } : { ok: false, problem: describe(result.error) };
  };
}

export const decodeBundleRow = decoder<BundleRow>(bundleRow);
export const decodeReportRow = decoder<ReportRow>(reportRow);
/** Schema 1's whole-report row, returned as zod's copy: that fills in the causes old reports lack. */
export function decodeReportRowV1(value: unknown): Decoded<ReportRowV1> {
  const result = reportRowV1.safeParse(value);
  return result.success ? { ok: true, row: result.data as ReportRowV1 } : { ok: false, problem: describe(result.error) };
}

const PAGE_ITEMS = { tickets: z.array(ticketSchema), timeline: z.array(timelineEntrySchema), evidence: z.array(evidenceSchema) };

/**
 * One stored page of `part`, checked strictly: its items have the part's shape and it holds
 * exactly as many as page `index` of `total` items must (a cut or padded page is damaged).
 */
export function decodeReportPage(value: unknown, part: PartName, index: number, total: number): Decoded<readonly unknown[]> {
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'the page is not an object' };
  const row = value as { part?: unknown; index?: unknown; items?: unknown };
  if (row.part !== part || row.index !== index) return { ok: false, problem: `the page is not page ${index} of ${part}` };
  const schema = part === 'tickets' ? PAGE_ITEMS.tickets : part === 'timeline' ? PAGE_ITEMS.timeline : PAGE_ITEMS.evidence;
  const result = schema.safeParse(row.items);
  if (!result.success) return { ok: false, problem: `items.${describe(result.error)}` };
  const expected = pageLength(part, total, index);
  if (result.data.length !== expected) return { ok: false, problem: `the page holds ${result.data.length} items, not ${expected}` };
  return { ok: true, row: row.items as readonly unknown[] };
}
export const decodeBytesRow = decoder<BundleBytesRow>(bytesRow);
export const decodeSeenTokenRow = decoder<SeenTokenRow>(seenTokenRow);

/** A primary key as the UI can show it: the digest itself, or the key's JSON when it is not one. */
export function keyText(key: IndexableType): string {
  if (typeof key === 'string') return key;
  try {
    return JSON.stringify(key) ?? String(key);
  } catch {
    return String(key);
  }
}
