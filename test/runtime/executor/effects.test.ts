import { describe, expect, it } from 'vitest';
import type { RoutingState } from '../../../src/core/bundle/types.js';
import { addTag, applyEffect, argsProblem } from '../../../src/runtime/executor/effects.js';

const state: RoutingState = {
  status: 'open',
  priority: null,
  type: 'question',
  assignee_id: null,
  group_id: null,
  tags: ['b', 'd'],
  internal_notes: 1,
  notifications: [],
};

describe('argsProblem', () => {
  it('accepts the closed argument set of each action, in either spelling', () => {
    expect(argsProblem('tickets.assign', { queue: 'billing' }, 5)).toBeNull();
    expect(argsProblem('tickets:assign', { assignee_id: 421000000102 }, 5)).toBeNull();
    expect(argsProblem('tickets.assign', { queue: 'billing', group_id: 360001000101 }, 5)).toBeNull();
    expect(argsProblem('tickets.assign', { queue: 'billing', assignee_id: 421000000101 }, 5)).toBeNull();
    expect(argsProblem('tickets.set_priority', { priority: 'urgent', ticket_id: 5 }, 5)).toBeNull();
    expect(argsProblem('tickets.add_internal_note', {}, 5)).toBeNull();
  });

  it('refuses unknown keys, values outside the vocabulary, missing and ambiguous arguments', () => {
    expect(argsProblem('tickets.assign', { queue: 'vip_escalations' }, 5)).toMatch(/queue must be one of/);
    expect(argsProblem('tickets.assign', { queue: 'billing', assignee_id: 421000000102 }, 5)).toMatch(/name different queues/);
    expect(argsProblem('tickets.assign', { queue: 'billing', group_id: 360001000102 }, 5)).toMatch(/name different queues/);
    expect(argsProblem('tickets.assign', { group_id: 42 }, 5)).toMatch(/group_id must be one of/);
    expect(argsProblem('tickets.assign', {}, 5)).toMatch(/one of queue, group_id, assignee_id is required/);
    expect(argsProblem('tickets.notify_customer', { template: 'Dear customer, click here' }, 5)).toMatch(/template must match/);
    expect(argsProblem('tickets.set_priority', {}, 5)).toMatch(/priority is required/);
    expect(argsProblem('tickets.add_internal_note', { body: 'hi' }, 5)).toMatch(/unknown argument "body"/);
  });

  it('refuses a call that names another ticket (tool overreach)', () => {
    expect(argsProblem('tickets.read', { ticket_id: 6 }, 5)).toMatch(/not the ticket being processed/);
  });

  it('leaves actions outside the ticket and malformed names to the policy', () => {
    expect(argsProblem('users.write', { email: '[EMAIL_1]' }, 5)).toBeNull();
    expect(argsProblem('crm.export_all', { everything: true }, 5)).toBeNull();
    expect(argsProblem('NOT AN ACTION', {}, 5)).toBeNull();
  });
});

describe('applyEffect', () => {
  it('changes exactly the routing fields the action names, without touching its input', () => {
    expect(applyEffect(state, 'tickets.assign', { queue: 'billing' })).toEqual({ ...state, group_id: 360001000101, assignee_id: null });
    expect(applyEffect(state, 'tickets.assign', { assignee_id: 421000000102 })).toEqual({ ...state, group_id: 360001000102, assignee_id: 421000000102 });
    expect(applyEffect({ ...state, assignee_id: 421000000102 }, 'tickets.assign', { group_id: 360001000110 })).toEqual({ ...state, group_id: 360001000110, assignee_id: null });
    expect(applyEffect(state, 'tickets.set_priority', { priority: 'high' }).priority).toBe('high');
    expect(applyEffect(state, 'tickets.notify_customer', { template: 'refund_update' }).notifications).toEqual(['notify:refund_update']);
    expect(applyEffect(state, 'tickets:public_reply', { template: 'ack' }).notifications).toEqual(['reply:ack']);
    expect(applyEffect(state, 'tickets.add_internal_note', {}).internal_notes).toBe(2);
    expect(applyEffect(state, 'tickets.add_label', { label: 'c' }).tags).toEqual(['b', 'c', 'd']);
    expect(applyEffect(state, 'tickets.close', {}).status).toBe('closed');
    expect(applyEffect(state, 'tickets.delete', {}).status).toBe('deleted');
    expect(applyEffect(state, 'tickets.read', {})).toEqual(state);
    expect(applyEffect(state, 'users.write', { name: 'x' })).toEqual(state);
    expect(state).toEqual({ status: 'open', priority: null, type: 'question', assignee_id: null, group_id: null, tags: ['b', 'd'], internal_notes: 1, notifications: [] });
  });

  it('keeps tags a sorted set', () => {
    expect(addTag(['b', 'd'], 'd')).toEqual(['b', 'd']);
    expect(addTag(['b', 'd'], 'a')).toEqual(['a', 'b', 'd']);
    expect(addTag(['b'], 'B')).toEqual(['B', 'b']);
  });
});
