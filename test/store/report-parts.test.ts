import { beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_HEAD, PAGE_SIZES, joinReport, pageLength, splitReport, type PartName } from '../../src/store/report-parts.js';
import type { Report } from '../../src/verify/report.js';
import { grown, smallReport } from './report-fixture.js';

let report: Report;
beforeAll(async () => {
  report = grown(await smallReport(), { tickets: 250, timeline: 1_201, evidence: 1_234 });
});

const pageOf = (split: ReturnType<typeof splitReport>) => async (part: PartName, index: number) => split.pages.get(part)![index]!;

describe('splitReport', () => {
  it('keeps in the head everything the first screen shows, and no ticket or timeline entry', () => {
    const { head, outline } = splitReport(report);
    expect(head).not.toHaveProperty('tickets');
    expect(head).not.toHaveProperty('timeline');
    expect(head.verdict).toBe(report.verdict);
    expect(head.causes).toEqual(report.causes);
    expect(head.checks.map((c) => [c.id, c.status, c.code, c.message])).toEqual(report.checks.map((c) => [c.id, c.status, c.code, c.message]));
    expect(outline).toEqual({
      tickets: 250,
      ticketIds: report.tickets.map((t) => t.ticketId),
      inconsistentTickets: report.tickets.filter((t) => !t.consistent).length,
      timeline: 1_201,
      evidence: { 'evidence/0': 1_234 },
    });
  });

  it('cuts a long evidence list to its start in the head and keeps the whole list in pages', () => {
    const split = splitReport(report);
    expect(split.head.checks[0]!.evidence).toEqual(report.checks[0]!.evidence.slice(0, EVIDENCE_HEAD));
    expect(split.pages.get('evidence/0')!.map((p) => p.length)).toEqual([500, 500, 234]);
    // A short list stays whole in the head and gets no pages.
    expect(split.head.checks[1]!.evidence).toEqual(report.checks[1]!.evidence);
    expect(split.pages.has('evidence/1')).toBe(false);
  });

  it('pages tickets and timeline by fixed sizes, a shorter last page, so page n is found by its index', () => {
    const split = splitReport(report);
    expect(split.pages.get('tickets')!.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(split.pages.get('timeline')!.map((p) => p.length)).toEqual([500, 500, 201]);
    expect(split.pages.get('tickets')![2]![0]).toEqual(report.tickets[2 * PAGE_SIZES.tickets]);
    expect([0, 1, 2, 3].map((i) => pageLength('tickets', 250, i))).toEqual([100, 100, 50, 0]);
  });

  it('joins back to exactly the report it was cut from', async () => {
    const split = splitReport(report);
    const joined = await joinReport(split.head, split.outline, pageOf(split));
    expect(joined).toEqual(report);
    expect(JSON.stringify(joined)).toBe(JSON.stringify(report));
  });

  it('splits an empty report (no tickets, no timeline) into a head and empty parts', async () => {
    const empty: Report = { ...report, tickets: [], timeline: [] };
    const split = splitReport(empty);
    expect(split.outline).toMatchObject({ tickets: 0, ticketIds: [], timeline: 0 });
    expect(split.pages.get('tickets')).toEqual([]);
    expect(await joinReport(split.head, split.outline, pageOf(split))).toEqual(empty);
  });
});
