/**
 * The order of a v2 file's job lines, from v1's separate lists: records in their seq order; each
 * receipt as late as it can be but before the record that names it (a proposal's receipt_id) and
 * before any record of a later time; each approval likewise before the decision that names it;
 * each ticket entry right after its ticket's ticket_done. Whatever is left goes at the end.
 * (A receipt's view and response follow the receipt; the encoder places them.)
 */
import type { ApprovalPayload, ReceiptPayload, RecordPayload, TicketEntry } from '../../core/bundle/types.js';

export type JobItem =
  | { readonly kind: 'receipt'; readonly index: number }
  | { readonly kind: 'record'; readonly index: number }
  | { readonly kind: 'approval'; readonly index: number }
  | { readonly kind: 'ticket'; readonly index: number };

export interface JobParts {
  readonly receipts: readonly ReceiptPayload[];
  readonly records: readonly RecordPayload[];
  readonly approvals: readonly Pick<ApprovalPayload, 'approval_id' | 'at'>[];
  readonly tickets: readonly Pick<TicketEntry, 'ticket_id'>[];
}

export function jobOrder(parts: JobParts): JobItem[] {
  const receiptIndex = new Map(parts.receipts.map((r, i) => [r.receipt_id, i]));
  const approvalIndex = new Map(parts.approvals.map((a, i) => [a.approval_id, i]));
  const ticketsById = new Map<number, number[]>();
  parts.tickets.forEach((t, i) => ticketsById.set(t.ticket_id, [...(ticketsById.get(t.ticket_id) ?? []), i]));
  const placedTickets = new Set<number>();

  const out: JobItem[] = [];
  let r = 0;
  let a = 0;
  for (const [index, record] of parts.records.entries()) {
    const namedReceipt = record.kind === 'proposal' ? (receiptIndex.get(record.receipt_id) ?? -1) : -1;
    while (r < parts.receipts.length && (r <= namedReceipt || parts.receipts[r]!.at < record.at)) out.push({ kind: 'receipt', index: r++ });
    const namedApproval = record.kind === 'decision' && record.approval_id !== null ? (approvalIndex.get(record.approval_id) ?? -1) : -1;
    while (a < parts.approvals.length && (a <= namedApproval || parts.approvals[a]!.at < record.at)) out.push({ kind: 'approval', index: a++ });
    out.push({ kind: 'record', index });
    if (record.kind === 'ticket_done') {
      const ticket = ticketsById.get(record.ticket_id)?.find((i) => !placedTickets.has(i));
      if (ticket !== undefined) {
        placedTickets.add(ticket);
        out.push({ kind: 'ticket', index: ticket });
      }
    }
  }
  while (r < parts.receipts.length) out.push({ kind: 'receipt', index: r++ });
  while (a < parts.approvals.length) out.push({ kind: 'approval', index: a++ });
  parts.tickets.forEach((_, i) => {
    if (!placedTickets.has(i)) out.push({ kind: 'ticket', index: i });
  });
  return out;
}
