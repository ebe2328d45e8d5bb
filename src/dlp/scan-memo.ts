/**
 * Kept results of scanning short strings. Scanning a short string is almost all fixed cost (every
 * detector's regular expressions set up and run over a few characters), and short strings recur:
 * member names and values such as "status", "open" or "[EMAIL_1]" appear in every model view.
 * Measured on the 10,000-ticket bench bundle: 92 % of the views' strings are 16 characters or
 * fewer, and they took most of the redaction re-scan. The scan is pure (the same text and
 * detectors always give the same findings), so a kept result is the result.
 *
 * Bounded: strings of at most MEMO_MAX_LENGTH characters, at most MEMO_ENTRIES per detector list
 * and MEMO_LISTS lists; a full table is cleared rather than grown, so memory stays fixed
 * whatever the input. Long strings (free text, unique per ticket) are never kept.
 */
import type { DetectorId } from './detector-ids.js';
import type { TextFinding } from './types.js';

export const MEMO_MAX_LENGTH = 64;
export const MEMO_ENTRIES = 8192;
const MEMO_LISTS = 16;

const NONE: readonly TextFinding[] = Object.freeze([]);
const tables = new Map<string, Map<string, readonly TextFinding[]>>();

/** `scan(text)`, kept for short texts; the findings are frozen and each call gets its own array. */
export function memoizedScan(text: string, detectors: readonly DetectorId[], scan: () => TextFinding[]): TextFinding[] {
  if (text.length > MEMO_MAX_LENGTH) return scan();
  const table = tableFor(detectors);
  let found = table.get(text);
  if (found === undefined) {
    const fresh = scan();
    found = fresh.length === 0 ? NONE : Object.freeze(fresh.map((f) => Object.freeze(f)));
    if (table.size >= MEMO_ENTRIES) table.clear();
    table.set(text, found);
  }
  return found.length === 0 ? [] : found.slice();
}

// The last list's table, found again by identity: joining the list into a key on every call cost
// more than the scans it saved (0.8 s on the 10,000-ticket bench). The copy guards against a
// caller that changes its array between calls.
let last: { detectors: readonly DetectorId[]; copy: readonly DetectorId[]; table: Map<string, readonly TextFinding[]> } | undefined;

function tableFor(detectors: readonly DetectorId[]): Map<string, readonly TextFinding[]> {
  if (last !== undefined && last.detectors === detectors && sameIds(last.copy, detectors)) return last.table;
  const table = tableByKey(detectors);
  last = { detectors, copy: detectors.slice(), table };
  return table;
}

function sameIds(a: readonly DetectorId[], b: readonly DetectorId[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function tableByKey(detectors: readonly DetectorId[]): Map<string, readonly TextFinding[]> {
  const key = detectors.join(',');
  let table = tables.get(key);
  if (table === undefined) {
    if (tables.size >= MEMO_LISTS) tables.clear();
    tables.set(key, (table = new Map()));
  }
  return table;
}

/** How many texts are kept, over every detector list (for tests of the bound). */
export function memoSize(): number {
  let n = 0;
  for (const table of tables.values()) n += table.size;
  return n;
}
