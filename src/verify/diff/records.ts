/**
 * An index over the bundle's SIGNED records, receipts and approvals, built once per context and
 * shared by the decision, approval, limit and ticket checks and by the diffs.
 *
 * Only envelopes whose signature verified under a key the trust root lists for their role are
 * indexed as evidence: an unsigned record proves nothing, so it can neither explain a change nor
 * excuse one. (The decisions check reports every record that is left out, and why.)
 */
import type { Digest } from '../../core/hash.js';
import { parseUtcTimestamp } from '../../core/time.js';
import type { ApprovalPayload, ReceiptPayload, RecordPayload, TicketId } from '../../core/bundle/types.js';
import type { EnvelopeView, VerifyContext } from '../context.js';
import type { Evidence } from '../report.js';

export interface Indexed<P> {
  /** Position in its list in the bundle (records: equal to `seq` when the chain holds). */
  readonly index: number;
  /** RFC 6901 pointer of the envelope, e.g. `/records/7`. */
  readonly pointer: string;
  readonly payload: P;
  /** sha256 of the payload bytes. */
  readonly hash: Digest;
  /** Milliseconds of the payload's `at`; NaN when it is not a valid timestamp. */
  readonly atMs: number;
}

export type IndexedRecord<K extends RecordPayload['kind'] = RecordPayload['kind']> = Indexed<Extract<RecordPayload, { kind: K }>>;

export interface RecordIndex {
  /** Signed records in bundle order. */
  readonly records: readonly IndexedRecord[];
  readonly decisions: readonly IndexedRecord<'decision'>[];
  readonly proposals: readonly IndexedRecord<'proposal'>[];
  readonly intakes: readonly IndexedRecord<'intake'>[];
  readonly limits: readonly IndexedRecord<'limit'>[];
  /** The first signed degrade (`effect: degraded_classify_only`) record, if any. */
  readonly degrade: IndexedRecord<'limit'> | null;
  /** Signed receipts in bundle order. */
  readonly receipts: readonly Indexed<ReceiptPayload>[];
  readonly receiptsById: ReadonlyMap<string, Indexed<ReceiptPayload>>;
  /** Signed approvals (trusted approver key) in bundle order. */
  readonly approvals: readonly Indexed<ApprovalPayload>[];
  readonly approvalsByTicket: ReadonlyMap<TicketId, readonly Indexed<ApprovalPayload>[]>;
  /** Approval envelopes left out: not validly signed by a trusted approver key, or unreadable. */
  readonly unverifiedApprovals: number;
  /** Signed records that name a ticket (every kind but limit records), by ticket, in bundle order. */
  readonly byTicket: ReadonlyMap<TicketId, readonly IndexedRecord[]>;
  readonly proposalsByHash: ReadonlyMap<Digest, readonly IndexedRecord<'proposal'>[]>;
  /** Signed proposal records by ticket, in bundle order (one per ticket in a sound bundle). */
  readonly proposalsByTicket: ReadonlyMap<TicketId, readonly IndexedRecord<'proposal'>[]>;
  /** The job id the run is bound to: the CST's, else the first signed record's; null when neither is known. */
  readonly jobId: string | null;
}

const cache = new WeakMap<VerifyContext, RecordIndex>();

export function recordIndex(ctx: VerifyContext): RecordIndex {
  let index = cache.get(ctx);
  if (index === undefined) {
    index = buildIndex(ctx);
    cache.set(ctx, index);
  }
  return index;
}

function indexed<P extends { at: string }>(view: EnvelopeView<P>): Indexed<P> | null {
  if (view.payload === null || view.payloadHash === null || !view.signatureOk) return null;
  return { index: view.index, pointer: view.pointer, payload: view.payload, hash: view.payloadHash, atMs: parseUtcTimestamp(view.payload.at) ?? Number.NaN };
}

function buildIndex(ctx: VerifyContext): RecordIndex {
  const records = ctx.records.flatMap((v) => indexed(v) ?? []);
  const ofKind = <K extends RecordPayload['kind']>(kind: K): IndexedRecord<K>[] =>
    records.filter((r): r is IndexedRecord<K> => r.payload.kind === kind);
  const limits = ofKind('limit');
  const receipts = ctx.receipts.flatMap((v) => indexed(v) ?? []);
  const receiptsById = new Map<string, Indexed<ReceiptPayload>>();
  for (const r of receipts) if (!receiptsById.has(r.payload.receipt_id)) receiptsById.set(r.payload.receipt_id, r);
  const approvals = ctx.approvals.flatMap((v) => indexed(v) ?? []);
  const proposals = ofKind('proposal');
  return {
    records,
    decisions: ofKind('decision'),
    proposals,
    intakes: ofKind('intake'),
    limits,
    degrade: limits.find((r) => r.payload.effect === 'degraded_classify_only') ?? null,
    receipts,
    receiptsById,
    approvals,
    approvalsByTicket: groupBy(approvals, (a) => a.payload.ticket_id),
    unverifiedApprovals: ctx.approvals.length - approvals.length,
    byTicket: groupBy(
      records.filter((r) => r.payload.kind !== 'limit' && 'ticket_id' in r.payload),
      (r) => (r.payload as { ticket_id: TicketId }).ticket_id,
    ),
    proposalsByHash: groupBy(proposals, (p) => p.hash),
    proposalsByTicket: groupBy(proposals, (p) => p.payload.ticket_id),
    jobId: ctx.cst.claims?.job_id ?? records[0]?.payload.job_id ?? null,
  };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * The proposal a decision refers to: a signed proposal record of the same ticket, EARLIER in the
 * chain, whose payload hash is the decision's proposal_hash. Null when there is none.
 */
export function proposalOf(index: RecordIndex, decision: IndexedRecord<'decision'>): IndexedRecord<'proposal'> | null {
  const hash = decision.payload.proposal_hash;
  if (hash === null) return null;
  const candidates = index.proposalsByHash.get(hash) ?? [];
  return candidates.find((p) => p.payload.ticket_id === decision.payload.ticket_id && p.index < decision.index) ?? null;
}

/** Evidence naming a signed record (or receipt, or approval) and, optionally, a member of its payload. */
export function evidenceOf(item: Indexed<RecordPayload | ReceiptPayload | ApprovalPayload>, extra: Omit<Evidence, 'pointer'> = {}): Evidence {
  const p = item.payload as { record_id?: string; receipt_id?: string; approval_id?: string; ticket_id?: TicketId | null };
  return {
    pointer: item.pointer,
    ...(p.record_id === undefined ? {} : { recordId: p.record_id }),
    ...(p.receipt_id === undefined || p.record_id !== undefined ? {} : { receiptId: p.receipt_id }),
    ...(p.approval_id === undefined || p.record_id !== undefined ? {} : { approvalId: p.approval_id }),
    ...(typeof p.ticket_id === 'number' ? { ticketId: p.ticket_id } : {}),
    ...extra,
  };
}
