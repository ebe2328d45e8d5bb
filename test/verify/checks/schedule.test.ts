import { beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle, RecordPayload } from '../../../src/core/bundle/types.js';
import { checkSchedule } from '../../../src/verify/checks/schedule.js';
import { contextOf, degradedRun, editRecords, failCodes, recordsOf, run } from '../diff/bundles.js';

let degraded: ProofBundle; // steady arrivals, throttled starts, then the degrade to classify-only

beforeAll(async () => {
  degraded = await degradedRun();
});

const isDegrade = (r: RecordPayload) => r.kind === 'limit' && r.effect === 'degraded_classify_only';
const codes = async (b: ProofBundle) => failCodes(checkSchedule(await contextOf(b)));

describe('checkSchedule re-derives the run from job_start, the WPC and the receipts', () => {
  it('[R-RUN-2] passes the schedule the runtime ran, degrade included', async () => {
    expect(recordsOf(degraded).some(isDegrade)).toBe(true);
    expect(await codes(degraded)).toEqual([]);
  });

  it('DEGRADE_REQUIRED when the degrade record is deleted; the evidence lists the writes that had to be refused', async () => {
    const edited = editRecords(degraded, (r) => (isDegrade(r) ? [] : undefined));
    const result = checkSchedule(await contextOf(edited));
    expect(failCodes(result)).toEqual(['DEGRADE_REQUIRED']);
    expect(result.issues[0]!.message).toMatch(/^the job had to degrade to classify-only at \S+ \(\d+ tickets waiting on the rate limit, more than 1\), but no degrade record is in the chain$/);
  });

  it('DEGRADE_REQUIRED names where the degrade belongs when the record is moved, earlier or later', async () => {
    const records = recordsOf(degraded);
    const degrade = records.find(isDegrade)!;
    let added = false;
    const early = editRecords(degraded, (r) => {
      if (!added && r.kind === 'intake') {
        added = true;
        return [{ ...degrade, at: r.at }, r];
      }
      return isDegrade(r) ? [] : undefined;
    });
    const last = records.findLast((r) => r.kind === 'ticket_done')!;
    const late = editRecords(degraded, (r) => (isDegrade(r) ? [] : r.record_id === last.record_id ? [r, { ...degrade, at: r.at }] : undefined));
    for (const moved of [early, late]) {
      const result = checkSchedule(await contextOf(moved));
      expect(failCodes(result)).toContain('DEGRADE_REQUIRED');
      expect(result.issues.find((i) => i.code === 'DEGRADE_REQUIRED')!.message).toMatch(/^the job had to degrade to classify-only at \S+ .*, but the degrade record is at \S+/);
    }
  });

  it('DEGRADE_UNJUSTIFIED for a degrade in a run whose backlog never called for one', async () => {
    const calm = await run();
    const degrade = recordsOf(degraded).find(isDegrade)!;
    let added = false;
    const edited = editRecords(calm, (r) => {
      if (!added && r.kind === 'ticket_done') {
        added = true;
        return [r, { ...degrade, at: r.at }];
      }
    });
    expect(await codes(edited)).toEqual(['DEGRADE_UNJUSTIFIED']);
  });

  it('SCHEDULE_MISMATCH for an intake moved in time, LIMIT_RECORD_MISMATCH for a throttle citing other numbers', async () => {
    let moved = false;
    const late = editRecords(degraded, (r) => {
      if (!moved && r.kind === 'intake') {
        moved = true;
        r.at = '2026-01-05T09:00:00.500Z';
      }
    });
    expect(await codes(late)).toContain('SCHEDULE_MISMATCH');
    const numbers = editRecords(degraded, (r) => {
      if (r.kind === 'limit' && r.effect === 'throttled') r.observed += 1;
    });
    expect(new Set(await codes(numbers))).toEqual(new Set(['LIMIT_RECORD_MISMATCH']));
  });

  it('TICKET_NOT_IN_FLIGHT for a record moved to a ticket that is not being worked on there', async () => {
    const records = recordsOf(degraded);
    const lastTicket = records.findLast((r) => r.kind === 'intake')!;
    let moved = false;
    const edited = editRecords(degraded, (r) => {
      if (!moved && r.kind === 'decision' && 'ticket_id' in lastTicket && r.ticket_id !== lastTicket.ticket_id) {
        moved = true;
        r.ticket_id = lastTicket.ticket_id;
      }
    });
    expect(await codes(edited)).toContain('TICKET_NOT_IN_FLIGHT');
  });

  it('[R-BUNDLE-17] JOB_LIMITS_MISMATCH for job_start limits other than the WPC\'s and the format\'s', async () => {
    const edited = editRecords(degraded, (r) => {
      if (r.kind === 'job_start') r.limits = { ...r.limits, harness_attempt_ceiling: 50, max_concurrency: 9 };
    });
    const result = checkSchedule(await contextOf(edited));
    expect(result.issues.filter((i) => i.code === 'JOB_LIMITS_MISMATCH').map((i) => i.evidence[0]!.payloadPointer)).toEqual(['/limits/max_concurrency', '/limits/harness_attempt_ceiling']);
  });
});
