/**
 * A large report without running a large job: a real report of a small bundle whose ticket diffs,
 * timeline entries and evidence are repeated (with fresh ticket ids) to any size, so paging can
 * be tested at hundreds of items in milliseconds.
 */
import type { Report } from '../../src/verify/report.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { DEMO_ROOT, makeBundle } from './support.js';

export async function smallReport(): Promise<Report> {
  return verifyBundle(await makeBundle(1, 3), DEMO_ROOT, { seenTokens: new Map() });
}

export function grown(report: Report, sizes: { tickets: number; timeline: number; evidence: number }): Report {
  const repeat = <T>(items: readonly T[], length: number, make: (item: T, i: number) => T): T[] =>
    Array.from({ length }, (_, i) => make(items[i % items.length]!, i));
  const checks = report.checks.map((check, c) =>
    c === 0 && check.evidence.length > 0 ? { ...check, evidence: repeat(check.evidence, sizes.evidence, (e, i) => ({ ...e, note: `item ${i}` })) } : check,
  );
  return {
    ...report,
    checks,
    tickets: repeat(report.tickets, sizes.tickets, (t, i) => ({ ...t, ticketId: 10_000 + i, consistent: i % 7 !== 3 })),
    timeline: repeat(report.timeline, sizes.timeline, (e, i) => ({ ...e, pointer: `/records/${i}` })),
  };
}
