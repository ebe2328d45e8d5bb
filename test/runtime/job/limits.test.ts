/**
 * Limits trigger at the configured numbers on the simulated clock. Latency is fixed at 1 s per
 * model call (no per-character part) so every instant below is computed by hand from the rules
 * in src/runtime/job/scheduler.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import type { RunJobOptions } from '../../../src/runtime/job/options.js';
import { receiptsOf, recordsOfKind } from '../bundle-reader.js';
import { AUTO_ASSIGN_WPC, KEYRING, START, ZENDESK_WPC, fixedModel, makeTickets, uselessModel } from '../support.js';

const LATENCY = { baseMs: 1000, msPer100Chars: 0 };
const assign = fixedModel([{ action: 'tickets.assign', args: { queue: 'billing' } }]);

function wpcWithLimits(limits: Record<string, number>): unknown {
  return { ...(AUTO_ASSIGN_WPC() as object), limits };
}

async function run(wpc: unknown, tickets: number, extra: Partial<RunJobOptions> = {}): Promise<ProofBundle> {
  const result = await runJob({
    wpc,
    tickets: makeTickets(tickets),
    model: assign,
    keyring: KEYRING,
    seed: 0,
    start: START,
    approvals: 'auto',
    latency: LATENCY,
    ...extra,
  });
  return result.bundle;
}

const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();

describe('limits on the simulated clock', () => {
  it('max_concurrency: at most C tickets in flight; the rest wait, each throttle on record', async () => {
    const bundle = await run(wpcWithLimits({ rate_limit_per_minute: 1000, max_concurrency: 2 }), 5);
    expect(recordsOfKind(bundle, 'intake').map((r) => [r.ticket_id, r.at])).toEqual([
      [1, at(0)],
      [2, at(0)],
      [3, at(1)],
      [4, at(1)],
      [5, at(2)],
    ]);
    const throttles = recordsOfKind(bundle, 'limit');
    expect(throttles.map((r) => [r.ticket_id, r.limit, r.threshold, r.observed, r.effect, r.at])).toEqual([
      [3, 'max_concurrency', 2, 2, 'throttled', at(0)],
      [4, 'max_concurrency', 2, 2, 'throttled', at(0)],
      [5, 'max_concurrency', 2, 2, 'throttled', at(0)],
    ]);
  });

  it('rate_limit_per_minute: at most R starts in a 60 s window; the next start is exactly 60 s after the first', async () => {
    const bundle = await run(wpcWithLimits({ rate_limit_per_minute: 3, max_concurrency: 10 }), 5);
    expect(recordsOfKind(bundle, 'intake').map((r) => r.at)).toEqual([at(0), at(0), at(0), at(60), at(60)]);
    const limits = recordsOfKind(bundle, 'limit');
    expect(limits.map((r) => [r.ticket_id, r.limit, r.threshold, r.observed, r.effect])).toEqual([
      [4, 'rate_limit_per_minute', 3, 3, 'throttled'],
      [5, 'rate_limit_per_minute', 3, 3, 'throttled'],
    ]);
    expect(recordsOfKind(bundle, 'job_end')[0]!.degraded).toBe(false);
  });

  it('[R-RUN-2] degrades to classify-only once the rate limit holds back more tickets than the concurrency cap', async () => {
    // R=2, C=1: #1 at 0 s, #2 at 1 s; at 2 s the window is full and 4 tickets wait (> C=1).
    const bundle = await run(wpcWithLimits({ rate_limit_per_minute: 2, max_concurrency: 1 }), 6);
    const degrade = recordsOfKind(bundle, 'limit').filter((r) => r.effect === 'degraded_classify_only');
    expect(degrade.map((r) => [r.limit, r.threshold, r.observed, r.at, r.ticket_id])).toEqual([['max_concurrency', 1, 4, at(2), null]]);
    const end = recordsOfKind(bundle, 'job_end')[0]!;
    expect([end.degraded, end.degraded_at, end.tickets_processed]).toEqual([true, at(2), 6]);
    expect(recordsOfKind(bundle, 'intake').map((r) => r.at)).toEqual([at(0), at(1), at(60), at(61), at(120), at(121)]);
    const assigns = recordsOfKind(bundle, 'decision').filter((d) => d.action === 'tickets.assign');
    expect(assigns.map((d) => [d.ticket_id, d.code, d.applied])).toEqual([
      [1, 'APPROVED', true],
      [2, 'APPROVED', true],
      [3, 'DEGRADED_CLASSIFY_ONLY', false],
      [4, 'DEGRADED_CLASSIFY_ONLY', false],
      [5, 'DEGRADED_CLASSIFY_ONLY', false],
      [6, 'DEGRADED_CLASSIFY_ONLY', false],
    ]);
    // Classification and phase 1 go on after the degrade point.
    expect(recordsOfKind(bundle, 'proposal')).toHaveLength(6);
    expect(bundle.tickets.slice(2).every((t) => t.after.group_id === t.before.group_id && t.after.internal_notes === t.before.internal_notes + 1)).toBe(true);
  });

  it('does not degrade while the rate limit holds back no more than the concurrency cap', async () => {
    const bundle = await run(wpcWithLimits({ rate_limit_per_minute: 2, max_concurrency: 2 }), 4);
    expect(recordsOfKind(bundle, 'limit').some((r) => r.effect === 'degraded_classify_only')).toBe(false);
  });

  it('[R-BUNDLE-13] max_model_calls_per_ticket: the proxy refuses call N+1, which is on record, and the ticket stays as it was', async () => {
    const model = uselessModel();
    const bundle = await run(wpcWithLimits({ max_model_calls_per_ticket: 2 }), 1, { model });
    expect(model.calls).toBe(2);
    expect(receiptsOf(bundle).map((r) => [r.ticket_id, r.at])).toEqual([
      [1, at(1)],
      [1, at(2)],
    ]);
    const refused = recordsOfKind(bundle, 'limit');
    expect(refused.map((r) => [r.limit, r.threshold, r.observed, r.effect, r.ticket_id, r.at])).toEqual([
      ['max_model_calls_per_ticket', 2, 3, 'call_refused', 1, at(3)],
    ]);
    expect(recordsOfKind(bundle, 'proposal')).toHaveLength(0);
    expect(bundle.tickets[0]!.after).toEqual(bundle.tickets[0]!.before);
  });

  it('[R-BUNDLE-13] without a per-ticket cap in the WPC the harness stops after its own bound', async () => {
    const model = uselessModel();
    const bundle = await run(ZENDESK_WPC(), 1, { model });
    expect(model.calls).toBe(3);
    expect(recordsOfKind(bundle, 'limit')).toHaveLength(0);
  });

  it('[R-BUNDLE-13] never calls more than the harness ceiling, however large the WPC cap', async () => {
    const model = uselessModel();
    const bundle = await run(wpcWithLimits({ max_model_calls_per_ticket: 1_000_000 }), 1, { model });
    expect(model.calls).toBe(10);
    expect(recordsOfKind(bundle, 'limit')).toHaveLength(0);
    expect(recordsOfKind(bundle, 'job_start')[0]!.limits.harness_attempt_ceiling).toBe(10);
  });

  it('max_tickets_per_run: tickets after the first N are skipped unread', async () => {
    const bundle = await run(wpcWithLimits({ max_tickets_per_run: 3 }), 5);
    expect(recordsOfKind(bundle, 'intake').map((r) => r.ticket_id)).toEqual([1, 2, 3]);
    expect(recordsOfKind(bundle, 'limit').map((r) => [r.ticket_id, r.threshold, r.observed, r.effect])).toEqual([
      [4, 3, 4, 'ticket_skipped'],
      [5, 3, 5, 'ticket_skipped'],
    ]);
    expect(bundle.tickets.map((t) => t.ticket_id)).toEqual([1, 2, 3]);
    expect(receiptsOf(bundle)).toHaveLength(3);
  });

  it('a steady arrival rate spaces the tickets out; latency grows with the view size', async () => {
    const bundle = await run(wpcWithLimits({ rate_limit_per_minute: 100 }), 3, {
      arrival: { kind: 'steady', perMinute: 30 },
      latency: { baseMs: 500, msPer100Chars: 10 },
    });
    expect(recordsOfKind(bundle, 'intake').map((r) => r.at)).toEqual([at(0), at(2), at(4)]);
    const chars = recordsOfKind(bundle, 'redaction')[0]!.chars;
    expect(receiptsOf(bundle)[0]!.at).toBe(new Date(Date.parse(START) + 500 + Math.ceil(chars / 100) * 10).toISOString());
  });
});
