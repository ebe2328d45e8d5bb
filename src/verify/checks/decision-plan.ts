/**
 * The decisions of each ticket correspond one to one, in order, to what its proposal asks for:
 * the proposal note before the proposal, then every requested action with its exact action and
 * arguments, in the phase the format gives it, and with exactly the proposal hash and approval id
 * the format prescribes (derive/decision-plan.ts). The harness writes both the proposal and the
 * decisions; the proposals check anchors the proposal in the receipted answer, and this check
 * anchors the decisions in the proposal, so an attempted action cannot be hidden (a denied notify
 * deleted) or invented (a label write the model never asked for), and no binding dangles.
 */
import { canonicalJson } from '../../core/canonical.js';
import type { TicketId } from '../../core/bundle/types.js';
import { diffArrays } from 'diff';
import type { CheckIssue, Evidence } from '../report.js';
import { PROPOSAL_NOTE, plannedDecisions, type PlannedDecision } from '../derive/decision-plan.js';
import { evidenceOf, type IndexedRecord, type RecordIndex } from '../diff/records.js';
import { failIssue } from './result.js';

export function decisionPlanIssues(index: RecordIndex): CheckIssue[] {
  const decisionsByTicket = new Map<TicketId, IndexedRecord<'decision'>[]>();
  for (const d of index.decisions) {
    const list = decisionsByTicket.get(d.payload.ticket_id);
    if (list === undefined) decisionsByTicket.set(d.payload.ticket_id, [d]);
    else list.push(d);
  }
  let issues: CheckIssue[] = [];
  for (const [ticketId, decisions] of decisionsByTicket) issues = issues.concat(ticketIssues(index, ticketId, decisions));
  // A proposal with no decisions at all still owes its note and one decision per requested action.
  for (const p of index.proposals) {
    if (!decisionsByTicket.has(p.payload.ticket_id)) issues = issues.concat(ticketIssues(index, p.payload.ticket_id, []));
  }
  return issues;
}

function ticketIssues(index: RecordIndex, ticketId: TicketId, decisions: readonly IndexedRecord<'decision'>[]): CheckIssue[] {
  const proposal = index.proposalsByTicket.get(ticketId)?.[0];
  if (proposal === undefined) {
    return decisions.map((d) =>
      failIssue(
        'DECISION_NOT_PROPOSED',
        `Ticket ${ticketId}: a ${d.payload.phase} decision for ${describe(d.payload)} is recorded, but the ticket has no proposal, so nothing asked for it`,
        evidenceOf(d),
      ),
    );
  }
  const approval = (index.approvalsByTicket.get(ticketId) ?? []).find((a) => a.payload.proposal_hash === proposal.hash) ?? null;
  const before = decisions.filter((d) => d.index < proposal.index);
  const after = decisions.filter((d) => d.index > proposal.index);
  return [...noteIssues(ticketId, proposal, before), ...sequenceIssues(ticketId, proposal, plannedDecisions(proposal, approval), after)];
}

/** Exactly one decision precedes the proposal: the proposal note, bound to nothing. */
function noteIssues(ticketId: TicketId, proposal: IndexedRecord<'proposal'>, before: readonly IndexedRecord<'decision'>[]): CheckIssue[] {
  const note = before.findIndex((d) => tokenOf(d.payload) === tokenOf(PROPOSAL_NOTE));
  const issues: CheckIssue[] = before
    .filter((_, i) => i !== note)
    .map((d) =>
      failIssue(
        'DECISION_NOT_PROPOSED',
        `Ticket ${ticketId}: a decision for ${describe(d.payload)} comes before the proposal; only the proposal note (${PROPOSAL_NOTE.action}) may`,
        evidenceOf(d),
        evidenceOf(proposal),
      ),
    );
  if (note === -1) {
    issues.push(failIssue('PROPOSED_ACTION_UNRECORDED', `Ticket ${ticketId}: the proposal is not preceded by the decision that writes it as an internal note (${PROPOSAL_NOTE.action}, phase propose)`, evidenceOf(proposal)));
  } else {
    issues.push(...bindingIssues(ticketId, before[note]!, PROPOSAL_NOTE));
  }
  return issues;
}

/** The decisions after the proposal against the planned list: same actions and arguments, same order. */
function sequenceIssues(ticketId: TicketId, proposal: IndexedRecord<'proposal'>, planned: readonly PlannedDecision[], after: readonly IndexedRecord<'decision'>[]): CheckIssue[] {
  const expected = planned.map(tokenOf);
  const actual = after.map((d) => tokenOf(d.payload));
  const issues: CheckIssue[] = [];
  let e = 0;
  let a = 0;
  for (const change of diffArrays(expected, actual)) {
    const n = change.count ?? change.value.length;
    if (change.added) {
      for (const d of after.slice(a, a + n)) {
        issues.push(
          failIssue(
            'DECISION_NOT_PROPOSED',
            `Ticket ${ticketId}: a decision for ${describe(d.payload)} is recorded, but the proposal (${proposal.payload.record_id}) does not ask for it there`,
            evidenceOf(d, { payloadPointer: '/action' }),
            evidenceOf(proposal, { payloadPointer: '/proposal/actions' }),
          ),
        );
      }
      a += n;
    } else if (change.removed) {
      for (const p of planned.slice(e, e + n)) {
        issues.push(
          failIssue(
            'PROPOSED_ACTION_UNRECORDED',
            `Ticket ${ticketId}: the model asked for ${describe(p)}, but no decision on it is recorded: the attempt is hidden`,
            evidenceOf(proposal, { payloadPointer: `/proposal/actions/${proposal.payload.proposal.actions.findIndex((x) => tokenOf(x) === tokenOf(p))}` }),
          ),
        );
      }
      e += n;
    } else {
      for (let i = 0; i < n; i++) issues.push(...bindingIssues(ticketId, after[a + i]!, planned[e + i]!));
      e += n;
      a += n;
    }
  }
  return issues;
}

/** Phase, proposal_hash and approval_id are exactly what the format prescribes for this decision. */
function bindingIssues(ticketId: TicketId, d: IndexedRecord<'decision'>, planned: PlannedDecision): CheckIssue[] {
  const r = d.payload;
  const issues: CheckIssue[] = [];
  const what = `Ticket ${ticketId}: the decision on ${describe(r)}`;
  if (r.phase !== planned.phase) {
    issues.push(failIssue('DECISION_PHASE_INVALID', `${what} is recorded in phase ${r.phase}; the format puts it in phase ${planned.phase}`, evidenceOf(d, at('/phase', planned.phase, r.phase))));
  }
  if (r.proposal_hash !== planned.proposalHash) {
    issues.push(
      failIssue('DECISION_BINDING_INVALID', `${what} names proposal ${String(r.proposal_hash)}, not ${planned.proposalHash === null ? 'none (it writes the proposal)' : "the ticket's proposal"}`, evidenceOf(d, at('/proposal_hash', String(planned.proposalHash), String(r.proposal_hash)))),
    );
  }
  if (r.approval_id !== planned.approvalId) {
    const expected = planned.approvalId === null ? 'no approval (none answers for this action)' : `approval ${planned.approvalId}, which answers for it`;
    issues.push(failIssue('DECISION_BINDING_INVALID', `${what} names approval ${String(r.approval_id)}; it must name ${expected}`, evidenceOf(d, at('/approval_id', String(planned.approvalId), String(r.approval_id)))));
  }
  return issues;
}

function at(payloadPointer: string, expected: string, actual: string): Omit<Evidence, 'pointer'> {
  return { payloadPointer, expected, actual };
}

function tokenOf(call: { action: string; args: unknown }): string {
  return canonicalJson({ action: call.action, args: call.args });
}

function describe(call: { action: string; args: unknown }): string {
  const args = canonicalJson(call.args);
  const text = args === '{}' ? call.action : `${call.action} ${args}`;
  return text.length <= 120 ? text : `${text.slice(0, 117)}...`;
}
