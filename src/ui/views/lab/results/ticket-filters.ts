/** The Lab's ticket list filters: which tickets of a run each one shows. */
import type { LabTicket } from '../lab-report.js';

export const TICKET_FILTERS = [
  { id: 'all', label: 'All tickets' },
  { id: 'refused', label: 'With refused actions' },
  { id: 'injected', label: 'With a prompt injection (sample)' },
  { id: 'approvals', label: 'With approvals' },
  { id: 'redacted', label: 'With redaction findings' },
  { id: 'limits', label: 'Hit by a limit' },
  { id: 'unfinished', label: 'Unclassified or skipped' },
] as const;

export type TicketFilterId = (typeof TICKET_FILTERS)[number]['id'];

export function refusedCount(ticket: LabTicket): number {
  return ticket.decisions.filter((d) => d.phase === 'apply' && !d.applied).length;
}

const TESTS: Readonly<Record<TicketFilterId, (t: LabTicket) => boolean>> = {
  all: () => true,
  refused: (t) => refusedCount(t) > 0,
  injected: (t) => t.label?.injection === true,
  approvals: (t) => t.approvals.length > 0,
  redacted: (t) => (t.redaction?.findings.length ?? 0) > 0,
  limits: (t) => t.limits.length > 0,
  unfinished: (t) => t.status !== 'classified',
};

/** Tickets passing the filter whose id or subject contains the query (case-insensitive). */
export function filterTickets(tickets: readonly LabTicket[], filter: TicketFilterId, query: string): LabTicket[] {
  const q = query.trim().toLowerCase();
  const test = TESTS[filter];
  return tickets.filter(
    (t) => test(t) && (q === '' || String(t.ticketId).includes(q) || (t.subject ?? '').toLowerCase().includes(q)),
  );
}
