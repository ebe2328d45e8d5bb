/**
 * schedule: the run's timing is re-derived, not trusted.
 *
 * Every instant of a simulated job follows from what job_start records (start, arrival, model
 * latency), the WPC's limits and, per ticket, its receipted view's size and how many calls its
 * receipted answers call for (derive/schedule.ts). So the verifier recomputes the whole record
 * chain's skeleton (each intake, redaction, limit event, proposal block and ticket end, with its
 * ticket and time) and every receipt's and approval's time, and compares. The proxy and approver
 * sign those times, so the harness alone cannot move a ticket, hide a throttle, skip the degrade
 * the backlog requires, or move a record to a ticket that is not in flight.
 */
import type { JobLimits, JobStartRecord, TicketId } from '../../core/bundle/types.js';
import { formatUtcTimestamp, parseUtcTimestamp } from '../../core/time.js';
import { diffArrays } from 'diff';
import type { NormalizedPolicy } from '../../policy/index.js';
import { viewChars } from '../../dlp/index.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { callOutcome, HARNESS_ATTEMPT_CEILING, HARNESS_MAX_ATTEMPTS } from '../derive/call-outcome.js';
import { receiptGap, recordGap, ticketCalls } from '../derive/calls.js';
import { callLatency, simulateSchedule, type Schedule, type ScheduledTicket } from '../derive/schedule.js';
import { evidenceOf, recordIndex, type IndexedRecord, type RecordIndex } from '../diff/records.js';
import { firstEvidence } from './evidence.js';
import { checkResult, failIssue, plural } from './result.js';

/** Most mismatches listed one by one; the rest are counted. */
const MAX_LISTED = 40;
/** Past this many edits the chains are too far apart for a useful alignment. */
const MAX_ALIGNMENT_EDITS = 200;

export function checkSchedule(ctx: VerifyContext): CheckResult {
  const index = recordIndex(ctx);
  const policy = ctx.wpc.signatureOk ? ctx.wpc.policy : null;
  const start = index.records[0]?.payload.kind === 'job_start' ? (index.records[0] as IndexedRecord<'job_start'>) : null;
  const gap = recordGap(ctx) ?? receiptGap(ctx);
  if (policy === null || start === null || Number.isNaN(start.atMs) || gap !== null) {
    const why = policy === null ? 'the WPC did not verify and validate' : start === null || Number.isNaN(start.atMs) ? 'no signed job_start record opens the chain' : gap;
    const pointer = policy === null ? ctx.wpc.pointer : gap !== null && start !== null ? '/records' : '/records/0';
    return checkResult('schedule', [failIssue('SCHEDULE_UNVERIFIABLE', `the schedule cannot be re-derived because ${why}`, { pointer })], [], 'The schedule could not be re-derived.');
  }
  let issues: CheckIssue[] = limitsIssues(start, policy);
  const plan = schedulePlan(ctx, index, start.payload, policy);
  const schedule = simulateSchedule(plan.input);
  const expected = expectedSkeleton(start, plan, schedule);
  const actual = index.records.map((r) => skeletonOf(r));
  issues = issues.concat(chainIssues(index, expected, actual), callTimeIssues(ctx, plan, schedule), approvalTimeIssues(index, plan, schedule));
  const evidence: Evidence[] = [
    { pointer: start.pointer, payloadPointer: '/limits', note: `${plural(plan.input.tickets.length, 'ticket')} arriving ${plan.input.arrival.kind === 'backlog' ? 'as a backlog' : `at ${plan.input.arrival.perMinute} per minute`}` },
    { pointer: '/records', note: `${plural(expected.length, 'record')} re-derived; the job ends at ${iso(schedule.endMs)}` },
  ];
  const message =
    issues.length === 0
      ? `The recorded schedule is the one the job's settings, the WPC's limits and the receipted calls give: ${plural(expected.length, 'record')} and ${plural(index.receipts.length, 'receipt')} at their re-derived places and times.`
      : `${plural(issues.length, 'problem')}: the recorded schedule differs from the one re-derived from the job's settings and the receipted calls.`;
  return checkResult('schedule', issues.length > MAX_LISTED ? capped(issues) : issues, evidence, message);
}

// --- job_start.limits ----------------------------------------------------------------------------

function limitsIssues(start: IndexedRecord<'job_start'>, policy: NormalizedPolicy): CheckIssue[] {
  const limits = start.payload.limits;
  const { ratePerMinute, maxConcurrency, maxModelCallsPerTicket, maxTicketsPerRun } = policy.limits;
  const wanted: Partial<Record<keyof JobLimits, number | null>> = {
    rate_limit_per_minute: ratePerMinute?.value ?? null,
    max_concurrency: maxConcurrency?.value ?? null,
    max_model_calls_per_ticket: maxModelCallsPerTicket?.value ?? null,
    max_tickets_per_run: maxTicketsPerRun?.value ?? null,
    degrade_backlog_threshold: maxConcurrency?.value ?? ratePerMinute?.value ?? null,
    harness_max_attempts: HARNESS_MAX_ATTEMPTS,
    harness_attempt_ceiling: HARNESS_ATTEMPT_CEILING,
  };
  const issues: CheckIssue[] = [];
  for (const [name, value] of Object.entries(wanted) as [keyof JobLimits, number | null][]) {
    if (limits[name] === value) continue;
    issues.push(
      failIssue('JOB_LIMITS_MISMATCH', `job_start says ${name} is ${String(limits[name])}, but the WPC (and the format) give ${String(value)}: the run did not declare the limits it was held to`, {
        pointer: start.pointer,
        recordId: start.payload.record_id,
        payloadPointer: `/limits/${name}`,
        expected: String(value),
        actual: String(limits[name]),
      }),
    );
  }
  return issues;
}

// --- the inputs of the simulation ----------------------------------------------------------------

interface Plan {
  readonly input: Parameters<typeof simulateSchedule>[0];
  /** Per input ticket: the records of its closing block, in order (kinds only). */
  readonly closing: readonly (readonly Skeleton[])[];
  /** Input index of each ticket id (the first, if one is listed twice). */
  readonly indexOf: ReadonlyMap<TicketId, number>;
}

function schedulePlan(ctx: VerifyContext, index: RecordIndex, start: JobStartRecord, policy: NormalizedPolicy): Plan {
  const calls = ticketCalls(ctx);
  const required = policy.requiredOutputFields.map((f) => f.field);
  const cap = policy.limits.maxModelCallsPerTicket?.value ?? null;
  const latency = { baseMs: start.limits.model_latency.base_ms, msPer100Chars: start.limits.model_latency.ms_per_100_chars };
  const redactionChars = new Map<TicketId, number>();
  for (const r of index.records) if (r.payload.kind === 'redaction' && !redactionChars.has(r.payload.ticket_id)) redactionChars.set(r.payload.ticket_id, r.payload.chars);
  const tickets: ScheduledTicket[] = [];
  const closing: Skeleton[][] = [];
  const indexOf = new Map<TicketId, number>();
  const add = (ticketId: TicketId, t: ScheduledTicket, block: Skeleton[]): void => {
    if (!indexOf.has(ticketId)) indexOf.set(ticketId, tickets.length);
    tickets.push(t);
    closing.push(block);
  };
  for (const intake of index.intakes) {
    const id = intake.payload.ticket_id;
    const own = calls.get(id) ?? [];
    const view = own[0]?.view ?? null;
    const chars = view !== null ? safeChars(view) : (redactionChars.get(id) ?? 0);
    const outcome = callOutcome(own, required, cap);
    const refused = outcome.unknownAt === null && outcome.usable === null && outcome.refused && own.length === outcome.expectedCalls;
    const block: Skeleton[] = [];
    // The block follows the RECORDED proposal: whether that proposal is the one the answers give is
    // the proposals check's finding; here it fixes how many decisions close the ticket.
    const proposal = index.proposalsByTicket.get(id)?.[0]?.payload.proposal ?? outcome.proposal;
    if (proposal !== null) {
      block.push(skeleton('decision', id), skeleton('proposal', id));
      for (let i = 0; i < proposal.actions.length; i++) block.push(skeleton('decision', id));
    }
    if (refused) block.push({ ...skeleton('limit', id), limit: 'max_model_calls_per_ticket', effect: 'call_refused', threshold: cap ?? 0, observed: own.length + 1 });
    block.push(skeleton('ticket_done', id));
    add(id, { ticketId: id, latencyMs: callLatency(latency, chars), completions: own.length + (refused ? 1 : 0) }, block);
  }
  for (const r of index.limits) {
    if (r.payload.effect !== 'ticket_skipped' || r.payload.ticket_id === null) continue;
    add(r.payload.ticket_id, { ticketId: r.payload.ticket_id, latencyMs: latency.baseMs, completions: 1 }, [skeleton('ticket_done', r.payload.ticket_id)]);
  }
  const arrival = start.limits.arrival;
  return {
    input: {
      startMs: parseUtcTimestamp(start.at) ?? Number.NaN,
      arrival: arrival.kind === 'steady' && arrival.per_minute !== undefined ? { kind: 'steady', perMinute: arrival.per_minute } : { kind: 'backlog' },
      ratePerMinute: policy.limits.ratePerMinute?.value ?? null,
      maxConcurrency: policy.limits.maxConcurrency?.value ?? null,
      maxTicketsPerRun: policy.limits.maxTicketsPerRun?.value ?? null,
      tickets,
    },
    closing,
    indexOf,
  };
}

function safeChars(view: Parameters<typeof viewChars>[0]): number {
  try {
    return viewChars(view);
  } catch {
    return 0;
  }
}

// --- the record chain's skeleton -----------------------------------------------------------------

interface Skeleton {
  readonly kind: string;
  readonly ticketId: TicketId | null;
  readonly atMs?: number;
  readonly limit?: string;
  readonly effect?: string;
  readonly threshold?: number;
  readonly observed?: number;
}

function skeleton(kind: string, ticketId: TicketId | null): Skeleton {
  return { kind, ticketId };
}

function skeletonOf(r: IndexedRecord): Skeleton {
  const p = r.payload;
  const ticketId = 'ticket_id' in p ? p.ticket_id : null;
  if (p.kind === 'limit') return { kind: 'limit', ticketId, atMs: r.atMs, limit: p.limit, effect: p.effect, threshold: p.threshold, observed: p.observed };
  return { kind: p.kind, ticketId, atMs: r.atMs };
}

function expectedSkeleton(start: IndexedRecord<'job_start'>, plan: Plan, schedule: Schedule): Skeleton[] {
  const out: Skeleton[] = [{ kind: 'job_start', ticketId: null, atMs: start.atMs }];
  for (const e of schedule.events) {
    if (e.kind === 'start') {
      out.push({ kind: 'intake', ticketId: e.ticketId, atMs: e.atMs }, { kind: 'redaction', ticketId: e.ticketId, atMs: e.atMs });
    } else if (e.kind === 'end') {
      for (const s of plan.closing[plan.indexOf.get(e.ticketId) ?? -1] ?? []) out.push({ ...s, atMs: e.atMs });
    } else {
      out.push({ kind: 'limit', ticketId: e.ticketId, atMs: e.atMs, limit: e.limit, effect: e.effect, threshold: e.threshold, observed: e.observed });
    }
  }
  out.push({ kind: 'job_end', ticketId: null, atMs: schedule.endMs });
  return out;
}

const tokenOf = (s: Skeleton): string => (s.kind === 'limit' ? `limit ${s.limit} ${s.effect} ${String(s.ticketId)}` : `${s.kind} ${String(s.ticketId)}`);

function chainIssues(index: RecordIndex, expected: readonly Skeleton[], actual: readonly Skeleton[]): CheckIssue[] {
  const e = expected.map(tokenOf);
  const a = actual.map(tokenOf);
  // Honest chains match token for token: trim the common ends before aligning what is left.
  let lo = 0;
  while (lo < e.length && lo < a.length && e[lo] === a[lo]) lo++;
  let hi = 0;
  while (hi < e.length - lo && hi < a.length - lo && e[e.length - 1 - hi] === a[a.length - 1 - hi]) hi++;
  const issues: CheckIssue[] = [];
  const matched = (i: number, j: number): void => {
    for (const issue of fieldIssues(expected[i]!, index.records[j]!)) issues.push(issue);
  };
  for (let k = 0; k < lo; k++) matched(k, k);
  for (let k = 0; k < hi; k++) matched(e.length - hi + k, a.length - hi + k);
  const midE = e.slice(lo, e.length - hi);
  const midA = a.slice(lo, a.length - hi);
  if (midE.length === 0 && midA.length === 0) return issues;
  const changes = diffArrays(midE, midA, { maxEditLength: MAX_ALIGNMENT_EDITS });
  if (changes === undefined) {
    const r = index.records[lo];
    return issues.concat(
      failIssue(
        'SCHEDULE_MISMATCH',
        `from record ${lo} on, the record chain is not the re-derived schedule (more than ${MAX_ALIGNMENT_EDITS} records differ): expected ${describeSkeleton(expected[lo])}, found ${describeSkeleton(actual[lo])}`,
        r === undefined ? { pointer: '/records' } : evidenceOf(r),
      ),
    );
  }
  let i = lo;
  let j = lo;
  const missing: Skeleton[] = [];
  const extra: IndexedRecord[] = [];
  for (const change of changes) {
    const n = change.count ?? change.value.length;
    if (change.removed) {
      for (let k = 0; k < n; k++) missing.push({ ...expected[i + k]!, atMs: expected[i + k]!.atMs });
      i += n;
    } else if (change.added) {
      for (let k = 0; k < n; k++) extra.push(index.records[j + k]!);
      j += n;
    } else {
      for (let k = 0; k < n; k++) matched(i + k, j + k);
      i += n;
      j += n;
    }
  }
  const flying = inFlight(index);
  return issues.concat(missingIssues(index, missing, extra), extra.filter((r) => !isDegrade(skeletonOf(r)) || !missing.some(isDegrade)).map((r) => extraIssue(r, flying)));
}

/** Positions in the chain (record index) at which the record's own ticket is in flight: from its intake to its ticket_done. */
function inFlight(index: RecordIndex): ReadonlySet<number> {
  const open = new Set<TicketId>();
  const positions = new Set<number>();
  for (const r of index.records) {
    const p = r.payload;
    if (p.kind === 'intake') open.add(p.ticket_id);
    if ('ticket_id' in p && p.ticket_id !== null && open.has(p.ticket_id)) positions.add(r.index);
    if (p.kind === 'ticket_done') open.delete(p.ticket_id);
  }
  return positions;
}

function isDegrade(s: Skeleton): boolean {
  return s.kind === 'limit' && s.effect === 'degraded_classify_only';
}

function missingIssues(index: RecordIndex, missing: readonly Skeleton[], extra: readonly IndexedRecord[]): CheckIssue[] {
  return missing.map((s) => {
    if (isDegrade(s)) {
      const at = s.atMs ?? Number.NaN;
      const moved = extra.find((r) => isDegrade(skeletonOf(r)));
      const writes = index.decisions.filter((d) => d.payload.applied && d.payload.phase === 'apply' && d.atMs >= at && (moved === undefined || d.index < moved.index));
      const when = `${iso(at)} (${String(s.observed)} tickets waiting on the rate limit, more than ${String(s.threshold)})`;
      const what =
        moved === undefined
          ? `the job had to degrade to classify-only at ${when}, but no degrade record is in the chain`
          : `the job had to degrade to classify-only at ${when}, but the degrade record is at ${iso(moved.atMs)}`;
      const after = writes.length === 0 ? '' : `; ${plural(writes.length, 'write')} applied after that instant must have been refused`;
      return failIssue('DEGRADE_REQUIRED', `${what}${after}`, { pointer: '/records', note: 'degraded_classify_only', expected: iso(at), actual: moved === undefined ? 'none' : iso(moved.atMs) }, ...firstEvidence(writes.map((w) => evidenceOf(w))));
    }
    return failIssue('SCHEDULE_MISMATCH', `the re-derived schedule has ${describeSkeleton(s)} that the record chain lacks`, { pointer: '/records', note: tokenOf(s), expected: iso(s.atMs ?? Number.NaN), actual: 'none' });
  });
}

function extraIssue(r: IndexedRecord, flying: ReadonlySet<number>): CheckIssue {
  const s = skeletonOf(r);
  if (isDegrade(s)) {
    return failIssue('DEGRADE_UNJUSTIFIED', `the chain records a degrade to classify-only at ${r.payload.at}, but the backlog never exceeded the threshold there: writes were refused without cause`, evidenceOf(r));
  }
  // Limit records may name waiting (throttled) or unread (skipped) tickets; every other record's ticket is being worked on.
  if (s.ticketId !== null && s.kind !== 'limit' && !flying.has(r.index)) {
    return failIssue('TICKET_NOT_IN_FLIGHT', `record ${r.payload.record_id} (${describeSkeleton(s)}) names ticket ${s.ticketId}, which is not in flight at this point of the chain (between its intake and its ticket_done)`, evidenceOf(r));
  }
  return failIssue('SCHEDULE_MISMATCH', `record ${r.payload.record_id} (${describeSkeleton(s)}) is not in the re-derived schedule at this point of the chain`, evidenceOf(r));
}

/** A record where the schedule expects one of its kind: its time and limit numbers must be the schedule's too. */
function fieldIssues(s: Skeleton, r: IndexedRecord): CheckIssue[] {
  const issues: CheckIssue[] = [];
  if (s.atMs !== r.atMs) {
    issues.push(failIssue('SCHEDULE_MISMATCH', `record ${r.payload.record_id} (${describeSkeleton(s)}) is dated ${r.payload.at}; the re-derived schedule gives ${iso(s.atMs ?? Number.NaN)}`, evidenceOf(r, { payloadPointer: '/at', expected: iso(s.atMs ?? Number.NaN), actual: r.payload.at })));
  }
  const p = r.payload;
  if (p.kind === 'limit') {
    for (const field of ['threshold', 'observed'] as const) {
      if (s[field] === p[field]) continue;
      issues.push(
        failIssue('LIMIT_RECORD_MISMATCH', `limit record ${p.record_id} (${p.limit}, ${p.effect}) says ${field} ${p[field]}; the schedule and the WPC give ${String(s[field])}`, evidenceOf(r, { payloadPointer: `/${field}`, expected: String(s[field]), actual: String(p[field]) })),
      );
    }
  }
  return issues;
}

// --- receipt and approval times ------------------------------------------------------------------

function callTimeIssues(ctx: VerifyContext, plan: Plan, schedule: Schedule): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const [ticketId, calls] of ticketCalls(ctx)) {
    const i = plan.indexOf.get(ticketId);
    const times = i === undefined ? [] : (schedule.calls[i] ?? []);
    calls.forEach((call, j) => {
      const want = times[j];
      if (want === call.receipt.atMs) return;
      const expected = want === undefined ? 'no such call' : iso(want);
      issues.push(
        failIssue(
          'SCHEDULE_MISMATCH',
          `Ticket ${ticketId}: model call ${j + 1} is receipted at ${call.receipt.payload.at}, but the re-derived schedule ${want === undefined ? 'makes no such call' : `ends it at ${expected}`}`,
          evidenceOf(call.receipt, { payloadPointer: '/at', expected, actual: call.receipt.payload.at }),
        ),
      );
    });
  }
  return issues;
}

function approvalTimeIssues(index: RecordIndex, plan: Plan, schedule: Schedule): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const a of index.approvals) {
    const i = plan.indexOf.get(a.payload.ticket_id);
    const want = i === undefined ? undefined : schedule.calls[i]?.at(-1);
    if (want === a.atMs) continue;
    const expected = want === undefined ? 'no proposal of this ticket in the schedule' : iso(want);
    issues.push(
      failIssue('SCHEDULE_MISMATCH', `Ticket ${a.payload.ticket_id}: approval ${a.payload.approval_id} is dated ${a.payload.at}, but the ticket's proposal was made at ${expected} (approving takes no simulated time)`, evidenceOf(a, { payloadPointer: '/at', expected, actual: a.payload.at })),
    );
  }
  return issues;
}

// --- words ----------------------------------------------------------------------------------------

function describeSkeleton(s: Skeleton | undefined): string {
  if (s === undefined) return 'the end of the chain';
  const ticket = s.ticketId === null ? '' : ` of ticket ${s.ticketId}`;
  const at = s.atMs === undefined ? '' : ` at ${iso(s.atMs)}`;
  if (s.kind === 'limit') return `a ${s.effect} limit record (${s.limit})${ticket}${at}`;
  return `a ${s.kind} record${ticket}${at}`;
}

function iso(ms: number): string {
  return formatUtcTimestamp(ms) ?? 'an unreadable time';
}

function capped(issues: readonly CheckIssue[]): CheckIssue[] {
  const rest = issues.length - MAX_LISTED;
  return [...issues.slice(0, MAX_LISTED), failIssue(issues[MAX_LISTED]!.code, `and ${plural(rest, 'more schedule problem')}, not listed`, { pointer: '/records' })];
}
