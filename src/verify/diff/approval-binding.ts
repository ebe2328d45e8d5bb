/**
 * Which approval, if any, authorises a phase-2 decision. Only a signed approval counts, and only
 * one bound to exactly that decision's proposal: same job, same ticket, the proposal's payload
 * hash, the action among those it approves, answered "approved", and no later than the decision.
 * What the decision record itself claims (`approval_id`) is never taken on trust.
 */
import type { ApprovalPayload } from '../../core/bundle/types.js';
import { canonicalActionName } from '../../policy/index.js';
import type { Indexed, IndexedRecord, RecordIndex } from './records.js';

export type ApprovalBinding =
  | { readonly status: 'bound'; readonly approval: Indexed<ApprovalPayload> }
  | {
      readonly status: 'missing' | 'not_bound' | 'rejected' | 'late';
      /** The closest candidate, when there is one (for evidence). */
      readonly approval: Indexed<ApprovalPayload> | null;
      readonly detail: string;
    };

export function approvalFor(index: RecordIndex, decision: IndexedRecord<'decision'>): ApprovalBinding {
  const { ticket_id: ticketId, job_id: jobId, proposal_hash: proposalHash } = decision.payload;
  const action = canonicalActionName(decision.payload.action);
  const forTicket = (index.approvalsByTicket.get(ticketId) ?? []).filter((a) => a.payload.job_id === jobId);
  const ignored = (): string =>
    index.unverifiedApprovals === 0 ? '' : ` (${index.unverifiedApprovals} approval envelope(s) without a valid trusted signature were not considered)`;

  if (proposalHash === null) return { status: 'missing', approval: null, detail: 'the decision names no proposal an approval could bind to' };
  const ofProposal = forTicket.filter((a) => a.payload.proposal_hash === proposalHash);
  if (ofProposal.length === 0) {
    if (forTicket.length > 0) {
      return {
        status: 'not_bound',
        approval: forTicket[0]!,
        detail: `the signed approvals of ticket ${ticketId} approve other proposals (${forTicket.map((a) => a.payload.proposal_hash).join(', ')}), not ${proposalHash}${ignored()}`,
      };
    }
    return { status: 'missing', approval: null, detail: `no signed approval of proposal ${proposalHash} is in the bundle${ignored()}` };
  }
  const covering = ofProposal.filter((a) => action !== null && a.payload.actions.some((x) => canonicalActionName(x) === action));
  if (covering.length === 0) {
    return {
      status: 'not_bound',
      approval: ofProposal[0]!,
      detail: `approval ${ofProposal[0]!.payload.approval_id} of this proposal approves ${ofProposal[0]!.payload.actions.join(', ') || 'no action'}, not ${action ?? decision.payload.action}`,
    };
  }
  const timely = covering.filter((a) => a.atMs <= decision.atMs);
  if (timely.length === 0) {
    return {
      status: 'late',
      approval: covering[0]!,
      detail: `approval ${covering[0]!.payload.approval_id} is dated ${covering[0]!.payload.at}, after the decision at ${decision.payload.at}`,
    };
  }
  const approved = timely.find((a) => a.payload.decision === 'approved');
  if (approved === undefined) {
    return { status: 'rejected', approval: timely[0]!, detail: `approval ${timely[0]!.payload.approval_id} rejected the proposal` };
  }
  return { status: 'bound', approval: approved };
}
