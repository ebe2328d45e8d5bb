/**
 * The decisions a ticket's proposal calls for ("Proof bundle", `decision`), in order: the proposal
 * note before the proposal record, then every requested annotation (labels, notes) in phase
 * `propose`, then every other requested action in phase `apply`, each naming the proposal hash,
 * and the phase-2 ones the approval answers for naming that approval. And which actions had to
 * be put to the approver: the phase-2 ones the gate sends for approval before any answer.
 */
import type { JsonObject } from '../../core/json.js';
import type { Digest } from '../../core/hash.js';
import type { ApprovalPayload } from '../../core/bundle/types.js';
import { PROPOSAL_NOTE_ACTION, actionKind, canonicalActionName, type NormalizedPolicy } from '../../policy/index.js';
import type { Indexed, IndexedRecord } from '../diff/records.js';
import { gateDecision } from './gate.js';

export interface PlannedDecision {
  readonly action: string;
  readonly args: JsonObject;
  readonly phase: 'propose' | 'apply';
  readonly proposalHash: Digest | null;
  readonly approvalId: string | null;
}

export const PROPOSAL_NOTE: PlannedDecision = Object.freeze({ action: PROPOSAL_NOTE_ACTION, args: {}, phase: 'propose', proposalHash: null, approvalId: null });

/** Labels and internal notes are annotations (phase 1); anything else, malformed names too, is phase 2. */
export function isAnnotation(action: string): boolean {
  return canonicalActionName(action) !== null && actionKind(action) === 'annotate';
}

/** The decisions after the proposal record, given the approval of that proposal (if any). */
export function plannedDecisions(proposal: IndexedRecord<'proposal'>, approval: Indexed<ApprovalPayload> | null): PlannedDecision[] {
  const actions = proposal.payload.proposal.actions;
  const annotations = actions.filter((a) => isAnnotation(a.action));
  const others = actions.filter((a) => !isAnnotation(a.action));
  const covered = (action: string): string | null => {
    const name = canonicalActionName(action);
    return approval !== null && name !== null && approval.payload.actions.includes(name) ? approval.payload.approval_id : null;
  };
  return [
    ...annotations.map((a) => ({ action: a.action, args: a.args, phase: 'propose' as const, proposalHash: proposal.hash, approvalId: null })),
    ...others.map((a) => ({ action: a.action, args: a.args, phase: 'apply' as const, proposalHash: proposal.hash, approvalId: covered(a.action) })),
  ];
}

/**
 * Canonical names of the phase-2 actions of `proposal` the gate sends for approval when no answer
 * exists yet (without duplicates, in order of first appearance): what the approver must be asked.
 */
export function approvalRequest(proposal: IndexedRecord<'proposal'>, policy: NormalizedPolicy, scopes: readonly string[], degraded: boolean): string[] {
  const names: string[] = [];
  for (const a of proposal.payload.proposal.actions) {
    if (isAnnotation(a.action)) continue;
    const d = gateDecision({ action: a.action, args: a.args, phase: 'apply', ticketId: proposal.payload.ticket_id }, { policy, scopes, approval: null, degraded });
    const name = canonicalActionName(a.action);
    if (d.outcome === 'needs_approval' && name !== null && !names.includes(name)) names.push(name);
  }
  return names;
}
