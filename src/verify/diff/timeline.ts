/**
 * timeline(ctx): the run as it happened, from signed evidence only: model calls (receipts),
 * proposals, tool decisions, approvals and limit events, in time order, each linked to the others.
 *
 * Receipts, records and approvals are three separate lists, each in its own order. Entries sort by
 * time. At one instant causes come before effects: a model call sits just before the first record
 * of its ticket at that instant (the proposal note, or ticket_done after a failed call), an
 * approval just before the first phase-2 decision after the proposal it binds (or right after the
 * proposal); everything else keeps its list order.
 */
import type { VerifyContext } from '../context.js';
import { approvalFor } from './approval-binding.js';
import { proposalOf, recordIndex, type IndexedRecord, type RecordIndex } from './records.js';
import type { TimelineEntry } from './types.js';

interface Keyed {
  readonly entry: TimelineEntry;
  readonly atMs: number;
  /** Record position the entry sits beside at its instant (-1: before every record). */
  readonly anchor: number;
  readonly tie: number;
}

export function timeline(ctx: VerifyContext): TimelineEntry[] {
  const index = recordIndex(ctx);
  const keyed: Keyed[] = [];
  const proposalByReceipt = new Map<string, IndexedRecord<'proposal'>>();
  for (const p of index.proposals) if (!proposalByReceipt.has(p.payload.receipt_id)) proposalByReceipt.set(p.payload.receipt_id, p);

  const anchors = anchorsOf(index);

  for (const r of index.receipts) {
    const proposal = proposalByReceipt.get(r.payload.receipt_id) ?? null;
    const first = anchors.firstAt.get(`${r.payload.ticket_id} ${r.atMs}`);
    keyed.push({
      atMs: r.atMs,
      anchor: first?.index ?? -1,
      tie: first === undefined ? r.index : -1,
      entry: {
        kind: 'model_call',
        at: r.payload.at,
        ticketId: r.payload.ticket_id,
        pointer: r.pointer,
        receiptId: r.payload.receipt_id,
        model: r.payload.model,
        requestHash: r.payload.request_hash,
        responseHash: r.payload.response_hash,
        proposalRecordId: proposal?.payload.record_id ?? null,
      },
    });
  }
  for (const r of index.records) {
    const entry = recordEntry(index, r);
    if (entry !== null) keyed.push({ atMs: r.atMs, anchor: r.index, tie: 0, entry });
  }
  for (const a of index.approvals) {
    const proposal = (index.proposalsByHash.get(a.payload.proposal_hash) ?? []).find((p) => p.payload.ticket_id === a.payload.ticket_id) ?? null;
    const [anchor, tie] = approvalAnchor(anchors, proposal, a.atMs) ?? [Number.MAX_SAFE_INTEGER, a.index];
    keyed.push({
      atMs: a.atMs,
      anchor,
      tie,
      entry: {
        kind: 'approval',
        at: a.payload.at,
        ticketId: a.payload.ticket_id,
        pointer: a.pointer,
        approvalId: a.payload.approval_id,
        decision: a.payload.decision,
        mode: a.payload.mode,
        actions: a.payload.actions,
        proposalRecordId: proposal?.payload.record_id ?? null,
      },
    });
  }
  // Unreadable times sort last rather than throwing the order off.
  const time = (k: Keyed): number => (Number.isNaN(k.atMs) ? Number.POSITIVE_INFINITY : k.atMs);
  keyed.sort((x, y) => time(x) - time(y) || x.anchor - y.anchor || x.tie - y.tie);
  return keyed.map((k) => k.entry);
}

interface Anchors {
  /** "<ticket> <ms>" -> the first signed record of that ticket at that instant. */
  readonly firstAt: ReadonlyMap<string, IndexedRecord>;
  /** Proposal position -> the first phase-2 decision after it at the same instant. */
  readonly applyAfter: ReadonlyMap<number, IndexedRecord>;
}

/** Built in one pass over each ticket's records, so placing N entries costs O(N), not O(N * records). */
function anchorsOf(index: RecordIndex): Anchors {
  const firstAt = new Map<string, IndexedRecord>();
  const applyAfter = new Map<number, IndexedRecord>();
  for (const [ticketId, records] of index.byTicket) {
    let proposal: IndexedRecord | null = null;
    for (const r of records) {
      const key = `${ticketId} ${r.atMs}`;
      if (!firstAt.has(key)) firstAt.set(key, r);
      if (r.payload.kind === 'proposal') proposal = r;
      else if (proposal !== null && r.payload.kind === 'decision' && r.payload.phase === 'apply' && r.atMs === proposal.atMs && !applyAfter.has(proposal.index)) {
        applyAfter.set(proposal.index, r);
      }
    }
  }
  return { firstAt, applyAfter };
}

/** Just before the first phase-2 decision after the proposal at the approval's instant, else just after the proposal. */
function approvalAnchor(anchors: Anchors, proposal: IndexedRecord<'proposal'> | null, atMs: number): [number, number] | null {
  if (proposal === null || proposal.atMs !== atMs) return null;
  const apply = anchors.applyAfter.get(proposal.index);
  return apply === undefined ? [proposal.index, 1] : [apply.index, -1];
}

function recordEntry(index: RecordIndex, r: IndexedRecord): TimelineEntry | null {
  const base = { at: r.payload.at, pointer: r.pointer, recordId: r.payload.record_id };
  const p = r.payload;
  switch (p.kind) {
    case 'proposal':
      return { ...base, kind: 'proposal', ticketId: p.ticket_id, receiptId: p.receipt_id, category: p.proposal.category, actions: p.proposal.actions.map((a) => a.action) };
    case 'decision': {
      const d = r as IndexedRecord<'decision'>;
      const proposal = proposalOf(index, d);
      const binding = p.phase === 'apply' && proposal !== null ? approvalFor(index, d) : null;
      return {
        ...base,
        kind: 'decision',
        ticketId: p.ticket_id,
        action: p.action,
        phase: p.phase,
        outcome: p.outcome,
        code: p.code,
        rule: p.rule,
        applied: p.applied,
        proposalRecordId: proposal?.payload.record_id ?? null,
        approvalId: binding?.status === 'bound' ? binding.approval.payload.approval_id : null,
      };
    }
    case 'limit':
      return { ...base, kind: 'limit', ticketId: p.ticket_id, limit: p.limit, effect: p.effect, threshold: p.threshold, observed: p.observed };
    default:
      return null;
  }
}
