/**
 * proposals: each ticket's proposal is the one its receipted model answers give.
 *
 * The harness reads hostile ticket text and writes the proposal record; the PROXY signs what the
 * model answered. So the proposal is recomputed from the receipted response (derive/proposal.ts)
 * and must equal the recorded one, name the receipt it came from, and not predate it; a ticket
 * whose answers give no proposal has none; and the number of calls is what the answers call for
 * (no call after a usable answer, no early stop without one). Without these, a harness key alone
 * could invent model reasoning (a write the model never asked for) or hide an attempted action.
 */
import { canonicalJson } from '../../core/canonical.js';
import type { Proposal, TicketId } from '../../core/bundle/types.js';
import { actionKind } from '../../policy/index.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { callOutcome, HARNESS_ATTEMPT_CEILING, HARNESS_MAX_ATTEMPTS, type CallOutcome } from '../derive/call-outcome.js';
import { receiptGap, ticketCalls, type TicketCall } from '../derive/calls.js';
import { evidenceOf, recordIndex, type IndexedRecord, type RecordIndex } from '../diff/records.js';
import { firstEvidence } from './evidence.js';
import { checkResult, failIssue, plural } from './result.js';

export function checkProposals(ctx: VerifyContext): CheckResult {
  const index = recordIndex(ctx);
  const calls = ticketCalls(ctx);
  const policy = ctx.wpc.signatureOk ? ctx.wpc.policy : null;
  const tickets = ticketsOf(index, calls);
  if (policy === null) {
    const message = `${plural(tickets.length, 'ticket')}' proposals cannot be re-derived: without a verified, valid WPC its required output fields and call cap are unknown`;
    return checkResult('proposals', [failIssue('PROPOSAL_UNVERIFIABLE', message, { pointer: ctx.wpc.pointer })], [], 'The proposals could not be re-derived.');
  }
  const required = policy.requiredOutputFields.map((f) => f.field);
  const cap = policy.limits.maxModelCallsPerTicket?.value ?? null;
  const gap = receiptGap(ctx);
  let issues: CheckIssue[] = [];
  let derived = 0;
  for (const ticketId of tickets) {
    const ticketCallsList = calls.get(ticketId) ?? [];
    const outcome = callOutcome(ticketCallsList, required, cap);
    if (outcome.proposal !== null) derived++;
    issues = issues.concat(ticketIssues(index, ticketId, ticketCallsList, outcome, cap, gap));
  }
  const evidence: Evidence[] = [
    { pointer: '/receipts', note: `${plural(index.receipts.length, 'receipted model answer')} read for ${plural(tickets.length, 'ticket')}` },
    { pointer: '/records', note: `${plural(derived, 'ticket')} whose answers give a proposal; ${plural(index.proposals.length, 'proposal record')}` },
  ];
  const message =
    issues.length === 0
      ? `Every proposal is the one its receipted model answer gives, and every ticket was called as often as its answers require (${plural(derived, 'proposal')} re-derived).`
      : `${plural(issues.length, 'problem')}: recorded proposals or model calls that the receipted model answers do not give.`;
  return checkResult('proposals', issues, evidence, message);
}

/** Tickets with an intake record or a receipt, in order of first appearance. */
function ticketsOf(index: RecordIndex, calls: ReadonlyMap<TicketId, readonly TicketCall[]>): TicketId[] {
  const ids = new Set<TicketId>();
  for (const r of index.intakes) ids.add(r.payload.ticket_id);
  for (const id of calls.keys()) ids.add(id);
  for (const p of index.proposals) ids.add(p.payload.ticket_id);
  return [...ids];
}

function ticketIssues(index: RecordIndex, ticketId: TicketId, calls: readonly TicketCall[], outcome: CallOutcome, cap: number | null, gap: string | null): CheckIssue[] {
  const found = derivationIssues(index, ticketId, calls, outcome, cap);
  // With calls possibly missing, what looks like the harness's doing may be the receipts' damage.
  if (gap === null || found.length === 0) return found;
  return [failIssue('PROPOSAL_UNVERIFIABLE', `Ticket ${ticketId}: its proposal cannot be re-derived because ${gap}`, ...found.flatMap((i) => i.evidence.slice(0, 1)))];
}

function derivationIssues(index: RecordIndex, ticketId: TicketId, calls: readonly TicketCall[], outcome: CallOutcome, cap: number | null): CheckIssue[] {
  const recorded = index.proposalsByTicket.get(ticketId) ?? [];
  if (outcome.unknownAt !== null) {
    const call = calls[outcome.unknownAt]!;
    return [
      failIssue(
        'PROPOSAL_UNVERIFIABLE',
        `Ticket ${ticketId}: the answer receipted by ${call.receipt.payload.receipt_id} is not in the bundle as receipted (see model_views), so what the model proposed cannot be re-derived`,
        evidenceOf(call.receipt),
      ),
    ];
  }
  const issues: CheckIssue[] = [];
  if (calls.length !== outcome.expectedCalls) issues.push(callCountIssue(ticketId, calls, outcome, cap));
  if (recorded.length > 1) {
    issues.push(failIssue('PROPOSAL_DUPLICATE', `Ticket ${ticketId} has ${recorded.length} proposal records; one model answer gives one proposal`, ...recorded.map((p) => evidenceOf(p))));
  }
  const proposal = recorded[0];
  if (outcome.proposal === null) {
    if (proposal !== undefined) issues.push(inventedIssue(index, ticketId, calls, outcome, proposal));
    return issues;
  }
  const source = calls[outcome.usable!]!;
  if (proposal === undefined) {
    const asked = outcome.proposal.actions.map((a) => a.action).join(', ') || 'no action';
    issues.push(
      failIssue(
        'PROPOSAL_OMITTED',
        `Ticket ${ticketId}: the model's answer (${source.receipt.payload.receipt_id}) gives a proposal (category ${outcome.proposal.category}; asks for ${asked}), but no proposal is recorded: what the model asked for is hidden`,
        evidenceOf(source.receipt),
      ),
    );
    return issues;
  }
  if (proposal.payload.receipt_id !== source.receipt.payload.receipt_id) {
    issues.push(
      failIssue(
        'PROPOSAL_RECEIPT_MISMATCH',
        `Ticket ${ticketId}: the proposal names receipt ${proposal.payload.receipt_id}, but the answer that gives it is receipt ${source.receipt.payload.receipt_id}, the ticket's last model call`,
        evidenceOf(proposal, { payloadPointer: '/receipt_id', expected: source.receipt.payload.receipt_id, actual: proposal.payload.receipt_id }),
        evidenceOf(source.receipt),
      ),
    );
  }
  const difference = firstDifference(outcome.proposal, proposal.payload.proposal);
  if (difference !== null) {
    issues.push(
      failIssue(
        'PROPOSAL_MISMATCH',
        `Ticket ${ticketId}: ${difference.sentence} (receipt ${source.receipt.payload.receipt_id})`,
        evidenceOf(proposal, { payloadPointer: difference.pointer, expected: difference.expected, actual: difference.actual }),
        evidenceOf(source.receipt, { note: 'the receipted answer the proposal is recomputed from' }),
      ),
    );
  }
  if (!(proposal.atMs >= source.receipt.atMs)) {
    issues.push(
      failIssue(
        'PROPOSAL_BEFORE_RECEIPT',
        `Ticket ${ticketId}: the proposal is dated ${proposal.payload.at}, before the model answered (${source.receipt.payload.at})`,
        evidenceOf(proposal, { payloadPointer: '/at', expected: `>= ${source.receipt.payload.at}`, actual: proposal.payload.at }),
        evidenceOf(source.receipt),
      ),
    );
  }
  return issues;
}

function callCountIssue(ticketId: TicketId, calls: readonly TicketCall[], outcome: CallOutcome, cap: number | null): CheckIssue {
  const evidence = firstEvidence(calls.map((c) => evidenceOf(c.receipt)));
  if (outcome.usable !== null) {
    const extra = calls.length - outcome.expectedCalls;
    return failIssue(
      'MODEL_CALLS_MISMATCH',
      `Ticket ${ticketId}: the model's answer to call ${outcome.usable + 1} gives a proposal, yet ${plural(extra, 'more call is', 'more calls are')} receipted after it`,
      { ticketId, note: 'receipted calls', expected: String(outcome.expectedCalls), actual: String(calls.length) },
      ...evidence,
    );
  }
  const bound =
    cap === null
      ? `without a max_model_calls_per_ticket the harness calls ${HARNESS_MAX_ATTEMPTS} times`
      : cap < HARNESS_ATTEMPT_CEILING
        ? `the harness calls until the proxy refuses the call past max_model_calls_per_ticket (${cap})`
        : `the harness stops after ${HARNESS_ATTEMPT_CEILING} calls`;
  const answers =
    calls.length > outcome.expectedCalls
      ? `${bound}, so the calls after call ${outcome.expectedCalls} are past its bound, and none of the first ${outcome.expectedCalls} answers gives a proposal`
      : `none of its ${plural(calls.length, 'receipted answer')} gives a proposal and ${bound}`;
  return failIssue(
    'MODEL_CALLS_MISMATCH',
    `Ticket ${ticketId}: ${answers}, so ${outcome.expectedCalls} receipted call(s) were due, not ${calls.length}`,
    { ticketId, note: 'receipted calls', expected: String(outcome.expectedCalls), actual: String(calls.length) },
    ...evidence,
  );
}

function inventedIssue(index: RecordIndex, ticketId: TicketId, calls: readonly TicketCall[], outcome: CallOutcome, proposal: IndexedRecord<'proposal'>): CheckIssue {
  const writes = (index.byTicket.get(ticketId) ?? []).filter((d): d is IndexedRecord<'decision'> => d.payload.kind === 'decision' && d.payload.applied && actionKind(d.payload.action) === 'write');
  const answers =
    calls.length === 0
      ? 'the model was never called'
      : calls.length > outcome.expectedCalls
        ? `none of the model's ${outcome.expectedCalls} answers within the harness's bound gives one (the last: ${outcome.failures.at(-1) ?? 'unusable'}), and the harness makes no call past it`
        : calls.length === 1
          ? `the model's only answer gives none (${outcome.failures[0] ?? 'unusable'})`
          : `none of the model's ${calls.length} answers gives one (the last: ${outcome.failures.at(-1) ?? 'unusable'})`;
  const applied = writes.length === 0 ? '' : ` and ${plural(writes.length, 'write')} applied (${[...new Set(writes.map((w) => w.payload.action))].join(', ')})`;
  return failIssue(
    'PROPOSAL_WITHOUT_RESPONSE',
    `Ticket ${ticketId}: ${answers}, yet a proposal is recorded${applied}`,
    evidenceOf(proposal),
    ...firstEvidence([...calls.map((c) => evidenceOf(c.receipt)), ...writes.map((w) => evidenceOf(w))]),
  );
}

interface Difference {
  readonly pointer: string;
  readonly expected: string;
  readonly actual: string;
  readonly sentence: string;
}

const SCALAR_FIELDS = ['category', 'confidence', 'recommended_queue', 'rationale', 'priority', 'notification_template'] as const;

/** The first member in which the recorded proposal differs from the derived one, said plainly. */
function firstDifference(derived: Proposal, recorded: Proposal): Difference | null {
  for (const field of SCALAR_FIELDS) {
    const e = canonicalJson(derived[field]);
    const a = canonicalJson(recorded[field]);
    if (e !== a) return { pointer: `/proposal/${field}`, expected: e, actual: a, sentence: `the recorded proposal's ${field} is ${shorten(a)}, but the model answered ${shorten(e)}` };
  }
  const expected = derived.actions.map((x) => canonicalJson(x));
  const actual = recorded.actions.map((x) => canonicalJson(x));
  const missing = expected.findIndex((e, i) => actual[i] !== e);
  if (missing === -1 && actual.length === expected.length) return null;
  const added = actual.filter((a) => !expected.includes(a));
  const dropped = expected.filter((e) => !actual.includes(e));
  const at = missing === -1 ? expected.length : missing;
  const sentence =
    added.length > 0
      ? `the recorded proposal asks for ${added.map(describeAction).join(', ')}, which the model's answer does not`
      : dropped.length > 0
        ? `the model asked for ${dropped.map(describeAction).join(', ')}, which the recorded proposal leaves out`
        : 'the recorded proposal lists the actions the model asked for in another order or number';
  return { pointer: `/proposal/actions/${at}`, expected: expected[at] ?? '(none)', actual: actual[at] ?? '(none)', sentence };
}

function describeAction(json: string): string {
  const { action, args } = JSON.parse(json) as { action: string; args: unknown };
  const text = canonicalJson(args);
  return text === '{}' ? action : `${action} ${shorten(text)}`;
}

function shorten(text: string): string {
  return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
}
