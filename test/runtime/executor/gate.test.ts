import { describe, expect, it } from 'vitest';
import { validateWpc, type NormalizedPolicy } from '../../../src/policy/index.js';
import { gate } from '../../../src/runtime/executor/gate.js';
import { AUTO_ASSIGN_WPC, ROUTING_WPC } from '../support.js';

function policyOf(wpc: unknown): NormalizedPolicy {
  const v = validateWpc(wpc);
  if (!v.ok) throw new Error('fixture WPC is invalid');
  return v.policy;
}

const auto = policyOf(AUTO_ASSIGN_WPC());
const routing = policyOf(ROUTING_WPC());
const scopes = ['tickets.read', 'tickets.add_label', 'tickets.add_internal_note', 'tickets.assign'];
const apply = (action: string, args: Record<string, string>) => ({ action, args, phase: 'apply' as const, ticketId: 9 });

describe('gate', () => {
  it('reports the policy decision first: a denied call is denied for its rule, whatever its arguments', () => {
    const d = gate(apply('tickets.notify_customer', { template: 'Bad Template!' }), { policy: auto, cstScopes: scopes, approval: null, degraded: false });
    expect([d.outcome, d.code, d.rule]).toEqual(['deny', 'EXPLICIT_DENY', '/tools/deny/0']);
  });

  it('refuses a call the policy would allow or put to an approver when its arguments are malformed', () => {
    const context = { policy: auto, cstScopes: scopes, approval: null, degraded: false };
    const bad = gate(apply('tickets.assign', { queue: 'nowhere' }), context);
    expect([bad.outcome, bad.code, bad.rule]).toEqual(['deny', 'INVALID_CALL', '']);
    expect(bad.reason).toMatch(/tickets\.assign on ticket 9 is refused: its arguments are malformed/);
    expect(gate(apply('tickets.assign', { queue: 'billing' }), context).code).toBe('APPROVAL_REQUIRED');
    const approved = gate(apply('tickets.assign', { queue: 'billing' }), { ...context, approval: { proposalHash: `sha256:${'a'.repeat(64)}` } });
    expect([approved.outcome, approved.code]).toEqual(['allow', 'APPROVED']);
  });

  it('matches the pure evaluator for every call with good arguments (no ticket text is an input)', () => {
    const d = gate(apply('tickets.assign', { queue: 'billing' }), { policy: routing, cstScopes: scopes, approval: null, degraded: true });
    expect([d.outcome, d.code]).toEqual(['deny', 'EXPLICIT_DENY']);
    const label = gate({ action: 'tickets.add_label', args: { label: 'category_billing' }, phase: 'propose', ticketId: 9 }, { policy: routing, cstScopes: scopes, approval: null, degraded: true });
    expect([label.outcome, label.code]).toEqual(['allow', 'ALLOWED']);
  });
});
