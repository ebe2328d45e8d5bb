/**
 * The discrete-event schedule of a run under the WPC's limits, on the simulated clock.
 *
 * - max_tickets_per_run: tickets arriving after the first N are skipped (no intake, no model
 *   call): one `ticket_skipped` limit record each.
 * - max_concurrency: at most C tickets in flight (from intake to ticket_done).
 * - rate_limit_per_minute: at most R intakes in any 60-second window.
 *   A ticket held back by either limit waits in arrival order; the first time a ticket is held
 *   by a limit, a `throttled` limit record says so.
 * - Degrade rule: when the rate limit is holding back MORE tickets than the concurrency cap (or,
 *   with no cap, more than R), the backlog cannot drain at the permitted rate: the job degrades
 *   to classify-only, once, with a `degraded_classify_only` limit record. Tickets keep being
 *   classified and proposed; every phase-2 write after that is refused as degraded.
 * - max_model_calls_per_ticket is enforced by the proxy (ticket-flow.ts).
 * At one instant: events run in the order they were scheduled, then waiting tickets start.
 */
import type { LimitRecord } from '../../core/bundle/types.js';
import { formatTimestamp } from '../clock.js';
import { EventQueue } from '../schedule/event-queue.js';
import { arrivalOffset, type Arrival } from '../schedule/options.js';
import { RateWindow } from '../schedule/rate-window.js';
import type { Ticket } from '../tickets/types.js';
import type { JobContext, TicketOutcome } from './context.js';
import type { RunProgress } from './options.js';
import { TicketFlow } from './ticket-flow.js';

type Event = { readonly kind: 'arrival'; readonly index: number } | { readonly kind: 'complete'; readonly index: number; readonly flow: TicketFlow } | { readonly kind: 'wake' };

export interface ScheduleLimits {
  readonly ratePerMinute: number | null;
  readonly maxConcurrency: number | null;
  readonly maxTicketsPerRun: number | null;
}

export interface ScheduleResult {
  /** By ticket index; undefined for skipped tickets. */
  readonly outcomes: readonly (TicketOutcome | undefined)[];
  readonly skipped: readonly number[];
}

/** How many tickets the rate limit may hold back before the job degrades; null: never. */
export function degradeThreshold(limits: ScheduleLimits): number | null {
  return limits.maxConcurrency ?? limits.ratePerMinute;
}

export async function runSchedule(
  job: JobContext,
  tickets: readonly Ticket[],
  arrival: Arrival,
  limits: ScheduleLimits,
  onProgress?: (progress: RunProgress) => void,
): Promise<ScheduleResult> {
  const start = job.clock.now();
  const queue = new EventQueue<Event>();
  tickets.forEach((_, index) => queue.push(start + arrivalOffset(arrival, index), { kind: 'arrival', index }));
  const outcomes: (TicketOutcome | undefined)[] = new Array<TicketOutcome | undefined>(tickets.length).fill(undefined);
  const skipped: number[] = [];
  const waiting = new WaitingLine();
  // Waiting tickets are in arrival order, so those a limit has not held yet are a suffix of the
  // line: the highest index already on record per limit is enough to find them.
  const heldThrough = { max_concurrency: -1, rate_limit_per_minute: -1 };
  const rate = limits.ratePerMinute === null ? null : new RateWindow(limits.ratePerMinute);
  const threshold = degradeThreshold(limits);
  let inFlight = 0;
  let admitted = 0;
  let done = 0;
  let wakeAt: number | null = null;

  const progress = (index: number): void =>
    onProgress?.({ done, skipped: skipped.length, total: tickets.length, ticketId: tickets[index]!.id, at: formatTimestamp(job.clock.now()) });

  const limitRecord = (body: Omit<LimitRecord, 'v' | 'record_id' | 'seq' | 'job_id' | 'at' | 'prev' | 'kind'>): void => {
    job.log.append({ kind: 'limit', ...body });
  };

  const hold = (limit: 'max_concurrency' | 'rate_limit_per_minute', threshold: number, observed: number): void => {
    for (const index of waiting.after(heldThrough[limit])) {
      heldThrough[limit] = index;
      const id = tickets[index]!.id;
      limitRecord({
        limit,
        threshold,
        observed,
        effect: 'throttled',
        ticket_id: id,
        reason:
          limit === 'max_concurrency'
            ? `ticket ${id} waits: ${observed} tickets are in flight and max_concurrency is ${threshold}`
            : `ticket ${id} waits: ${observed} tickets started in the last 60 seconds and rate_limit_per_minute is ${threshold}`,
      });
    }
  };

  const tryStart = (now: number): void => {
    while (waiting.length > 0) {
      if (limits.maxConcurrency !== null && inFlight >= limits.maxConcurrency) {
        hold('max_concurrency', limits.maxConcurrency, inFlight);
        return;
      }
      if (rate !== null && !rate.canStart(now)) {
        hold('rate_limit_per_minute', rate.perMinute, rate.countAt(now));
        const opening = rate.nextOpening(now);
        if (wakeAt === null || wakeAt > opening) {
          wakeAt = opening;
          queue.push(opening, { kind: 'wake' });
        }
        if (job.degraded === null && threshold !== null && waiting.length > threshold) degrade(now, rate.perMinute, threshold);
        return;
      }
      const index = waiting.shift();
      rate?.record(now);
      inFlight++;
      const flow = new TicketFlow(job, tickets[index]!);
      queue.push(now + flow.latencyMs, { kind: 'complete', index, flow });
    }
  };

  const degrade = (now: number, perMinute: number, threshold: number): void => {
    const byCap = limits.maxConcurrency !== null;
    const reason =
      `${waiting.length} tickets are waiting on the rate limit (${perMinute} per minute), more than ` +
      (byCap ? `the concurrency cap (${threshold})` : `one minute of throughput (${threshold})`) +
      ': the job degrades to classify-only; tickets are still classified and proposed, and no phase-2 write is applied from now on';
    job.degraded = { at: formatTimestamp(now), reason };
    limitRecord({
      limit: byCap ? 'max_concurrency' : 'rate_limit_per_minute',
      threshold,
      observed: waiting.length,
      effect: 'degraded_classify_only',
      ticket_id: null,
      reason,
    });
  };

  while (queue.size > 0) {
    const now = queue.peekTime()!;
    job.clock.advanceTo(now);
    while (queue.peekTime() === now) {
      const { event } = queue.pop()!;
      if (event.kind === 'wake') {
        if (wakeAt === now) wakeAt = null;
      } else if (event.kind === 'arrival') {
        admitted++;
        if (limits.maxTicketsPerRun !== null && admitted > limits.maxTicketsPerRun) {
          const id = tickets[event.index]!.id;
          limitRecord({
            limit: 'max_tickets_per_run',
            threshold: limits.maxTicketsPerRun,
            observed: admitted,
            effect: 'ticket_skipped',
            ticket_id: id,
            reason: `ticket ${id} is ticket ${admitted} of this run and max_tickets_per_run is ${limits.maxTicketsPerRun}: it is not read and no model is called`,
          });
          skipped.push(event.index);
          progress(event.index);
        } else {
          waiting.push(event.index);
        }
      } else {
        const result = await event.flow.completeCall();
        if (result.next === 'retry') {
          queue.push(now + result.latencyMs, event);
        } else {
          outcomes[event.index] = result.outcome;
          inFlight--;
          done++;
          progress(event.index);
        }
      }
    }
    tryStart(now);
  }
  return { outcomes, skipped };
}

/** A FIFO of ticket indices in increasing order, with O(1) shift. */
class WaitingLine {
  readonly #items: number[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(index: number): void {
    this.#items.push(index);
  }

  shift(): number {
    const index = this.#items[this.#head++]!;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items.splice(0, this.#head);
      this.#head = 0;
    }
    return index;
  }

  /** The waiting indices greater than `index`, in order. */
  after(index: number): number[] {
    let first = this.#items.length;
    while (first > this.#head && this.#items[first - 1]! > index) first--;
    return this.#items.slice(first);
  }
}
