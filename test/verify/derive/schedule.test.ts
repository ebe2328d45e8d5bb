/**
 * The verifier's schedule (src/verify/derive/schedule.ts) is written from the format, apart from
 * the runtime's scheduler: these tests run the RUNTIME over random limits, arrivals, latencies and
 * model outages and require the verifier to re-derive exactly the chain it wrote (the schedule
 * check passes and the whole bundle is valid), and pin the worked example of docs/FORMATS.md.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import { getModel } from '../../../src/runtime/models/index.js';
import type { ClassifierModel } from '../../../src/runtime/services/model.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import { simulateSchedule } from '../../../src/verify/derive/schedule.js';
import { KEYRING, START, checkOf, readPolicy, verify } from '../support.js';

/** The model, failing every call for the tickets whose subject is in `down`. */
function withOutage(model: ClassifierModel, down: ReadonlySet<string>): ClassifierModel {
  return {
    id: model.id,
    classify: (view) => {
      if (typeof view['subject'] === 'string' && down.has(view['subject'])) throw new Error('outage');
      return model.classify(view);
    },
  };
}

const limit = (max: number) => fc.option(fc.integer({ min: 1, max }), { nil: undefined });

describe('the re-derived schedule', () => {
  it('is the one the runtime ran, over random limits, arrivals, latencies and outages', async () => {
    const sample = getSampleSet().tickets;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          tickets: fc.integer({ min: 1, max: 9 }),
          rate: limit(4),
          concurrency: limit(3),
          calls: limit(4),
          perRun: limit(8),
          steady: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
          baseMs: fc.integer({ min: 0, max: 3000 }),
          per100: fc.integer({ min: 0, max: 50 }),
          outage: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 3 }),
          compromised: fc.boolean(),
        }),
        async (p) => {
          const base = readPolicy('routing-auto-assign-approval');
          const limits: JsonObject = {};
          if (p.rate !== undefined) limits['rate_limit_per_minute'] = p.rate;
          if (p.concurrency !== undefined) limits['max_concurrency'] = p.concurrency;
          if (p.calls !== undefined) limits['max_model_calls_per_ticket'] = p.calls;
          if (p.perRun !== undefined) limits['max_tickets_per_run'] = p.perRun;
          const tickets = sample.slice(0, p.tickets);
          const down = new Set(p.outage.filter((i) => i < tickets.length).map((i) => tickets[i]!.subject));
          const { bundle } = await runJob({
            wpc: { ...base, limits },
            tickets,
            model: withOutage(getModel(p.compromised ? 'compromised' : 'local'), down),
            keyring: KEYRING,
            seed: 3,
            start: START,
            approvals: 'auto',
            arrival: p.steady === undefined ? { kind: 'backlog' } : { kind: 'steady', perMinute: p.steady },
            latency: { baseMs: p.baseMs, msPer100Chars: p.per100 },
          });
          const report = await verify(bundle);
          expect(checkOf(report, 'schedule').issues).toEqual([]);
          expect(report.verdict).toBe('valid');
        },
      ),
      { numRuns: 60, seed: 20261203 },
    );
  }, 300_000);

  it('gives the worked example of docs/FORMATS.md: R = 2, C = 1, 1-second calls, six tickets; the job degrades at 2 s', () => {
    const tickets = [1, 2, 3, 4, 5, 6].map((ticketId) => ({ ticketId, latencyMs: 1000, completions: 1 }));
    const schedule = simulateSchedule({ startMs: 0, arrival: { kind: 'backlog' }, ratePerMinute: 2, maxConcurrency: 1, maxTicketsPerRun: null, tickets });
    const starts = schedule.events.filter((e) => e.kind === 'start').map((e) => [e.ticketId, e.atMs]);
    expect(starts).toEqual([
      [1, 0],
      [2, 1000],
      [3, 60_000],
      [4, 61_000],
      [5, 120_000],
      [6, 121_000],
    ]);
    const degrade = schedule.events.find((e) => e.kind === 'limit' && e.effect === 'degraded_classify_only');
    expect(degrade).toMatchObject({ atMs: 2000, threshold: 1, observed: 4, limit: 'max_concurrency' });
    expect(schedule.endMs).toBe(122_000);
  });
});
