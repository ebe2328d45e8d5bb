/**
 * Which CST scopes a WPC can allow. A scope is an action name; the WPC can allow it when it is
 * not denied and is on the allow list (or, with no allow list, is a catalogued action): steps 1
 * and 2 of the policy evaluator. A token wider than that would be a standing grant the policy
 * never made, so the minter refuses it.
 */
import { ACTION_CATALOG, canonicalActionName, findActionRule, lookupAction, type NormalizedPolicy } from '../../policy/index.js';

export type ScopeVerdict =
  | { readonly ok: true; readonly action: string }
  | { readonly ok: false; readonly action: string | null; readonly rule: string; readonly reason: string };

export function scopeVerdict(policy: NormalizedPolicy, scope: unknown): ScopeVerdict {
  const action = canonicalActionName(scope);
  if (action === null) return { ok: false, action: null, rule: '', reason: `${JSON.stringify(scope)} is not a well-formed action name` };
  const denied = findActionRule(policy.deny, action);
  if (denied !== undefined) return { ok: false, action, rule: denied.pointer, reason: `${action} is denied by ${denied.pointer}` };
  if (policy.allow !== null && findActionRule(policy.allow, action) === undefined) {
    return { ok: false, action, rule: policy.allow.pointer, reason: `${action} is not on the allow list at ${policy.allow.pointer}` };
  }
  if (policy.allow === null && lookupAction(action) === undefined) {
    return { ok: false, action, rule: '', reason: `${action} is not a catalogued action and the WPC has no allow list naming it` };
  }
  return { ok: true, action };
}

/**
 * The least scope a job under `policy` needs: every action the WPC can allow, in WPC order, but
 * without writes when the WPC is propose-only (they could never be applied, so the token does
 * not carry them: "CST scoped to propose-only for most runs").
 */
export function defaultScopes(policy: NormalizedPolicy): string[] {
  const candidates = policy.allow !== null ? policy.allow.entries.map((r) => r.action) : ACTION_CATALOG.map((a) => a.name);
  const out: string[] = [];
  for (const action of candidates) {
    if (out.includes(action) || !scopeVerdict(policy, action).ok) continue;
    const kind = lookupAction(action)?.kind ?? 'write';
    if (policy.mode.value === 'propose_only' && kind === 'write') continue;
    out.push(action);
  }
  return out;
}
