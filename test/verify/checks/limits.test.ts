import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import type { DecisionRecord, ProofBundle } from '../../../src/core/bundle/types.js';
import { checkLimits } from '../../../src/verify/checks/limits.js';
import { codes, contextOf, degradedRun, editRecords, failCodes, policy, recordsOf, run, sampleTickets, uselessModel, withWpc } from '../diff/bundles.js';

const zendesk = (extra: JsonObject): JsonObject => ({ ...policy('zendesk'), ...extra });

let auto: ProofBundle;
let unlimited: ProofBundle; // no limits but max_tickets_per_run 50; every ticket takes three model calls
let degraded: ProofBundle;

beforeAll(async () => {
  [auto, unlimited, degraded] = await Promise.all([
    run({ approvals: 'auto' }),
    run({ wpc: policy('zendesk'), model: uselessModel(), tickets: sampleTickets(6) }),
    degradedRun(),
  ]);
});

describe('checkLimits on honest runs', () => {
  it('passes and shows each limit with the most it observed', async () => {
    const result = checkLimits(await contextOf(auto));
    expect(result.status).toBe('pass');
    const observed = Object.fromEntries(result.evidence.filter((e) => e.expected !== undefined).map((e) => [e.note, [e.actual, e.expected]]));
    // Eight tickets in a backlog: the concurrency cap of 3 is reached, never passed.
    expect(observed).toEqual({
      rate_limit_per_minute: ['8', '<= 30'],
      max_concurrency: ['3', '<= 3'],
      max_model_calls_per_ticket: ['1', '<= 3'],
      max_tickets_per_run: ['8', '<= 100'],
    });
  });

  it('passes a run that degraded and refused every later write', async () => {
    expect(checkLimits(await contextOf(degraded)).status).toBe('pass');
  });
});

describe('checkLimits finds limits exceeded', () => {
  it('reports each limit with the observed number and the records behind it', async () => {
    const strict = zendesk({ max_tickets_per_run: 4, limits: { rate_limit_per_minute: 5, max_concurrency: 3, max_model_calls_per_ticket: 2 } });
    const result = checkLimits(await contextOf(withWpc(unlimited, strict)));
    expect(failCodes(result).every((c) => c === 'LIMIT_EXCEEDED')).toBe(true);
    const seen = result.issues.map((i) => [i.evidence[0]!.note, i.evidence[0]!.actual]);
    expect(seen).toEqual([
      ['rate_limit_per_minute', '6'],
      ['max_concurrency', '6'],
      ...Array(6).fill(['max_model_calls_per_ticket', '3']),
      ['max_tickets_per_run', '6'],
    ]);
    const calls = result.issues.find((i) => i.evidence[0]!.note === 'max_model_calls_per_ticket')!;
    expect(calls.evidence.slice(1).map((e) => e.pointer)).toEqual(calls.evidence.slice(1).map((e) => e.pointer).filter((p) => p!.startsWith('/receipts/')));
    expect(calls.evidence).toHaveLength(4);
    const tickets = result.issues.find((i) => i.evidence[0]!.note === 'max_tickets_per_run')!;
    expect(tickets.evidence.slice(1).map((e) => e.ticketId)).toEqual(sampleTickets(6).slice(4).map((t) => t.id));
  });

  it('counts a start for 60 seconds, not longer (half-open window)', async () => {
    // One start every 30 s under a limit of 2 per minute: at 60 s, the start at 0 s no longer counts.
    const steady = await run({ wpc: zendesk({ limits: { rate_limit_per_minute: 2 } }), tickets: sampleTickets(4), arrival: { kind: 'steady', perMinute: 2 } });
    expect(checkLimits(await contextOf(steady)).status).toBe('pass');
    const result = checkLimits(await contextOf(withWpc(steady, zendesk({ limits: { rate_limit_per_minute: 1 } }))));
    expect(failCodes(result)).toEqual(['LIMIT_EXCEEDED']);
    expect(result.issues[0]!.evidence[0]!.actual).toBe('2');
    expect(result.issues[0]!.evidence).toHaveLength(3);
  });
});

describe('checkLimits holds the degrade to classify-only', () => {
  it('DEGRADE_NOT_HONOURED when a write is applied after the degrade record', async () => {
    const late = recordsOf(degraded).find((r): r is DecisionRecord => r.kind === 'decision' && r.code === 'DEGRADED_CLASSIFY_ONLY')!;
    const bundle = editRecords(degraded, (r) => {
      if (r.record_id === late.record_id && r.kind === 'decision') Object.assign(r, { outcome: 'allow', code: 'ALLOWED', rule: '/tools/allow/3', applied: true });
    });
    const result = checkLimits(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['DEGRADE_NOT_HONOURED']);
    expect(result.issues[0]!.evidence[0]).toMatchObject({ recordId: late.record_id, ticketId: late.ticket_id });
  });

  it('DEGRADE_RECORD_MISMATCH when job_end denies the degrade', async () => {
    const bundle = editRecords(degraded, (r) => {
      if (r.kind === 'job_end') Object.assign(r, { degraded: false, degraded_at: null, degraded_reason: null });
    });
    expect(failCodes(checkLimits(await contextOf(bundle)))).toEqual(['DEGRADE_RECORD_MISMATCH']);
  });
});

describe('checkLimits reads the limit records against the WPC', () => {
  it('fails a ticket recorded as skipped that was read anyway', async () => {
    const bundle = await run({ wpc: zendesk({ max_tickets_per_run: 3 }), tickets: sampleTickets(5) });
    expect(checkLimits(await contextOf(bundle)).status).toBe('pass');
    const processed = sampleTickets(1)[0]!.id;
    const tampered = editRecords(bundle, (r) => {
      if (r.kind === 'limit' && r.effect === 'ticket_skipped') r.ticket_id = processed;
    });
    expect(failCodes(checkLimits(await contextOf(tampered)))).toEqual(['LIMIT_RECORD_MISMATCH', 'LIMIT_RECORD_MISMATCH']);
  });

  it('warns when a limit record cites another threshold than the WPC', async () => {
    const bundle = editRecords(degraded, (r) => {
      if (r.kind === 'limit' && r.effect === 'throttled' && r.limit === 'rate_limit_per_minute') r.threshold = 60;
    });
    const result = checkLimits(await contextOf(bundle));
    expect(result.status).toBe('warn');
    expect(new Set(codes(result))).toEqual(new Set(['LIMIT_RECORD_MISMATCH']));
  });

  it('cannot check limits without a valid WPC', async () => {
    const result = checkLimits(await contextOf(withWpc(auto, policy('invalid/allow-deny-contradiction'))));
    expect(failCodes(result)).toEqual(['LIMITS_UNVERIFIABLE']);
  });
});
