import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import type { RoutingState } from '../../../src/core/bundle/types.js';
import { ACTION_CATALOG } from '../../../src/policy/index.js';
import { applyEffect, argsProblem } from '../../../src/runtime/executor/effects.js';
import { applyCall, callProblem, changedFields } from '../../../src/verify/diff/effects.js';

const TICKET = 10001;
const STATE: RoutingState = {
  status: 'open',
  priority: null,
  type: 'question',
  assignee_id: 421000000105,
  group_id: 360001000105,
  tags: ['api', 'lang_en'],
  internal_notes: 1,
  notifications: [],
};

/** Argument values worth trying on every key: valid ones from the vocabulary and wrong ones of every type. */
const VALUES: readonly JsonObject[string][] = [
  'billing',
  'triage',
  'nope',
  360001000101,
  360001000110,
  360001000999,
  421000000101,
  421000000109,
  421000000999,
  'high',
  'HIGH',
  'solved',
  'deleted',
  'category_billing',
  'Bad Label',
  'refund_request_received',
  7,
  0,
  -1,
  1.5,
  true,
  null,
  [],
  {},
];
const KEYS = ['queue', 'group_id', 'assignee_id', 'priority', 'status', 'label', 'template', 'target_ticket_id', 'ticket_id', 'other'];

/** Every action of the catalog plus an uncatalogued one, with empty, single-key and two-key arguments. */
function calls(): { action: string; args: JsonObject }[] {
  const out: { action: string; args: JsonObject }[] = [];
  const actions = [...ACTION_CATALOG.map((a) => a.name), 'tickets:assign', 'crm.sync'];
  for (const action of actions) {
    out.push({ action, args: {} });
    for (const key of KEYS) for (const value of VALUES) out.push({ action, args: { [key]: value } });
    out.push({ action, args: { queue: 'billing', assignee_id: 421000000101 } });
    out.push({ action, args: { queue: 'billing', assignee_id: 421000000102 } });
    out.push({ action, args: { group_id: 360001000101, queue: 'billing' } });
    out.push({ action, args: { group_id: 360001000102, queue: 'billing' } });
    out.push({ action, args: { queue: 'billing', ticket_id: TICKET } });
    out.push({ action, args: { queue: 'billing', ticket_id: TICKET + 1 } });
    out.push({ action, args: { priority: 'urgent', ticket_id: TICKET } });
  }
  return out;
}

describe('the verifier effect rules agree with the runtime executor (written apart, same format)', () => {
  const all = calls();

  it('refuses exactly the calls the executor refuses', () => {
    const disagreements = all.filter((c) => (callProblem(c.action, c.args, TICKET) === null) !== (argsProblem(c.action, c.args, TICKET) === null));
    expect(disagreements).toEqual([]);
    // The sample must hold both kinds, or the agreement says nothing.
    expect(all.filter((c) => callProblem(c.action, c.args, TICKET) === null).length).toBeGreaterThan(50);
    expect(all.filter((c) => callProblem(c.action, c.args, TICKET) !== null).length).toBeGreaterThan(500);
  });

  it('gives the same after-state for every well-formed call', () => {
    const wellFormed = all.filter((c) => callProblem(c.action, c.args, TICKET) === null);
    for (const c of wellFormed) expect(applyCall(STATE, c.action, c.args), `${c.action} ${JSON.stringify(c.args)}`).toEqual(applyEffect(STATE, c.action, c.args));
  });
});

describe('argument rules', () => {
  it('[R-BUNDLE-23] refuses a ticket action naming another ticket, verifier and executor alike', () => {
    for (const check of [callProblem, argsProblem]) {
      expect(check('tickets.add_label', { label: 'vip', ticket_id: TICKET }, TICKET)).toBeNull();
      expect(check('tickets.add_label', { label: 'vip', ticket_id: TICKET + 1 }, TICKET)).not.toBeNull();
      expect(check('tickets.close', { ticket_id: String(TICKET) }, TICKET)).not.toBeNull();
    }
  });

  it('[R-BUNDLE-24] refuses an assign whose queue, group and agent name different queues', () => {
    for (const check of [callProblem, argsProblem]) {
      expect(check('tickets.assign', { queue: 'billing', group_id: 360001000101, assignee_id: 421000000101 }, TICKET)).toBeNull();
      expect(check('tickets.assign', { queue: 'billing', assignee_id: 421000000102 }, TICKET)).not.toBeNull();
      expect(check('tickets.assign', { queue: 'billing', group_id: 360001000102 }, TICKET)).not.toBeNull();
      expect(check('tickets.assign', { group_id: 360001000101, assignee_id: 421000000102 }, TICKET)).not.toBeNull();
    }
  });
});

describe('effect rules', () => {
  it('assigning a queue sets its group and clears the agent', () => {
    const next = applyCall(STATE, 'tickets.assign', { queue: 'billing' });
    expect(next.group_id).toBe(360001000101);
    expect(next.assignee_id).toBeNull();
    expect(changedFields(STATE, next)).toEqual(['assignee_id', 'group_id']);
  });

  it('assigning an agent sets the agent and the group of its queue', () => {
    const next = applyCall(STATE, 'tickets:assign', { assignee_id: 421000000102 });
    expect([next.group_id, next.assignee_id]).toEqual([360001000102, 421000000102]);
  });

  it('keeps tags a sorted set and counts notes and notifications', () => {
    let s = applyCall(STATE, 'tickets.add_label', { label: 'aaa' });
    s = applyCall(s, 'tickets.add_label', { label: 'api' });
    s = applyCall(s, 'tickets.add_internal_note', {});
    s = applyCall(s, 'tickets.notify_customer', { template: 't1' });
    s = applyCall(s, 'tickets.public_reply', { template: 't1' });
    expect(s.tags).toEqual(['aaa', 'api', 'lang_en']);
    expect(s.internal_notes).toBe(2);
    expect(s.notifications).toEqual(['notify:t1', 'reply:t1']);
    expect(STATE.tags).toEqual(['api', 'lang_en']);
  });

  it('closes on close and merge, marks deleted on delete, leaves reads and outside actions alone', () => {
    expect(applyCall(STATE, 'tickets.merge', { target_ticket_id: 5 }).status).toBe('closed');
    expect(applyCall(STATE, 'tickets.close', {}).status).toBe('closed');
    expect(applyCall(STATE, 'tickets.delete', {}).status).toBe('deleted');
    expect(changedFields(STATE, applyCall(STATE, 'users.write', { anything: 1 }))).toEqual([]);
    expect(changedFields(STATE, applyCall(STATE, 'tickets.read', {}))).toEqual([]);
  });

  it('refuses a call that names another ticket (tool overreach)', () => {
    expect(callProblem('tickets.add_label', { label: 'x', ticket_id: TICKET + 1 }, TICKET)).toMatch(/names ticket 10002/);
    expect(callProblem('tickets.add_label', { label: 'x', ticket_id: TICKET }, TICKET)).toBeNull();
  });
});
