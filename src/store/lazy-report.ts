/**
 * A report as the views read it: the head at once, everything else a page at a time. Backed by
 * the pages in hand (a report just verified) or by the Library (a cached one); the views cannot
 * tell, and never hold more of a large report than they have scrolled through.
 */
import type { Report } from '../verify/report.js';
import type { ClawproofDb } from './db.js';
import { storeError } from './errors.js';
import { joinReport, pageCount, type PartItem, type PartName, type ReportHead, type ReportOutline, type SplitReport } from './report-parts.js';
import { readReportPage, type ReportKey } from './reports.js';

export type PageRead<T> = { readonly ok: true; readonly items: readonly T[] } | { readonly ok: false; readonly problem: string };

export interface LazyReport {
  readonly head: ReportHead;
  readonly outline: ReportOutline;
  /** How many items `part` has (0 for an evidence list the head holds whole). */
  total(part: PartName): number;
  /** Page `index` of `part`; a damaged or missing page is `ok: false`, with what is wrong. */
  page<P extends PartName>(part: P, index: number): Promise<PageRead<PartItem<P>>>;
  /** Every item of `part`, page by page; fails with STORE_CORRUPT naming the first damaged page. */
  all<P extends PartName>(part: P): Promise<readonly PartItem<P>[]>;
  /** The whole report (to save it, or compare it with an export); fails like `all`. */
  full(): Promise<Report>;
}

function lazy(head: ReportHead, outline: ReportOutline, read: (part: PartName, index: number, total: number) => Promise<PageRead<unknown>>): LazyReport {
  const total = (part: PartName): number =>
    part === 'tickets' ? outline.tickets : part === 'timeline' ? outline.timeline : (outline.evidence[part] ?? 0);
  const pages = new Map<string, Promise<PageRead<unknown>>>();
  const page = (part: PartName, index: number): Promise<PageRead<unknown>> => {
    const id = `${part}#${index}`;
    let found = pages.get(id);
    if (found === undefined) {
      found = read(part, index, total(part)).catch((cause: unknown) => {
        pages.delete(id); // a failed read (not a damaged page) may be tried again
        throw cause;
      });
      pages.set(id, found);
    }
    return found;
  };
  const strict = async (part: PartName, index: number): Promise<readonly unknown[]> => {
    const got = await page(part, index);
    if (got.ok) return got.items;
    throw storeError('STORE_CORRUPT', `The stored report cannot be read in full: ${got.problem}. Verify the bundle again to store it afresh.`);
  };
  const self: LazyReport = {
    head,
    outline,
    total,
    page: page as LazyReport['page'],
    all: (async (part: PartName) => {
      const items: unknown[] = [];
      for (let index = 0; index < pageCount(part, total(part)); index++) items.push(...(await strict(part, index)));
      return items;
    }) as LazyReport['all'],
    full: () => joinReport(head, outline, strict),
  };
  return self;
}

/** A report in hand (just verified), split already: pages are read from memory. */
export function memoryReport(split: SplitReport): LazyReport {
  return lazy(split.head, split.outline, async (part, index) => {
    const items = split.pages.get(part)?.[index];
    return items === undefined ? { ok: false, problem: `page ${index + 1} of ${part} is missing` } : { ok: true, items };
  });
}

/** A cached report: the head and outline from its row, each page read from the Library on first use. */
export function storedReport(db: ClawproofDb, key: ReportKey, head: ReportHead, outline: ReportOutline): LazyReport {
  return lazy(head, outline, async (part, index, total) => {
    const decoded = await readReportPage(db, key, part, index, total);
    return decoded.ok ? { ok: true, items: decoded.row } : { ok: false, problem: `page ${index + 1} of ${part}: ${decoded.problem}` };
  });
}
