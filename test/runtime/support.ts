/**
 * Shared test inputs for the runtime: hand-made tickets and models (so these tests do not depend
 * on the sample set's exact content), the seed WPCs and the demo keyring.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../src/core/json.js';
import { demoKeyring } from '../../src/runtime/keys/generate.js';
import type { ClassifierModel } from '../../src/runtime/services/model.js';
import type { Ticket } from '../../src/runtime/tickets/types.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, relative), 'utf8'));
}

export const ROUTING_WPC = (): unknown => readJson('fixtures/policies/ticket-routing.wpc.json');
export const ZENDESK_WPC = (): unknown => readJson('fixtures/policies/zendesk.wpc.json');
export const AUTO_ASSIGN_WPC = (): unknown => readJson('fixtures/policies/routing-auto-assign-approval.wpc.json');

export const KEYRING = demoKeyring();
export const START = '2026-01-05T09:00:00.000Z';

export function makeTicket(id: number, overrides: Partial<Ticket> = {}): Ticket {
  return {
    id,
    subject: `Invoice question ${id}`,
    description: 'I was charged twice for my plan this month.',
    status: 'new',
    priority: null,
    type: 'question',
    assignee_id: null,
    group_id: null,
    organization_id: null,
    requester_id: 1000 + id,
    tags: ['web'],
    custom_fields: [],
    created_at: '2026-01-04T10:00:00Z',
    updated_at: '2026-01-04T10:00:00Z',
    via: { channel: 'web' },
    requester: { id: 1000 + id, name: 'Pat Example', email: `pat${id}@example.com`, phone: null },
    comments: [{ id: 1, author_id: 1000 + id, body: 'I was charged twice for my plan this month.', public: true, created_at: '2026-01-04T10:00:00Z' }],
    ...overrides,
  };
}

export function makeTickets(n: number, first = 1): Ticket[] {
  return Array.from({ length: n }, (_, i) => makeTicket(first + i));
}

/** A model that always answers the same: the category label, then `actions`. */
export function fixedModel(actions: { action: string; args: JsonObject }[] = [], id = 'test-fixed'): ClassifierModel {
  return {
    id,
    classify: () => ({
      category: 'billing',
      confidence: 0.9,
      recommended_queue: 'billing',
      rationale: 'mentions a double charge',
      priority: 'normal',
      notification_template: null,
      requested_actions: [{ action: 'tickets.add_label', args: { label: 'category_billing' } }, ...actions],
    }),
  };
}

/** A model whose answers never have the required fields. */
export function uselessModel(id = 'test-useless'): ClassifierModel & { calls: number } {
  const model = {
    id,
    calls: 0,
    classify: () => {
      model.calls++;
      return { category: 'billing' };
    },
  };
  return model;
}
