/**
 * limits: the run stayed within the WPC's throughput limits, judged from signed evidence only.
 *
 *  - rate_limit_per_minute: a ticket starts at its intake record; at every intake time t, the
 *    intakes dated in (t - 60 s, t] number at most the limit (a start counts for 60 seconds);
 *  - max_concurrency: walking the chain in order, a ticket is in flight from its intake record to
 *    its ticket_done record; at most the limit at once;
 *  - max_model_calls_per_ticket: signed receipts per ticket;
 *  - max_tickets_per_run: tickets with an intake record; a ticket the harness recorded as skipped
 *    must have none.
 * And the degrade rule: once a signed degrade record (effect degraded_classify_only) is in the
 * chain, no later decision applies a write (DEGRADE_NOT_HONOURED), and job_end says so.
 */
import type { LimitRecord, ReceiptPayload } from '../../core/bundle/types.js';
import { actionKind } from '../../policy/index.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { evidenceOf, recordIndex, type Indexed, type IndexedRecord, type RecordIndex } from '../diff/records.js';
import { firstEvidence } from './evidence.js';
import { checkResult, failIssue, warnIssue } from './result.js';

export const RATE_WINDOW_MS = 60_000;

type LimitName = LimitRecord['limit'];

interface Observation {
  readonly limit: LimitName;
  readonly threshold: number;
  readonly pointer: string | null;
  readonly observed: number;
}

export function checkLimits(ctx: VerifyContext): CheckResult {
  const index = recordIndex(ctx);
  const policy = ctx.wpc.signatureOk ? ctx.wpc.policy : null;
  let issues: CheckIssue[] = [];
  const observations: Observation[] = [];
  if (policy === null) {
    const message = 'without a verified, valid WPC the limits the run had to keep are unknown';
    issues.push(failIssue('LIMITS_UNVERIFIABLE', message, { pointer: ctx.wpc.pointer }));
  } else {
    const { ratePerMinute, maxConcurrency, maxModelCallsPerTicket, maxTicketsPerRun } = policy.limits;
    if (ratePerMinute !== null) observations.push(rate(index, ratePerMinute.value, ratePerMinute.pointer, issues));
    if (maxConcurrency !== null) observations.push(concurrency(index, maxConcurrency.value, maxConcurrency.pointer, issues));
    if (maxModelCallsPerTicket !== null) observations.push(callsPerTicket(index, maxModelCallsPerTicket.value, maxModelCallsPerTicket.pointer, issues));
    if (maxTicketsPerRun !== null) observations.push(ticketsPerRun(index, maxTicketsPerRun.value, maxTicketsPerRun.pointer, issues));
    const thresholds = new Map<LimitName, number>(observations.map((o) => [o.limit, o.threshold]));
    // concat, not push(...): a hostile bundle can hold more records than a call takes arguments.
    issues = issues.concat(limitRecordIssues(index, thresholds));
  }
  issues = issues.concat(skippedIssues(index), degradeIssues(index));
  const evidence: Evidence[] = [
    ...observations.map((o) => ({
      pointer: ctx.wpc.pointer,
      ...(o.pointer === null ? {} : { payloadPointer: o.pointer }),
      expected: `<= ${o.threshold}`,
      actual: String(o.observed),
      note: o.limit,
    })),
    ...index.limits.map((r) => evidenceOf(r, { note: `${r.payload.limit}: ${r.payload.effect}` })),
  ];
  const message =
    policy === null
      ? 'The limits could not be checked: the WPC is not verified and valid.'
      : observations.length === 0
        ? 'The WPC sets no throughput limits; the degrade rule was checked.'
        : `Checked ${observations.map((o) => `${o.limit} (${o.observed} of ${o.threshold})`).join(', ')}${index.degrade === null ? '' : ' and the degrade to classify-only'}.`;
  return checkResult('limits', issues, evidence, message);
}

function rate(index: RecordIndex, limit: number, pointer: string | null, issues: CheckIssue[]): Observation {
  const intakes = [...index.intakes].filter((r) => !Number.isNaN(r.atMs)).sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  let worst = { count: 0, from: 0, to: -1 };
  for (let i = 0, j = 0; i < intakes.length; i++) {
    while (intakes[j]!.atMs <= intakes[i]!.atMs - RATE_WINDOW_MS) j++;
    if (i - j + 1 > worst.count) worst = { count: i - j + 1, from: j, to: i };
  }
  if (worst.count > limit) {
    const inWindow = intakes.slice(worst.from, worst.to + 1);
    issues.push(
      exceeded('rate_limit_per_minute', limit, worst.count, `${worst.count} tickets started within 60 seconds (${inWindow[0]!.payload.at} to ${inWindow[inWindow.length - 1]!.payload.at})`, inWindow.map((r) => evidenceOf(r))),
    );
  }
  return { limit: 'rate_limit_per_minute', threshold: limit, pointer, observed: worst.count };
}

function concurrency(index: RecordIndex, limit: number, pointer: string | null, issues: CheckIssue[]): Observation {
  // Walk the chain once for the peak, again up to the peak for the tickets then in flight.
  const walk = (stopAt: number): { peak: number; at: number; inFlight: Map<number, IndexedRecord<'intake'>> } => {
    const inFlight = new Map<number, IndexedRecord<'intake'>>();
    let peak = 0;
    let at = -1;
    for (const r of index.records) {
      if (r.index > stopAt) break;
      if (r.payload.kind === 'intake') {
        inFlight.set(r.payload.ticket_id, r as IndexedRecord<'intake'>);
        if (inFlight.size > peak) [peak, at] = [inFlight.size, r.index];
      } else if (r.payload.kind === 'ticket_done') {
        inFlight.delete(r.payload.ticket_id);
      }
    }
    return { peak, at, inFlight };
  };
  const { peak, at } = walk(Number.POSITIVE_INFINITY);
  if (peak > limit) {
    const worst = [...walk(at).inFlight.values()];
    const what = `${peak} tickets were in flight at once (intake to ticket_done)`;
    issues.push(exceeded('max_concurrency', limit, peak, what, worst.map((r) => evidenceOf(r))));
  }
  return { limit: 'max_concurrency', threshold: limit, pointer, observed: peak };
}

function callsPerTicket(index: RecordIndex, limit: number, pointer: string | null, issues: CheckIssue[]): Observation {
  const byTicket = new Map<number, Indexed<ReceiptPayload>[]>();
  for (const r of index.receipts) {
    const list = byTicket.get(r.payload.ticket_id) ?? [];
    list.push(r);
    byTicket.set(r.payload.ticket_id, list);
  }
  let most = 0;
  for (const [ticketId, receipts] of byTicket) {
    most = Math.max(most, receipts.length);
    if (receipts.length > limit) {
      const what = `ticket ${ticketId} has ${receipts.length} receipted model calls`;
      issues.push(exceeded('max_model_calls_per_ticket', limit, receipts.length, what, receipts.map((r) => evidenceOf(r))));
    }
  }
  return { limit: 'max_model_calls_per_ticket', threshold: limit, pointer, observed: most };
}

function ticketsPerRun(index: RecordIndex, limit: number, pointer: string | null, issues: CheckIssue[]): Observation {
  const firstIntakes = new Map<number, IndexedRecord<'intake'>>();
  for (const r of index.intakes) if (!firstIntakes.has(r.payload.ticket_id)) firstIntakes.set(r.payload.ticket_id, r);
  const started = [...firstIntakes.values()];
  if (started.length > limit) {
    const what = `${started.length} tickets were started in one run`;
    issues.push(exceeded('max_tickets_per_run', limit, started.length, what, started.slice(limit).map((r) => evidenceOf(r))));
  }
  return { limit: 'max_tickets_per_run', threshold: limit, pointer, observed: started.length };
}

/** Limit records must quote the WPC's own thresholds (a record citing another limit misstates the run). */
function limitRecordIssues(index: RecordIndex, thresholds: ReadonlyMap<LimitName, number>): CheckIssue[] {
  return index.limits.flatMap((r) => {
    const expected = thresholds.get(r.payload.limit);
    if (expected === r.payload.threshold) return [];
    return [
      warnIssue(
        'LIMIT_RECORD_MISMATCH',
        `limit record ${r.payload.record_id} cites ${r.payload.limit} = ${r.payload.threshold}, but the WPC sets ${expected ?? 'no such limit'}`,
        evidenceOf(r, { payloadPointer: '/threshold', expected: String(expected ?? 'none'), actual: String(r.payload.threshold) }),
      ),
    ];
  });
}

/** A ticket recorded as skipped (max_tickets_per_run) must never have been read. */
function skippedIssues(index: RecordIndex): CheckIssue[] {
  const started = new Set(index.intakes.map((r) => r.payload.ticket_id));
  return index.limits
    .filter((r) => r.payload.effect === 'ticket_skipped' && r.payload.ticket_id !== null && started.has(r.payload.ticket_id))
    .map((r) =>
      failIssue(
        'LIMIT_RECORD_MISMATCH',
        `ticket ${r.payload.ticket_id} is recorded as skipped (${r.payload.record_id}) yet has an intake record`,
        evidenceOf(r),
      ),
    );
}

function degradeIssues(index: RecordIndex): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const degrade = index.degrade;
  if (degrade !== null) {
    for (const d of index.decisions) {
      if (d.index < degrade.index || !d.payload.applied || actionKind(d.payload.action) !== 'write') continue;
      issues.push(
        failIssue(
          'DEGRADE_NOT_HONOURED',
          `${d.payload.action} on ticket ${d.payload.ticket_id} was applied after the job degraded to classify-only (${degrade.payload.record_id} at ${degrade.payload.at})`,
          evidenceOf(d, { payloadPointer: '/applied' }),
          evidenceOf(degrade),
        ),
      );
    }
  }
  const end = index.records.find((r): r is IndexedRecord<'job_end'> => r.payload.kind === 'job_end');
  if (end !== undefined) {
    const expectedAt = degrade?.payload.at ?? null;
    const expectedReason = degrade?.payload.reason ?? null;
    if (end.payload.degraded !== (degrade !== null) || end.payload.degraded_at !== expectedAt || end.payload.degraded_reason !== expectedReason) {
      issues.push(
        failIssue(
          'DEGRADE_RECORD_MISMATCH',
          'job_end misstates whether, when or why the job degraded to classify-only (its degraded, degraded_at and degraded_reason repeat the degrade record)',
          evidenceOf(end, {
            payloadPointer: '/degraded',
            expected: `${degrade !== null} at ${String(expectedAt)}`,
            actual: `${end.payload.degraded} at ${String(end.payload.degraded_at)}`,
          }),
        ),
      );
    }
  }
  return issues;
}

function exceeded(limit: LimitName, threshold: number, observed: number, what: string, evidence: readonly Evidence[]): CheckIssue {
  const shown = firstEvidence(evidence);
  const summary: Evidence = { note: limit, expected: `<= ${threshold}`, actual: String(observed) };
  return failIssue('LIMIT_EXCEEDED', `${limit} is ${threshold}, but ${what}`, summary, ...shown);
}
