/**
 * The policy gate as the format defines it ("Proof bundle", `decision`): the pure evaluator of
 * src/policy, then, for a call it would allow or send for approval, the argument rule: a malformed
 * call is refused as INVALID_CALL with rule "". The verifier's re-evaluation and its re-derivation
 * of who had to be asked for approval both go through here.
 */
import type { JsonObject } from '../../core/json.js';
import type { TicketId } from '../../core/bundle/types.js';
import { evaluate, type Decision, type NormalizedPolicy, type ToolPhase } from '../../policy/index.js';
import { callProblem } from '../diff/effects.js';

export interface GateInput {
  readonly policy: NormalizedPolicy;
  readonly scopes: readonly string[];
  readonly approval: { readonly proposalHash: string } | null;
  readonly degraded: boolean;
}

export function gateDecision(call: { action: string; args: JsonObject; phase: ToolPhase; ticketId: TicketId }, input: GateInput): Decision {
  const decision = evaluate(
    { action: call.action, phase: call.phase, ticketId: call.ticketId },
    { policy: input.policy, cstScopes: input.scopes, approval: input.approval, degraded: input.degraded },
  );
  if (decision.outcome !== 'allow' && decision.outcome !== 'needs_approval') return decision;
  const problem = callProblem(call.action, call.args, call.ticketId);
  if (problem === null) return decision;
  return { outcome: 'deny', code: 'INVALID_CALL', rule: '', reason: `the call is malformed: ${problem}` };
}
