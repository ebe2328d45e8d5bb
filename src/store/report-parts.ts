/**
 * A report cut into what opens first and what pages in later. The head is everything the verdict
 * banner and the check list show (verdict, summary, causes, every check with its status and code)
 * with each evidence list cut to its first EVIDENCE_HEAD items; the outline counts what was left
 * out. The bulk (ticket diffs, the timeline, the rest of the long evidence lists) is cut into pages
 * of fixed size, so page `n` of a part is found by its index alone.
 *
 * Pure data: used by the worker (to hand a report over in pieces), the store (to write and read
 * pages) and the views (through LazyReport, lazy-report.ts).
 */
import type { CheckResult, Evidence, Report, TicketDiff, TimelineEntry } from '../verify/report.js';

/** What the first screen of a report needs; tickets and timeline come in pages. */
export type ReportHead = Omit<Report, 'tickets' | 'timeline'>;

/** A part of a report that is stored in pages: `tickets`, `timeline`, or one long evidence list. */
export type PartName = 'tickets' | 'timeline' | EvidencePart;
/** `evidence/<check index>` (a check's own evidence) or `evidence/<check index>/<issue index>`. */
export type EvidencePart = `evidence/${number}` | `evidence/${number}/${number}`;

export interface ReportOutline {
  readonly tickets: number;
  /** Every ticket's id in report order: the ticket list shows them before their diffs load. */
  readonly ticketIds: readonly number[];
  /** Tickets whose after-state the run does not explain (the Tickets tab's alert). */
  readonly inconsistentTickets: number;
  readonly timeline: number;
  /** Full length of every evidence list the head holds only the start of. */
  readonly evidence: Readonly<Record<string, number>>;
}

export type PartItem<P extends PartName> = P extends 'tickets' ? TicketDiff : P extends 'timeline' ? TimelineEntry : Evidence;

export interface SplitReport {
  readonly head: ReportHead;
  readonly outline: ReportOutline;
  /** Every page of every part, in order. */
  readonly pages: ReadonlyMap<PartName, readonly (readonly unknown[])[]>;
}

/** Items per page. A page is one IndexedDB row and one structured clone: small enough to stay well under a frame budget. */
export const PAGE_SIZES = { tickets: 100, timeline: 500, evidence: 500 } as const;
/** Evidence items a check keeps in the head; the EvidenceList virtualises from 40, so its first screen is here. */
export const EVIDENCE_HEAD = 50;

export function pageSizeOf(part: PartName): number {
  return part === 'tickets' ? PAGE_SIZES.tickets : part === 'timeline' ? PAGE_SIZES.timeline : PAGE_SIZES.evidence;
}

export function pageCount(part: PartName, total: number): number {
  return Math.ceil(total / pageSizeOf(part));
}

/** How many items page `index` of a part of `total` items holds (a shorter last page). */
export function pageLength(part: PartName, total: number, index: number): number {
  const size = pageSizeOf(part);
  return Math.max(0, Math.min(size, total - index * size));
}

export function evidencePart(check: number, issue?: number): EvidencePart {
  return issue === undefined ? `evidence/${check}` : `evidence/${check}/${issue}`;
}

const EVIDENCE_PART = /^evidence\/(0|[1-9][0-9]{0,3})(?:\/(0|[1-9][0-9]{0,6}))?$/;

export function isPartName(value: unknown): value is PartName {
  return value === 'tickets' || value === 'timeline' || (typeof value === 'string' && EVIDENCE_PART.test(value));
}

function paged(part: PartName, items: readonly unknown[]): (readonly unknown[])[] {
  const size = pageSizeOf(part);
  const pages: (readonly unknown[])[] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages;
}

export function splitReport(report: Report): SplitReport {
  const pages = new Map<PartName, readonly (readonly unknown[])[]>();
  const evidence: Record<string, number> = {};
  const cut = (part: EvidencePart, items: readonly Evidence[]): readonly Evidence[] => {
    if (items.length <= EVIDENCE_HEAD) return items;
    evidence[part] = items.length;
    pages.set(part, paged(part, items));
    return items.slice(0, EVIDENCE_HEAD);
  };
  const checks = report.checks.map(
    (check, c): CheckResult => ({
      ...check,
      evidence: cut(evidencePart(c), check.evidence),
      issues: check.issues.map((issue, i) => ({ ...issue, evidence: cut(evidencePart(c, i), issue.evidence) })),
    }),
  );
  pages.set('tickets', paged('tickets', report.tickets));
  pages.set('timeline', paged('timeline', report.timeline));
  const { tickets, timeline, ...rest } = report;
  return {
    head: { ...rest, checks },
    outline: {
      tickets: tickets.length,
      ticketIds: tickets.map((t) => t.ticketId),
      inconsistentTickets: tickets.filter((t) => !t.consistent).length,
      timeline: timeline.length,
      evidence,
    },
    pages,
  };
}

/** The report again, from its head and every page of every part (`pageOf` reads one page). */
export async function joinReport(
  head: ReportHead,
  outline: ReportOutline,
  pageOf: (part: PartName, index: number) => Promise<readonly unknown[]>,
): Promise<Report> {
  const all = async <T>(part: PartName, total: number): Promise<T[]> => {
    const items: T[] = [];
    for (let index = 0; index < pageCount(part, total); index++) items.push(...((await pageOf(part, index)) as T[]));
    return items;
  };
  const whole = async (part: EvidencePart, items: readonly Evidence[]): Promise<readonly Evidence[]> => {
    const total = outline.evidence[part];
    return total === undefined ? items : all<Evidence>(part, total);
  };
  const checks: CheckResult[] = [];
  for (const [c, check] of head.checks.entries()) {
    const issues = [];
    for (const [i, issue] of check.issues.entries()) issues.push({ ...issue, evidence: await whole(evidencePart(c, i), issue.evidence) });
    checks.push({ ...check, evidence: await whole(evidencePart(c), check.evidence), issues });
  }
  const tickets = await all<TicketDiff>('tickets', outline.tickets);
  const timeline = await all<TimelineEntry>('timeline', outline.timeline);
  // Members in the verifier's order, so a saved JSON report reads as the verifier wrote it.
  const { reportVersion, verifier, verdict, summary, causes, checkedAt, bundle, trustRoot, limitations } = head;
  return { reportVersion, verifier, verdict, summary, causes, checkedAt, bundle, trustRoot, checks, limitations, tickets, timeline };
}
