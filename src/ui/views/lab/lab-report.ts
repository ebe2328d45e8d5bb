/**
 * What the Lab shows after a run, read back from the proof bundle it produced: per ticket, the
 * redaction findings, the model view and response, the proposal, every tool decision with the
 * rule that made it, the approvals and the limits that hit it. Built in the run worker from the
 * bundle's own records, so the page shows exactly what an auditor will later verify.
 */
import { base64Decode } from '../../../core/bytes.js';
import type {
  ApprovalPayload,
  DecisionRecord,
  LimitRecord,
  ProofBundle,
  Proposal,
  RecordPayload,
  RedactionRecord,
  RoutingState,
  TicketId,
} from '../../../core/bundle/types.js';
import type { DsseEnvelope } from '../../../core/dsse.js';
import { parseStrictJson, type JsonObject } from '../../../core/json.js';
import type { RunSummary } from '../../../runtime/index.js';

/** Ground truth the sample set carries for a ticket (absent for imported tickets). */
export interface LabTicketLabel {
  readonly category: string;
  readonly injection: boolean;
  readonly injectedActions: readonly string[];
  readonly credentials: boolean;
  readonly language: string;
}

export interface LabModelCall {
  readonly receiptId: string;
  /** The redacted model view: all the model ever saw of the ticket. */
  readonly view: JsonObject | null;
  /** The response as delivered by the proxy (scrubbed), or `{error}` when withheld. */
  readonly response: JsonObject | null;
}

export type LabDecision = Pick<
  DecisionRecord,
  'seq' | 'phase' | 'action' | 'args' | 'outcome' | 'code' | 'rule' | 'reason' | 'applied' | 'approval_id'
>;

export type LabApproval = Pick<ApprovalPayload, 'approval_id' | 'actions' | 'decision' | 'mode' | 'at'>;

export type LabLimit = Pick<LimitRecord, 'seq' | 'limit' | 'effect' | 'threshold' | 'observed' | 'reason' | 'at'>;

export interface LabTicket {
  readonly ticketId: TicketId;
  /** The ticket's subject as the model saw it (redacted), for lists. */
  readonly subject: string | null;
  readonly status: 'classified' | 'unclassified' | 'skipped';
  readonly label: LabTicketLabel | null;
  readonly redaction: Pick<RedactionRecord, 'findings' | 'truncated' | 'chars'> | null;
  readonly calls: readonly LabModelCall[];
  readonly proposal: Proposal | null;
  readonly decisions: readonly LabDecision[];
  readonly approvals: readonly LabApproval[];
  readonly limits: readonly LabLimit[];
  readonly before: RoutingState | null;
  readonly after: RoutingState | null;
}

export interface LabReport {
  readonly jobId: string;
  readonly policyHash: string;
  readonly cstJti: string;
  readonly model: string;
  readonly approvalMode: string;
  readonly start: string;
  readonly end: string;
  readonly tickets: readonly LabTicket[];
  /** Limit records about the job rather than one ticket (e.g. degradation). */
  readonly jobLimits: readonly LabLimit[];
  readonly degraded: { readonly at: string; readonly reason: string } | null;
  readonly counts: { readonly receipts: number; readonly records: number; readonly approvals: number };
  /** Size of the serialized bundle in bytes. */
  readonly bundleBytes: number;
}

/** Decodes the JSON payload of an envelope this run just signed. */
function payloadOf<T>(envelope: DsseEnvelope): T {
  return parseStrictJson(base64Decode(envelope.payload)) as T;
}

interface Grouped {
  redaction?: RedactionRecord;
  proposal?: Proposal;
  decisions: LabDecision[];
  limits: LabLimit[];
  approvals: LabApproval[];
  receiptIds: string[];
}

function limitOf(r: LimitRecord): LabLimit {
  return { seq: r.seq, limit: r.limit, effect: r.effect, threshold: r.threshold, observed: r.observed, reason: r.reason, at: r.at };
}

export function buildLabReport(
  bundle: ProofBundle,
  summary: RunSummary,
  options: { readonly labels?: ReadonlyMap<number, LabTicketLabel>; readonly approvalMode: string; readonly bundleBytes: number },
): LabReport {
  const byTicket = new Map<TicketId, Grouped>();
  const group = (id: TicketId): Grouped => {
    let g = byTicket.get(id);
    if (g === undefined) {
      g = { decisions: [], limits: [], approvals: [], receiptIds: [] };
      byTicket.set(id, g);
    }
    return g;
  };
  const jobLimits: LabLimit[] = [];

  for (const envelope of bundle.records) {
    const record = payloadOf<RecordPayload>(envelope);
    switch (record.kind) {
      case 'redaction':
        group(record.ticket_id).redaction = record;
        break;
      case 'proposal':
        group(record.ticket_id).proposal = record.proposal;
        break;
      case 'decision': {
        const { seq, phase, action, args, outcome, code, rule, reason, applied, approval_id } = record;
        group(record.ticket_id).decisions.push({ seq, phase, action, args, outcome, code, rule, reason, applied, approval_id });
        break;
      }
      case 'limit':
        if (record.ticket_id === null) jobLimits.push(limitOf(record));
        else group(record.ticket_id).limits.push(limitOf(record));
        break;
      default:
        break;
    }
  }
  for (const envelope of bundle.approvals) {
    const a = payloadOf<ApprovalPayload>(envelope);
    group(a.ticket_id).approvals.push({ approval_id: a.approval_id, actions: a.actions, decision: a.decision, mode: a.mode, at: a.at });
  }
  for (const envelope of bundle.receipts) {
    const r = payloadOf<{ receipt_id: string; ticket_id: TicketId }>(envelope);
    group(r.ticket_id).receiptIds.push(r.receipt_id);
  }

  const views = new Map(bundle.model_views.map((v) => [v.receipt_id, v.request.view]));
  const responses = new Map(bundle.model_responses.map((r) => [r.receipt_id, r.response]));
  const entries = new Map(bundle.tickets.map((t) => [t.ticket_id, t]));

  const tickets = summary.tickets.map((s): LabTicket => {
    const g = byTicket.get(s.ticketId) ?? { decisions: [], limits: [], approvals: [], receiptIds: [] };
    const calls = g.receiptIds.map((receiptId) => ({
      receiptId,
      view: views.get(receiptId) ?? null,
      response: responses.get(receiptId) ?? null,
    }));
    const subject = calls[0]?.view?.['subject'];
    const entry = entries.get(s.ticketId);
    return {
      ticketId: s.ticketId,
      subject: typeof subject === 'string' ? subject : null,
      status: s.status,
      label: options.labels?.get(s.ticketId) ?? null,
      redaction: g.redaction === undefined ? null : { findings: g.redaction.findings, truncated: g.redaction.truncated, chars: g.redaction.chars },
      calls,
      proposal: g.proposal ?? null,
      decisions: g.decisions,
      approvals: g.approvals,
      limits: g.limits,
      before: entry?.before ?? null,
      after: entry?.after ?? null,
    };
  });

  return {
    jobId: summary.jobId,
    policyHash: summary.policyHash,
    cstJti: summary.cstJti,
    model: summary.model,
    approvalMode: options.approvalMode,
    start: summary.start,
    end: summary.end,
    tickets,
    jobLimits,
    degraded: summary.degraded,
    counts: { receipts: summary.receipts, records: summary.records, approvals: summary.approvals },
    bundleBytes: options.bundleBytes,
  };
}
