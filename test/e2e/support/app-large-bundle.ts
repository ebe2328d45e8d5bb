/**
 * A large proof bundle for the "opens without freezing" test: 10,000 model calls (receipts),
 * made by the real runtime with the demo keys, from a WPC whose limits allow that many tickets.
 * Deterministic; cached on disk so only the first run pays for it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleBytes } from '../../../src/runtime/bundle/serialize.js';
import { demoKeyring } from '../../../src/runtime/keys/generate.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import type { ClassifierModel } from '../../../src/runtime/services/model.js';
import type { Ticket } from '../../../src/runtime/tickets/types.js';
import { ROOT } from './app-page.js';

export const LARGE_RECEIPTS = 10_000;

function ticket(id: number): Ticket {
  return {
    id,
    subject: `Parcel ${id} late`,
    description: 'Where is my parcel?',
    status: 'new',
    priority: null,
    type: 'question',
    assignee_id: null,
    group_id: null,
    organization_id: null,
    requester_id: 5000 + id,
    tags: [],
    custom_fields: [],
    created_at: '2026-01-04T10:00:00Z',
    updated_at: '2026-01-04T10:00:00Z',
    via: { channel: 'web' },
    requester: { id: 5000 + id, name: 'Sam', email: null, phone: null },
    comments: [],
  } as unknown as Ticket;
}

/** One call per ticket: a fixed, well-formed answer. */
const model: ClassifierModel = {
  id: 'large-test-model',
  classify: () => ({
    category: 'shipping',
    confidence: 0.9,
    recommended_queue: 'logistics',
    rationale: 'asks about a parcel',
    priority: 'normal',
    notification_template: null,
    requested_actions: [],
  }),
};

/** Path of the large bundle file, made on first use. */
export function largeBundlePath(): Promise<string> {
  return bundleOfTickets(LARGE_RECEIPTS);
}

/** Path of a bundle of `count` tickets, one model call each (made on first use, then cached). */
export async function bundleOfTickets(count: number): Promise<string> {
  const dir = join(tmpdir(), 'clawproof-e2e');
  const path = join(dir, `large-${count}-v1.clawproof`);
  if (existsSync(path)) return path;
  const wpc = JSON.parse(readFileSync(join(ROOT, 'fixtures/policies/ticket-routing.wpc.json'), 'utf8')) as Record<string, unknown>;
  wpc['limits'] = { rate_limit_per_minute: 1_000_000, max_concurrency: 64, max_model_calls_per_ticket: 1, max_tickets_per_run: count };
  const { bundle } = await runJob({
    wpc,
    tickets: Array.from({ length: count }, (_, i) => ticket(100_000 + i)),
    model,
    keyring: demoKeyring(),
    seed: 7,
    start: '2026-01-05T09:00:00.000Z',
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, bundleBytes(bundle));
  return path;
}
