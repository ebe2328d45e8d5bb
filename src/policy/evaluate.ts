/**
 * evaluate(call, context): the policy gate every tool call passes through, in the runtime before
 * it acts and in the verifier when it re-checks a recorded decision. Pure and deterministic: the
 * same call and context always give the same decision, and nothing from ticket content is an
 * input, so text inside a ticket cannot change what the policy allows.
 *
 * Order (first match decides; see docs/formats-parts/40-wpc.md):
 *   0. a malformed call is denied (INVALID_CALL)
 *   phase "propose" of a write: only an internal note is written, so the note action is
 *   evaluated in its place (steps 1, 2, 5) and the answer is at most proposal_only
 *   1. explicit deny                       -> deny            EXPLICIT_DENY
 *   2. allow list present, action not on it -> deny           NOT_ON_ALLOW_LIST
 *      no allow list, action not catalogued -> deny           UNKNOWN_ACTION
 *   3. write, propose-only mode            -> proposal_only   PROPOSE_ONLY_MODE
 *   4. write, degraded (classify-only)     -> proposal_only   DEGRADED_CLASSIFY_ONLY
 *   5. action not in the CST scope         -> deny            NOT_IN_CST_SCOPE
 *   6. write needing approval: none given  -> needs_approval  APPROVAL_REQUIRED
 *                              given       -> allow           APPROVED
 *   7. otherwise                           -> allow           ALLOWED
 */
import { isDigest } from '../core/hash.js';
import { canonicalActionName, lookupAction, PROPOSAL_NOTE_ACTION, type ActionKind } from './actions.js';
import { describeValue } from './describe-value.js';
import { findActionRule, type NormalizedPolicy } from './normalized-policy.js';

export type ToolPhase = 'propose' | 'apply';

export interface ToolCall {
  readonly action: string;
  /** propose: phase 1, record the intent as an internal note. apply: perform the action. */
  readonly phase: ToolPhase;
  readonly ticketId?: string | number;
}

export interface EvaluationContext {
  readonly policy: NormalizedPolicy;
  /** The CST's `scope` claim: action names (either spelling). */
  readonly cstScopes: readonly string[];
  /**
   * An approval recorded for this call's proposal. The evaluator checks only that one is
   * present and well-formed; its signature and its binding to the exact proposal are checked by
   * the caller (runtime approval store, verifier approval checks).
   */
  readonly approval?: { readonly proposalHash: string } | null;
  /** True once a limit has tripped and the run is classify-only. */
  readonly degraded?: boolean;
}

export type DecisionOutcome = 'allow' | 'deny' | 'needs_approval' | 'proposal_only';

export const DECISION_CODES = [
  'INVALID_CALL',
  'EXPLICIT_DENY',
  'NOT_ON_ALLOW_LIST',
  'UNKNOWN_ACTION',
  'NOT_IN_CST_SCOPE',
  'PROPOSE_ONLY_MODE',
  'DEGRADED_CLASSIFY_ONLY',
  'APPROVAL_REQUIRED',
  'APPROVED',
  'PROPOSAL_ALLOWED',
  'ALLOWED',
] as const;
export type DecisionCode = (typeof DECISION_CODES)[number];

/** The `rule` of a decision made by the CST scope rather than the WPC. */
export const CST_SCOPE_RULE = 'cst:/scope';

export interface Decision {
  readonly outcome: DecisionOutcome;
  readonly code: DecisionCode;
  /** RFC 6901 pointer into the WPC of the rule that decided (`""`: the WPC as a whole), or CST_SCOPE_RULE. */
  readonly rule: string;
  /** Plain English, naming the action and the rule. */
  readonly reason: string;
}

export function evaluate(call: ToolCall, context: EvaluationContext): Decision {
  const rawAction: unknown = (call as { action?: unknown } | null)?.action;
  const phase: unknown = (call as { phase?: unknown } | null)?.phase;
  const action = canonicalActionName(rawAction);
  if (action === null) {
    return decide('deny', 'INVALID_CALL', '', `${describeValue(rawAction)} is not a well-formed action name, so the call is refused`);
  }
  if (phase !== 'propose' && phase !== 'apply') {
    return decide('deny', 'INVALID_CALL', '', `${action} was called with phase ${describeValue(phase)}; the phase must be "propose" or "apply"`);
  }
  const subject = describeSubject(action, call.ticketId);
  const kind = lookupAction(action)?.kind ?? 'write';
  if (kind === 'write' && phase === 'propose') return evaluateProposal(action, subject, context);
  return evaluateDirect(action, kind, subject, context);
}

/**
 * Phase 1 of a write. Nothing irreversible happens: the proposal is written as an internal note,
 * so the note action is what the policy must allow. This holds even for a denied write: the seed
 * routing WPC denies assign, priority and notify precisely so that they are only ever proposed.
 * The outcome is proposal_only, never allow, so `allow` always means "the named action may run".
 */
function evaluateProposal(action: string, subject: string, context: EvaluationContext): Decision {
  const note = evaluateDirect(PROPOSAL_NOTE_ACTION, 'annotate', PROPOSAL_NOTE_ACTION, context);
  if (note.outcome !== 'allow') {
    return decide(note.outcome, note.code, note.rule, `Proposing ${subject} records an internal note, which is refused: ${note.reason}`);
  }
  const where = note.rule === '' ? 'not denied' : `allowed by ${note.rule}`;
  return decide(
    'proposal_only',
    'PROPOSAL_ALLOWED',
    note.rule,
    `${subject} may be proposed: the proposal is recorded as an internal note (${PROPOSAL_NOTE_ACTION}, ${where}); proposing does not apply ${action}`,
  );
}

function evaluateDirect(action: string, kind: ActionKind, subject: string, context: EvaluationContext): Decision {
  const { policy } = context;
  const denied = findActionRule(policy.deny, action);
  if (denied !== undefined) {
    return decide('deny', 'EXPLICIT_DENY', denied.pointer, `${subject} is explicitly denied by ${denied.pointer}${spelledAs(denied.written, action)}`);
  }
  const allowed = findActionRule(policy.allow, action);
  if (policy.allow !== null && allowed === undefined) {
    return decide('deny', 'NOT_ON_ALLOW_LIST', policy.allow.pointer, `${subject} is not on the allow list at ${policy.allow.pointer}`);
  }
  if (policy.allow === null && lookupAction(action) === undefined) {
    return decide(
      'deny',
      'UNKNOWN_ACTION',
      '',
      `${subject} is not in the action catalog and the WPC has no allow list naming it; unknown actions are refused`,
    );
  }
  if (kind === 'write') {
    if (policy.mode.value === 'propose_only') {
      return decide('proposal_only', 'PROPOSE_ONLY_MODE', policy.mode.pointer, `${subject} can only be proposed, not applied: ${policy.mode.pointer} sets propose-only mode`);
    }
    if (context.degraded === true) {
      const limits = policy.limits.pointer === '' ? 'a runtime limit' : `a limit (${policy.limits.pointer})`;
      return decide('proposal_only', 'DEGRADED_CLASSIFY_ONLY', policy.limits.pointer, `${subject} can only be proposed: ${limits} tripped and the run is classify-only`);
    }
  }
  if (!scopeSet(context.cstScopes).has(action)) {
    return decide('deny', 'NOT_IN_CST_SCOPE', CST_SCOPE_RULE, `${subject} is not in the CST scope, so the token does not authorize it`);
  }
  if (kind === 'write') {
    const approvalRule = approvalRuleFor(policy, action);
    if (approvalRule !== null) {
      const proposalHash = context.approval?.proposalHash;
      if (isDigest(proposalHash)) {
        return decide('allow', 'APPROVED', approvalRule, `${subject} requires approval (${approvalRule}) and an approval of proposal ${proposalHash} is recorded`);
      }
      const given = context.approval == null ? 'none is recorded' : 'the approval given does not name a proposal hash (sha256:<64 hex>)';
      return decide('needs_approval', 'APPROVAL_REQUIRED', approvalRule, `${subject} requires an approval of its proposal (${approvalRule}); ${given}`);
    }
  }
  const rule = allowed?.pointer ?? '';
  return decide('allow', 'ALLOWED', rule, `${subject} is allowed${allowed === undefined ? ' (not denied; the WPC has no allow list)' : ` by ${rule}`}`);
}

/** Pointer of the rule requiring approval for `action`, or null when it needs none. */
function approvalRuleFor(policy: NormalizedPolicy, action: string): string | null {
  const approval = policy.approval;
  switch (approval.kind) {
    case 'all_writes':
      return approval.pointer;
    case 'listed':
      return approval.actions.find((rule) => rule.action === action)?.pointer ?? null;
    case 'none':
      return null;
  }
}

/** The CST scope as canonical action names; malformed entries grant nothing. */
function scopeSet(scopes: unknown): Set<string> {
  const set = new Set<string>();
  if (!Array.isArray(scopes)) return set;
  for (const scope of scopes) {
    const action = canonicalActionName(scope);
    if (action !== null) set.add(action);
  }
  return set;
}

function describeSubject(action: string, ticketId: unknown): string {
  return typeof ticketId === 'string' || typeof ticketId === 'number' ? `${action} on ticket ${describeValue(ticketId)}` : action;
}

function spelledAs(written: string, action: string): string {
  return written === action ? '' : ` (written ${JSON.stringify(written)})`;
}

function decide(outcome: DecisionOutcome, code: DecisionCode, rule: string, reason: string): Decision {
  return Object.freeze({ outcome, code, rule, reason });
}
