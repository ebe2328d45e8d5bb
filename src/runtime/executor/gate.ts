/**
 * The policy gate of a tool call: the pure evaluator (src/policy) first; then, for a call the
 * policy would allow or send for approval, the argument check (effects.ts), since a malformed call
 * must neither run nor be put before an approver. Its inputs are the action and arguments, the
 * WPC, the CST scope, the approval and the degraded flag: no ticket text.
 */
import type { JsonObject } from '../../core/json.js';
import type { Outcome, TicketId } from '../../core/bundle/types.js';
import { canonicalActionName, evaluate, type NormalizedPolicy, type ToolPhase } from '../../policy/index.js';
import { argsProblem } from './effects.js';

export interface GateCall {
  readonly action: string;
  readonly args: JsonObject;
  readonly phase: ToolPhase;
  readonly ticketId: TicketId;
}

export interface GateContext {
  readonly policy: NormalizedPolicy;
  readonly cstScopes: readonly string[];
  readonly approval: { readonly proposalHash: string } | null;
  readonly degraded: boolean;
}

export interface GateDecision {
  readonly outcome: Outcome;
  readonly code: string;
  readonly rule: string;
  readonly reason: string;
}

export function gate(call: GateCall, context: GateContext): GateDecision {
  const decision = evaluate(
    { action: call.action, phase: call.phase, ticketId: call.ticketId },
    { policy: context.policy, cstScopes: context.cstScopes, approval: context.approval, degraded: context.degraded },
  );
  if (decision.outcome !== 'allow' && decision.outcome !== 'needs_approval') return decision;
  const problem = argsProblem(call.action, call.args, call.ticketId);
  if (problem === null) return decision;
  const action = canonicalActionName(call.action) ?? call.action;
  return {
    outcome: 'deny',
    code: 'INVALID_CALL',
    rule: '',
    reason: `${action} on ticket ${call.ticketId} is refused: its arguments are malformed (${problem})`,
  };
}
