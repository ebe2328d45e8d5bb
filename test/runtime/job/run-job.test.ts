import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS } from '../../../src/dlp/index.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import type { RunJobOptions, RunProgress } from '../../../src/runtime/job/options.js';
import { recordsOfKind } from '../bundle-reader.js';
import { AUTO_ASSIGN_WPC, KEYRING, ROUTING_WPC, START, fixedModel, makeTicket, makeTickets } from '../support.js';

const options = (extra: Partial<RunJobOptions> = {}): RunJobOptions => ({
  wpc: ROUTING_WPC(),
  tickets: makeTickets(2),
  model: fixedModel(),
  keyring: KEYRING,
  seed: 0,
  start: START,
  ...extra,
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('runJob', () => {
  it('refuses bad options before doing anything', async () => {
    expect(await codeOf(runJob(options({ seed: -1 })))).toBe('RUN_INPUT_INVALID');
    expect(await codeOf(runJob(options({ start: 'tomorrow' })))).toBe('RUN_INPUT_INVALID');
    expect(await codeOf(runJob(options({ tickets: [] })))).toBe('TICKETS_INVALID');
    expect(await codeOf(runJob(options({ tickets: [makeTicket(3), makeTicket(3)] })))).toBe('TICKETS_INVALID');
    expect(await codeOf(runJob(options({ arrival: { kind: 'steady', perMinute: 0 } })))).toBe('RUN_INPUT_INVALID');
    expect(await codeOf(runJob(options({ wpc: { wpc_version: '1' } })))).toBe('WPC_INVALID');
  });

  it('refuses a run whose WPC does not allow reading tickets, and one signed by keys not valid at the start', async () => {
    const wpc = AUTO_ASSIGN_WPC() as { tools: { allow: string[] } };
    wpc.tools.allow = wpc.tools.allow.filter((a) => a !== 'tickets.read');
    expect(await codeOf(runJob(options({ wpc })))).toBe('RUN_REFUSED');
    expect(await codeOf(runJob(options({ start: '2040-01-01T00:00:00Z' })))).toBe('KEY_NOT_VALID');
  });

  it('redacts every detector even when the WPC lists fewer, and scrubs tags in the before-state', async () => {
    // The routing seed names api_key_like, email and phone: not IBANs.
    const ticket = makeTicket(5, {
      description: 'Please refund to DE89 3704 0044 0532 0130 00, thanks.',
      tags: ['vip', 'jane.doe@example.com'],
    });
    const { bundle } = await runJob(options({ tickets: [ticket] }));
    const view = JSON.stringify(bundle.model_views[0]!.request.view);
    expect(view).not.toContain('DE89 3704');
    expect(view).toContain('[IBAN_1]');
    expect(recordsOfKind(bundle, 'job_start')[0]!.redaction.detectors).toEqual([...DETECTOR_IDS]);
    expect(bundle.tickets[0]!.before.tags).toEqual(['[EMAIL_1]', 'vip']);
    expect(JSON.stringify(bundle)).not.toContain('jane.doe@example.com');
  });

  it('reports progress once per ticket and sums it up', async () => {
    const seen: RunProgress[] = [];
    const { summary } = await runJob(options({ tickets: makeTickets(4), onProgress: (p) => seen.push(p) }));
    expect(seen.map((p) => [p.done, p.total])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(summary.tickets.map((t) => [t.ticketId, t.status, t.annotated])).toEqual(
      [1, 2, 3, 4].map((id) => [id, 'classified', ['tickets.add_internal_note', 'tickets.add_label']]),
    );
    expect([summary.receipts, summary.approvals, summary.degraded]).toEqual([4, 0, null]);
  });
});
