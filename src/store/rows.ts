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
import { BUNDLE_SOURCES, type BundleBytesRow, type BundleRow, type ReportRow, type SeenTokenRow } from './db.js';
import { VERDICTS } from '../verify/report.js';
import { reportSchema } from './report-schema.js';

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

const reportRow = z.object({
  bundleHash: digest,
  trustRootHash: digest,
  verifierVersion: z.string(),
  verdict,
  checkedAt: z.string(),
  report: reportSchema,
});

const bytesRow = z.object({ hash: digest, bytes: z.instanceof(Uint8Array) });

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
