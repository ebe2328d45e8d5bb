import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/runtime/job/run-job.js';
import { serializeBundle } from '../../src/runtime/bundle/serialize.js';
import { AUTO_ASSIGN_WPC, KEYRING, START, fixedModel, makeTickets } from './support.js';

describe('smoke', () => {
  it('runs', async () => {
    const r = await runJob({ wpc: AUTO_ASSIGN_WPC(), tickets: makeTickets(3), model: fixedModel([{ action: 'tickets.assign', args: { queue: 'billing' } }, { action: 'tickets.notify_customer', args: { template: 'x' } }]), keyring: KEYRING, seed: 1, start: START, approvals: 'auto' });
    console.log(serializeBundle(r.bundle).slice(0, 3000));
    console.log(JSON.stringify(r.summary, null, 1));
    expect(r.bundle.receipts.length).toBe(3);
  });
});
