/**
 * One ticket through the runtime:
 *   intake -> redact (model view) -> classify through the proxy (receipt)
 *   -> phase 1: internal note + proposal record + the labels/notes the model asks for
 *   -> policy gate for every other requested action (WPC + CST scope + approval)
 *   -> phase 2: apply or refuse, one decision record each -> after-state.
 * The scheduler decides WHEN each step runs; this file decides WHAT it does.
 */
import { digestOfJson, type Digest } from '../../core/hash.js';
import type { JsonObject } from '../../core/json.js';
import type { DecisionRecord, Proposal, RoutingState, TicketId } from '../../core/bundle/types.js';
import { isClawproofError } from '../../core/errors.js';
import { DETECTOR_IDS, redact } from '../../dlp/index.js';
import { PROPOSAL_NOTE_ACTION, actionKind, canonicalActionName } from '../../policy/index.js';
import type { ApprovalRequest } from '../approvals.js';
import { runtimeError } from '../errors.js';
import { applyEffect } from '../executor/effects.js';
import { gate, type GateContext, type GateDecision } from '../executor/gate.js';
import { proposalFromResponse } from '../executor/proposal.js';
import { callLatency } from '../schedule/options.js';
import type { SignedApproval } from '../services/approver.js';
import { routingState as ticketRoutingState, ticketToDocument } from '../tickets/document.js';
import type { Ticket } from '../tickets/types.js';
import type { JobContext, TicketOutcome } from './context.js';

export type CallResult = { readonly next: 'done'; readonly outcome: TicketOutcome } | { readonly next: 'retry'; readonly latencyMs: number };

export class TicketFlow {
  readonly #job: JobContext;
  readonly ticketId: TicketId;
  readonly #contentHash: Digest;
  readonly #view: JsonObject;
  readonly #latencyMs: number;
  readonly #before: RoutingState;
  #state: RoutingState;
  readonly #annotated: string[] = [];
  readonly #applied: string[] = [];
  readonly #refused: string[] = [];

  /** Intake and redaction: records both, and prepares the model view. */
  constructor(job: JobContext, ticket: Ticket) {
    this.#job = job;
    this.ticketId = ticket.id;
    this.#contentHash = digestOfJson(ticket);
    const redaction = job.wpc.policy.redaction;
    let result;
    try {
      result = redact(ticketToDocument(ticket), {
        // Every detector, always: the WPC's list is the least it may ask for, never a licence to
        // send a secret or PII it did not name (the runtime's DLP floor, docs/FORMATS.md).
        detectors: DETECTOR_IDS,
        redactFields: redaction.redactFields.map((f) => f.path),
        maxChars: redaction.maxCharsSentToModel.value,
      });
    } catch (cause) {
      const why = isClawproofError(cause) ? `${cause.code}${cause.pointer === undefined ? '' : ` at ${cause.pointer}`}` : 'unexpected failure';
      throw runtimeError('REDACTION_FAILED', `ticket ${ticket.id} could not be redacted safely (${why}); nothing was sent to the model`, { cause });
    }
    this.#view = result.view;
    this.#latencyMs = callLatency(job.latency, result.chars);
    this.#before = beforeState(ticket);
    this.#state = this.#before;
    job.log.append({ kind: 'intake', ticket_id: ticket.id, content_hash: this.#contentHash });
    job.log.append({
      kind: 'redaction',
      ticket_id: ticket.id,
      findings: result.findings.map((f) => ({ detector: f.detector, kind: f.kind, pointer: f.pointer, start: f.start, end: f.end, placeholder: f.placeholder })),
      truncated: result.truncated,
      chars: result.chars,
    });
  }

  /** Simulated duration of one model call for this ticket. */
  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** A model call completes now: receipt it, then propose and gate, or ask for a retry. */
  async completeCall(): Promise<CallResult> {
    const job = this.#job;
    const attempt = job.proxy.callsFor(this.ticketId) + 1;
    let call;
    try {
      call = await job.proxy.call({
        cst: job.cst.token,
        policyHash: job.wpc.hash,
        request: { model: job.model.id, ticket_id: this.ticketId, view: this.#view },
      });
    } catch (error) {
      if (!isClawproofError(error) || error.code !== 'MODEL_CALL_CAP_REACHED') throw error;
      const cap = job.wpc.policy.limits.maxModelCallsPerTicket?.value ?? 0;
      job.log.append({
        kind: 'limit',
        limit: 'max_model_calls_per_ticket',
        threshold: cap,
        observed: attempt,
        effect: 'call_refused',
        ticket_id: this.ticketId,
        reason: `model call ${attempt} for ticket ${this.ticketId} was refused by the proxy: max_model_calls_per_ticket is ${cap}; the ticket is left unclassified`,
      });
      return { next: 'done', outcome: this.#finish(false) };
    }
    job.modelViews.push({ receipt_id: call.receiptId, request: call.request });
    job.modelResponses.push({ receipt_id: call.receiptId, response: call.response });
    const required = job.wpc.policy.requiredOutputFields.map((f) => f.field);
    const result = proposalFromResponse(call.response, required);
    if (!result.ok) {
      // With a WPC cap the proxy enforces it: the call past it is refused and recorded. Without
      // one the harness stops after its own bound; and never goes past its ceiling either way.
      const bound = job.wpc.policy.limits.maxModelCallsPerTicket === null ? job.maxAttempts : job.attemptCeiling;
      if (attempt >= bound) return { next: 'done', outcome: this.#finish(false) };
      return { next: 'retry', latencyMs: this.#latencyMs };
    }
    await this.#proposeAndApply(result.proposal, call.receiptId);
    return { next: 'done', outcome: this.#finish(true) };
  }

  async #proposeAndApply(proposal: Proposal, receiptId: string): Promise<void> {
    const job = this.#job;
    const base: GateContext = {
      policy: job.wpc.policy,
      cstScopes: job.cst.claims.scope,
      approval: null,
      degraded: job.degraded !== null,
    };

    // Phase 1: the proposal is written as an internal note; its record is what approvals bind
    // to. The annotations the model asks for (labels, notes) are phase-1 calls too.
    this.#decide({ action: PROPOSAL_NOTE_ACTION, args: {}, phase: 'propose' }, base, null, null);
    const proposalHash = job.log.append({ kind: 'proposal', ticket_id: this.ticketId, receipt_id: receiptId, proposal }).hash;
    const annotations = proposal.actions.filter((a) => isAnnotation(a.action));
    const others = proposal.actions.filter((a) => !isAnnotation(a.action));
    for (const a of annotations) this.#decide({ ...a, phase: 'propose' }, base, proposalHash, null);

    // Policy gate: which other requested actions wait for an approval of this exact proposal?
    const first = others.map((a) => gate({ ...a, phase: 'apply', ticketId: this.ticketId }, base));
    const waiting = others.flatMap((a, i) =>
      first[i]!.outcome === 'needs_approval' ? [{ action: canonicalActionName(a.action)!, args: a.args, reason: first[i]!.reason }] : [],
    );
    const approval = waiting.length === 0 ? null : await this.#askApproval(proposal, proposalHash, waiting);

    // Phase 2: every other requested action, applied or refused, with its decision on record.
    for (const requested of others) {
      const action = canonicalActionName(requested.action);
      const covers = approval !== null && action !== null && approval.payload.actions.includes(action);
      const granted = covers && approval.payload.decision === 'approved';
      this.#decide(
        { action: requested.action, args: requested.args, phase: 'apply' },
        { ...base, approval: granted ? { proposalHash } : null },
        proposalHash,
        covers ? approval.payload.approval_id : null,
      );
    }
  }

  async #askApproval(proposal: Proposal, proposalHash: Digest, waiting: ApprovalRequest['actions']): Promise<SignedApproval | null> {
    const job = this.#job;
    const actions = [...new Set(waiting.map((w) => w.action))];
    if (job.approvals === 'none') return null;
    let decision: 'approved' | 'rejected';
    if (job.approvals === 'auto') decision = 'approved';
    else {
      // A copy: whatever the answering code does to the request cannot touch what phase 2 applies.
      const request = structuredClone({ jobId: job.jobId, ticketId: this.ticketId, proposalHash, proposal, actions: waiting });
      const answer = await job.approvals.decide(request);
      if (answer !== 'approved' && answer !== 'rejected') {
        throw runtimeError('RUN_INPUT_INVALID', `an approval answer is "approved" or "rejected", not ${JSON.stringify(answer)}`);
      }
      decision = answer;
    }
    return job.approver.record({
      ticketId: this.ticketId,
      proposalHash,
      actions,
      decision,
      mode: job.approvals === 'auto' ? 'auto' : 'queue',
    });
  }

  #decide(
    call: { action: string; args: JsonObject; phase: 'propose' | 'apply' },
    context: GateContext,
    proposalHash: Digest | null,
    approvalId: string | null,
  ): GateDecision {
    const decision = gate({ ...call, ticketId: this.ticketId }, context);
    const applied = decision.outcome === 'allow';
    const record: Omit<DecisionRecord, 'v' | 'record_id' | 'seq' | 'job_id' | 'at' | 'prev'> = {
      kind: 'decision',
      ticket_id: this.ticketId,
      phase: call.phase,
      action: call.action,
      args: call.args,
      outcome: decision.outcome,
      code: decision.code,
      rule: decision.rule,
      reason: decision.reason,
      proposal_hash: proposalHash,
      approval_id: approvalId,
      applied,
    };
    this.#job.log.append(record);
    const name = canonicalActionName(call.action) ?? call.action;
    if (applied) this.#state = applyEffect(this.#state, call.action, call.args);
    if (call.phase === 'propose') {
      if (applied) this.#annotated.push(name);
    } else (applied ? this.#applied : this.#refused).push(name);
    return decision;
  }

  #finish(classified: boolean): TicketOutcome {
    const after = this.#state;
    this.#job.log.append({ kind: 'ticket_done', ticket_id: this.ticketId, after_hash: digestOfJson(after) });
    return {
      entry: { ticket_id: this.ticketId, content_hash: this.#contentHash, before: this.#before, after },
      classified,
      annotated: [...this.#annotated],
      applied: [...this.#applied],
      refused: [...this.#refused],
    };
  }
}

/** Labels and internal notes: reversible, internal, phase 1 (catalog kind `annotate`). */
function isAnnotation(action: string): boolean {
  return canonicalActionName(action) !== null && actionKind(action) === 'annotate';
}

/**
 * The before-state: the ticket's routing fields, its count of internal notes, no notifications
 * yet. Tags are the one routing field customers can write, so they are scrubbed with every
 * detector: a bundle never carries a secret or PII, wherever in the ticket it hid.
 */
function beforeState(ticket: Ticket): RoutingState {
  const routing = ticketRoutingState(ticket);
  const scrubbed = redact({ tags: routing.tags }, { detectors: DETECTOR_IDS, redactFields: [] }).view.tags as string[];
  return {
    status: routing.status,
    priority: routing.priority,
    type: routing.type,
    assignee_id: routing.assignee_id,
    group_id: routing.group_id,
    tags: [...new Set(scrubbed)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    internal_notes: ticket.comments.filter((c) => !c.public).length,
    notifications: [],
  };
}
