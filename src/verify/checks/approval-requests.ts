/**
 * The approver was asked exactly when the format says, and its answers are where they belong:
 *  - a proposal whose phase-2 actions the gate sends for approval, in a job whose approval mode is
 *    not `none`, has one signed approval, for exactly those actions (APPROVAL_WITHHELD,
 *    APPROVAL_REQUEST_MISMATCH): the harness cannot hide who said no, or widen what was approved;
 *  - no other proposal has one (APPROVAL_UNREQUESTED), none has two (APPROVAL_DUPLICATE);
 *  - each approval's mode is the job's approval mode (APPROVAL_MODE_MISMATCH);
 *  - every approval approves a proposal of its ticket that is in the bundle (APPROVAL_ORPHAN): a
 *    signed answer with no question means the question was removed or changed.
 */
import type { ApprovalPayload } from '../../core/bundle/types.js';
import type { NormalizedPolicy } from '../../policy/index.js';
import type { CheckIssue } from '../report.js';
import { approvalRequest } from '../derive/decision-plan.js';
import { evidenceOf, type Indexed, type IndexedRecord, type RecordIndex } from '../diff/records.js';
import { failIssue } from './result.js';

type ApprovalMode = 'auto' | 'none' | 'queue';

export function approvalRequestIssues(index: RecordIndex, policy: NormalizedPolicy, scopes: readonly string[]): CheckIssue[] {
  const start = index.records[0]?.payload;
  const mode: ApprovalMode | null = start?.kind === 'job_start' ? start.approval_mode : null;
  const issues: CheckIssue[] = [];
  const answered = new Set<number>();
  for (const proposal of index.proposals) {
    const approvals = (index.approvalsByTicket.get(proposal.payload.ticket_id) ?? []).filter((a) => a.payload.proposal_hash === proposal.hash);
    for (const a of approvals) answered.add(a.index);
    issues.push(...proposalIssues(index, proposal, approvals, mode, policy, scopes));
  }
  for (const a of index.approvals) {
    if (answered.has(a.index)) continue;
    issues.push(
      failIssue(
        'APPROVAL_ORPHAN',
        `Ticket ${a.payload.ticket_id}: approval ${a.payload.approval_id} answers a proposal (${a.payload.proposal_hash}) that is not among the ticket's signed proposal records: the proposal it answered was removed or changed`,
        evidenceOf(a, { payloadPointer: '/proposal_hash' }),
      ),
    );
  }
  return issues;
}

function proposalIssues(
  index: RecordIndex,
  proposal: IndexedRecord<'proposal'>,
  approvals: readonly Indexed<ApprovalPayload>[],
  mode: ApprovalMode | null,
  policy: NormalizedPolicy,
  scopes: readonly string[],
): CheckIssue[] {
  const ticket = proposal.payload.ticket_id;
  const degraded = index.degrade !== null && index.degrade.index < proposal.index;
  const needed = approvalRequest(proposal, policy, scopes, degraded);
  const issues: CheckIssue[] = [];
  if (approvals.length > 1) {
    issues.push(failIssue('APPROVAL_DUPLICATE', `Ticket ${ticket}: ${approvals.length} approvals answer one proposal; the approver is asked once`, ...approvals.map((a) => evidenceOf(a))));
  }
  for (const a of approvals) {
    if (mode !== null && mode !== 'none' && a.payload.mode !== mode) {
      issues.push(
        failIssue('APPROVAL_MODE_MISMATCH', `Ticket ${ticket}: approval ${a.payload.approval_id} says mode ${a.payload.mode}, but the job's approval mode is ${mode}`, evidenceOf(a, { payloadPointer: '/mode', expected: mode, actual: a.payload.mode })),
      );
    }
  }
  const first = approvals[0];
  if (needed.length > 0 && mode !== 'none') {
    if (first === undefined) {
      issues.push(
        failIssue(
          'APPROVAL_WITHHELD',
          `Ticket ${ticket}: ${needed.join(', ')} needed an approval and the job asks its approver (mode ${mode ?? 'unknown'}), but no approval of the proposal is in the bundle: the approver's answer is hidden`,
          evidenceOf(proposal),
        ),
      );
    } else if (first.payload.actions.join('\n') !== needed.join('\n')) {
      issues.push(
        failIssue(
          'APPROVAL_REQUEST_MISMATCH',
          `Ticket ${ticket}: approval ${first.payload.approval_id} answers for ${first.payload.actions.join(', ')}, but the proposal put ${needed.join(', ')} to the approver`,
          evidenceOf(first, { payloadPointer: '/actions', expected: needed.join(', '), actual: first.payload.actions.join(', ') }),
          evidenceOf(proposal),
        ),
      );
    }
    return issues;
  }
  if (first !== undefined) {
    const why = mode === 'none' ? "the job's approval mode is none (nobody is asked)" : 'none of its actions needed one';
    issues.push(failIssue('APPROVAL_UNREQUESTED', `Ticket ${ticket}: approval ${first.payload.approval_id} answers a proposal, but ${why}`, evidenceOf(first), evidenceOf(proposal)));
  }
  return issues;
}
