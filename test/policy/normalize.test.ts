import { describe, expect, it } from 'vitest';
import { parsePointer } from '../../src/policy/json-pointer.js';
import { DETECTOR_IDS, DLP_PATTERNS, PII_DETECTOR_IDS } from '../../src/policy/dlp-patterns.js';
import type { NormalizedPolicy } from '../../src/policy/normalized-policy.js';
import { fixture, fixtureNames, policyOf, unvalidatedPolicyOf } from './fixtures.js';

const actions = (list: NormalizedPolicy['deny'] | null) => list?.entries.map((e) => e.action) ?? null;
const detectors = (policy: NormalizedPolicy) => policy.redaction.detectors.map((d) => d.detector);

/** Every `pointer`/`pointers` value in the normalised policy (null pointers mean "default"). */
function allPointers(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => allPointers(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'pointer' && typeof child === 'string') out.push(child);
      else if (key === 'pointers' && Array.isArray(child)) out.push(...(child as string[]));
      else allPointers(child, out);
    }
  }
  return out;
}

function resolves(doc: unknown, pointer: string): boolean {
  let current: unknown = doc;
  for (const token of parsePointer(pointer) ?? ['\u0000unparseable']) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, token)) return false;
    current = (current as Record<string, unknown>)[token];
  }
  return true;
}

describe('normalising the routing seed', () => {
  const policy = policyOf(fixture('ticket-routing.wpc.json'));

  it('keeps the allow and deny lists, in order, with their pointers', () => {
    expect(actions(policy.allow)).toEqual(['tickets.read', 'tickets.add_label', 'tickets.add_internal_note']);
    expect(policy.deny.entries.map((e) => [e.action, e.pointer])).toEqual([
      ['tickets.notify_customer', '/tools/deny/0'],
      ['tickets.set_priority', '/tools/deny/1'],
      ['tickets.assign', '/tools/deny/2'],
    ]);
  });

  it('reads mode, approvals, redaction, limits and output fields', () => {
    expect(policy.mode).toEqual({ value: 'propose_only', pointer: '/outputs/mode' });
    expect(policy.approval.kind).toBe('listed');
    if (policy.approval.kind === 'listed') {
      expect(policy.approval.actions.map((a) => a.pointer)).toEqual([0, 1, 2].map((i) => `/high_risk_actions/requires_approval/${i}`));
    }
    expect(policy.redaction.required).toEqual({ value: true, pointer: '/outputs/redaction/required' });
    // api_key_like is every vendor-token detector and the generic one (src/policy/dlp-patterns.ts).
    expect(detectors(policy)).toEqual([...DLP_PATTERNS.api_key_like.detectors, 'pii.email', 'pii.phone']);
    expect(detectors(policy)).toEqual(expect.arrayContaining(['secret.aws', 'secret.google', 'secret.openai', 'secret.generic']));
    expect(detectors(policy)).not.toContain('secret.private_key');
    expect(policy.redaction.detectors.find((d) => d.detector === 'pii.phone')?.pointers).toEqual(['/outputs/redaction/dlp_rules/2']);
    expect(policy.redaction.maxCharsSentToModel).toEqual({ value: 6000, pointer: '/outputs/redaction/max_chars_sent_to_model' });
    expect(policy.limits.ratePerMinute).toEqual({ value: 60, pointer: '/limits/rate_limit_per_minute' });
    expect(policy.limits.maxConcurrency?.value).toBe(5);
    expect(policy.limits.maxModelCallsPerTicket?.value).toBe(3);
    expect(policy.limits.maxTicketsPerRun).toBeNull();
    expect(policy.limits.pointer).toBe('/limits');
    expect(policy.requiredOutputFields.map((f) => f.field)).toEqual(['category', 'confidence', 'recommended_queue', 'rationale']);
  });

  it('pins the policy hash by default when the WPC is silent (fail closed)', () => {
    expect(policy.pinPolicyHash).toEqual({ value: true, pointer: null });
  });
});

describe('normalising the Zendesk seed', () => {
  const policy = policyOf(fixture('zendesk.wpc.json'));

  it('canonicalises `resource:verb` names and keeps the spelling as written', () => {
    expect(actions(policy.allow)).toEqual(['tickets.read', 'tickets.add_internal_note', 'users.read']);
    expect(policy.allow?.entries[0]).toEqual({ action: 'tickets.read', written: 'tickets:read', kind: 'read', known: true, pointer: '/allowed_actions/0' });
    expect(actions(policy.deny)).toEqual(['tickets.delete', 'tickets.merge', 'users.write', 'organizations.write', 'macros.write']);
  });

  it('reads human_in_the_loop as apply mode with every write needing approval', () => {
    expect(policy.mode).toEqual({ value: 'apply', pointer: '/write_approval' });
    expect(policy.approval).toEqual({ kind: 'all_writes', pointer: '/write_approval' });
  });

  it('turns pii_redaction into every PII detector and keeps the field paths', () => {
    expect(detectors(policy)).toEqual([...PII_DETECTOR_IDS]);
    expect(policy.redaction.detectors[0]?.pointers).toEqual(['/data_handling/pii_redaction']);
    expect(policy.redaction.redactFields.map((f) => f.path)).toEqual(['requester.email', 'requester.phone', 'custom_fields.*']);
    expect(policy.redaction.maxCharsSentToModel).toEqual({ value: 6000, pointer: null });
  });

  it('reads max_tickets_per_run and the explicit pin', () => {
    expect(policy.limits.maxTicketsPerRun).toEqual({ value: 50, pointer: '/max_tickets_per_run' });
    expect(policy.limits.ratePerMinute).toBeNull();
    expect(policy.limits.pointer).toBe('/max_tickets_per_run');
    expect(policy.pinPolicyHash).toEqual({ value: true, pointer: '/cst_policy_hash_pin' });
  });
});

describe('normalisation rules', () => {
  it('maps write_approval "propose_only" to propose-only mode and "none" to no approvals', () => {
    const proposeOnly = policyOf({ ...fixture('zendesk.wpc.json'), write_approval: 'propose_only' });
    expect(proposeOnly.mode).toEqual({ value: 'propose_only', pointer: '/write_approval' });
    const none = policyOf({ ...fixture('zendesk.wpc.json'), write_approval: 'none' });
    expect(none.mode.value).toBe('apply');
    expect(none.approval).toEqual({ kind: 'none', pointer: '/write_approval' });
  });

  it('gives the same actions for a WPC spelt with `:` as with `.`', () => {
    const dotted = fixture('ticket-routing.wpc.json');
    const colon = fixture('ticket-routing.wpc.json');
    colon.tools.allow = colon.tools.allow.map((a: string) => a.replace('.', ':'));
    colon.tools.deny = colon.tools.deny.map((a: string) => a.replace('.', ':'));
    const [a, b] = [policyOf(dotted), policyOf(colon)];
    expect(actions(b.allow)).toEqual(actions(a.allow));
    expect(actions(b.deny)).toEqual(actions(a.deny));
  });

  it('runs every detector when redaction is required but no rule is named', () => {
    const doc = fixture('ticket-routing.wpc.json');
    delete doc.outputs.redaction.dlp_rules;
    expect(detectors(policyOf(doc))).toEqual([...DETECTOR_IDS]);
  });

  it('enforces listed rules even when redaction.required is false', () => {
    const doc = fixture('ticket-routing.wpc.json');
    doc.outputs.redaction.required = false;
    const policy = policyOf(doc);
    expect(policy.redaction.required.value).toBe(true);
    expect(detectors(policy)).toContain('pii.email');
  });

  it('requires nothing when redaction is off and no rule is listed', () => {
    const doc = fixture('ticket-routing.wpc.json');
    doc.outputs.redaction = { required: false };
    const policy = policyOf(doc);
    expect(policy.redaction.required.value).toBe(false);
    expect(policy.redaction.detectors).toEqual([]);
  });

  it('enforces Zendesk redact_fields even with pii_redaction off, citing data_handling', () => {
    const doc = fixture('zendesk.wpc.json');
    doc.data_handling.pii_redaction = false;
    const policy = policyOf(doc);
    expect(policy.redaction.required).toEqual({ value: true, pointer: '/data_handling' });
    expect(policy.redaction.detectors).toEqual([]);
    expect(policy.redaction.redactFields).toHaveLength(3);
  });

  it('records "no allow list" as null', () => {
    const doc = fixture('zendesk.wpc.json');
    delete doc.allowed_actions;
    expect(policyOf(doc).allow).toBeNull();
  });

  it('marks uncatalogued actions as unknown writes (when given a WPC validateWpc would refuse)', () => {
    const doc = fixture('zendesk.wpc.json');
    doc.allowed_actions.push('tickets:escalate');
    expect(unvalidatedPolicyOf(doc).allow?.entries[3]).toMatchObject({ action: 'tickets.escalate', kind: 'write', known: false });
  });

  it.each(fixtureNames())('points every rule of %s at a place that exists in the original WPC', (name) => {
    const doc = fixture(name);
    const pointers = allPointers(policyOf(doc)).filter((p) => p !== '');
    expect(pointers.length).toBeGreaterThan(5);
    for (const pointer of pointers) expect([pointer, resolves(doc, pointer)]).toEqual([pointer, true]);
  });

  it('returns a frozen policy', () => {
    const policy = policyOf(fixture('ticket-routing.wpc.json'));
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.deny.entries)).toBe(true);
    expect(Object.isFrozen(policy.redaction.detectors[0])).toBe(true);
  });
});
