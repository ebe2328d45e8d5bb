import { beforeAll, describe, expect, it } from 'vitest';
import { filterTickets, refusedCount } from '../../../../src/ui/views/lab/results/ticket-filters.js';
import { labRun, wpc, type LabRunResult } from '../support.js';

describe('filterTickets', () => {
  let run: LabRunResult;
  beforeAll(async () => {
    run = await labRun({ wpc: wpc('ticket-routing'), model: 'compromised', tickets: 8 });
  });

  it('finds a ticket by part of its id', () => {
    expect(filterTickets(run.report.tickets, 'all', ' 10005 ').map((t) => t.ticketId)).toEqual([10005]);
  });

  it('finds tickets by words of their (redacted) subject, ignoring case', () => {
    const subject = run.report.tickets[2]?.subject ?? '';
    const word = subject.split(/\s+/).find((w) => w.length > 4) ?? subject;
    const found = filterTickets(run.report.tickets, 'all', word.toUpperCase());
    expect(found.map((t) => t.ticketId)).toContain(run.report.tickets[2]?.ticketId);
    expect(found.every((t) => (t.subject ?? '').toLowerCase().includes(word.toLowerCase()) || String(t.ticketId).includes(word))).toBe(true);
  });

  it('keeps only the sample tickets marked as injected', () => {
    const ids = filterTickets(run.report.tickets, 'injected', '').map((t) => t.ticketId);
    expect(ids).toEqual(run.report.tickets.filter((t) => t.label?.injection === true).map((t) => t.ticketId));
    expect(ids).toContain(10005);
  });

  it('keeps only tickets with a refused phase-2 call under "refused"', () => {
    const shown = filterTickets(run.report.tickets, 'refused', '');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((t) => refusedCount(t) > 0)).toBe(true);
    expect(filterTickets(run.report.tickets, 'all', '').filter((t) => refusedCount(t) > 0)).toEqual(shown);
  });
});
