import { describe, expect, it } from 'vitest';
import {
  FALLBACK_QUEUE,
  MIN_NOTIFY_CONFIDENCE,
  MIN_ROUTING_CONFIDENCE,
  routeTicket,
  severityTerms,
} from '../../../src/runtime/models/routing-rules.js';
import { queueById } from '../../../src/runtime/tickets/catalog.js';

describe('routeTicket', () => {
  it('labels, assigns to the category queue and notifies with the category template', () => {
    const r = routeTicket('refunds', 0.9, []);
    expect(r).toEqual({
      queue: 'billing',
      priority: 'normal',
      template: 'refund_request_received',
      actions: [
        { action: 'tickets.add_label', args: { label: 'category_refunds' } },
        { action: 'tickets.assign', args: { queue: 'billing', group_id: queueById('billing')?.group_id ?? -1 } },
        { action: 'tickets.notify_customer', args: { template: 'refund_request_received' } },
      ],
    });
  });

  it('raises to high (never urgent) when the ticket describes a severe situation', () => {
    const r = routeTicket('security', 0.95, ['hacked']);
    expect(r.priority).toBe('high');
    expect(r.actions).toContainEqual({ action: 'tickets.set_priority', args: { priority: 'high' } });
  });

  it('lowers feature requests and general questions', () => {
    expect(routeTicket('feature_request', 0.9, []).priority).toBe('low');
    expect(routeTicket('general_inquiry', 0.9, []).actions).toContainEqual({ action: 'tickets.set_priority', args: { priority: 'low' } });
  });

  it('sends uncertain tickets to the general queue and notifies nobody', () => {
    const r = routeTicket('billing', MIN_ROUTING_CONFIDENCE - 0.01, []);
    expect(r.queue).toBe(FALLBACK_QUEUE);
    expect(r.template).toBeNull();
    expect(r.actions.map((a) => a.action)).not.toContain('tickets.notify_customer');
    expect(routeTicket('billing', MIN_NOTIFY_CONFIDENCE - 0.01, []).template).toBeNull();
    expect(routeTicket('billing', MIN_NOTIFY_CONFIDENCE, []).template).toBe('billing_inquiry_received');
  });

  it('uses the queue mapping it is given', () => {
    expect(routeTicket('billing', 0.9, [], { billing: 'tier1' }).queue).toBe('tier1');
    expect(routeTicket('billing', 0.9, [], {}).queue).toBe(FALLBACK_QUEUE);
  });
});

describe('severityTerms', () => {
  it('finds situation words in several languages and ignores demands for urgency', () => {
    expect(severityTerms(['account', 'hacked', 'gehackt', 'hacked'])).toEqual(['gehackt', 'hacked']);
    expect(severityTerms(['urgent', 'asap', 'dringend', 'urgente', '緊急'])).toEqual([]);
  });
});
