/**
 * The simulated schedule of a job, re-derived ("Simulated runtime", "Limits and the schedule"):
 * given the recorded arrival and latency settings, the WPC's limits and, per ticket, the size of
 * its receipted view and how many calls it made, the instants of every intake, limit event, model
 * call and ticket end follow. Written from the format, independently of the runtime's scheduler.
 *
 * Time only moves from event to event. Events at one instant run in the order they were scheduled
 * (arrivals, call completions, wake-ups); then waiting tickets start, in arrival order.
 */
import type { LimitRecord, TicketId } from '../../core/bundle/types.js';

export const RATE_WINDOW_MS = 60_000;

export type Arrival = { readonly kind: 'backlog' } | { readonly kind: 'steady'; readonly perMinute: number };

export interface ScheduledTicket {
  readonly ticketId: TicketId;
  /** Duration of each of its model calls. */
  readonly latencyMs: number;
  /** Call completions it needs: its receipted calls, plus one when the proxy refuses the next. */
  readonly completions: number;
}

export interface ScheduleInput {
  readonly startMs: number;
  readonly arrival: Arrival;
  readonly ratePerMinute: number | null;
  readonly maxConcurrency: number | null;
  readonly maxTicketsPerRun: number | null;
  /** Every ticket given to the job, in arrival order: the read ones first, then the skipped ones. */
  readonly tickets: readonly ScheduledTicket[];
}

export type ScheduledEvent =
  | { readonly kind: 'start'; readonly ticketId: TicketId; readonly atMs: number }
  | { readonly kind: 'end'; readonly ticketId: TicketId; readonly atMs: number }
  | {
      readonly kind: 'limit';
      readonly limit: LimitRecord['limit'];
      readonly effect: LimitRecord['effect'];
      readonly threshold: number;
      readonly observed: number;
      readonly ticketId: TicketId | null;
      readonly atMs: number;
    };

export interface Schedule {
  /** What the record chain must show, in chain order (a `start` is intake + redaction, an `end` the ticket's closing records). */
  readonly events: readonly ScheduledEvent[];
  /** Completion instant of each call of input ticket i, in order (the refused call included). */
  readonly calls: readonly (readonly number[])[];
  /** Instant of the last event: job_end's time. */
  readonly endMs: number;
}

type QueueEvent = { readonly kind: 'arrival'; readonly index: number } | { readonly kind: 'complete'; readonly index: number; readonly call: number } | { readonly kind: 'wake' };

export function simulateSchedule(input: ScheduleInput): Schedule {
  const { tickets, ratePerMinute: rate, maxConcurrency: cap, maxTicketsPerRun: maxTickets } = input;
  const queue = new EventHeap<QueueEvent>();
  tickets.forEach((_, index) => queue.push(input.startMs + arrivalOffset(input.arrival, index), { kind: 'arrival', index }));
  const events: ScheduledEvent[] = [];
  const calls: number[][] = tickets.map(() => []);
  const waiting: number[] = [];
  let head = 0;
  const starts: number[] = [];
  let startsHead = 0;
  const held = { max_concurrency: -1, rate_limit_per_minute: -1 };
  const threshold = cap ?? rate;
  let degraded = false;
  let inFlight = 0;
  let admitted = 0;
  let wakeAt: number | null = null;
  let now = input.startMs;

  const rateCount = (t: number): number => {
    while (startsHead < starts.length && starts[startsHead]! <= t - RATE_WINDOW_MS) startsHead++;
    return starts.length - startsHead;
  };
  const hold = (limit: 'max_concurrency' | 'rate_limit_per_minute', limitValue: number, observed: number): void => {
    // Waiting tickets are in arrival order, so the ones this limit has not held yet are a suffix.
    let first = waiting.length;
    while (first > head && waiting[first - 1]! > held[limit]) first--;
    for (let i = first; i < waiting.length; i++) {
      const index = waiting[i]!;
      held[limit] = index;
      events.push({ kind: 'limit', limit, effect: 'throttled', threshold: limitValue, observed, ticketId: tickets[index]!.ticketId, atMs: now });
    }
  };
  const tryStart = (): void => {
    while (head < waiting.length) {
      if (cap !== null && inFlight >= cap) return hold('max_concurrency', cap, inFlight);
      if (rate !== null && rateCount(now) >= rate) {
        hold('rate_limit_per_minute', rate, rateCount(now));
        const opening = starts[starts.length - rate]! + RATE_WINDOW_MS;
        if (wakeAt === null || wakeAt > opening) {
          wakeAt = opening;
          queue.push(opening, { kind: 'wake' });
        }
        if (!degraded && threshold !== null && waiting.length - head > threshold) {
          degraded = true;
          const limit = cap !== null ? 'max_concurrency' : 'rate_limit_per_minute';
          events.push({ kind: 'limit', limit, effect: 'degraded_classify_only', threshold, observed: waiting.length - head, ticketId: null, atMs: now });
        }
        return;
      }
      const index = waiting[head++]!;
      starts.push(now);
      inFlight++;
      const t = tickets[index]!;
      events.push({ kind: 'start', ticketId: t.ticketId, atMs: now });
      queue.push(now + t.latencyMs, { kind: 'complete', index, call: 1 });
    }
  };

  while (queue.size > 0) {
    now = queue.peekTime()!;
    while (queue.size > 0 && queue.peekTime() === now) {
      const event = queue.pop();
      if (event.kind === 'wake') {
        if (wakeAt === now) wakeAt = null;
      } else if (event.kind === 'arrival') {
        admitted++;
        const t = tickets[event.index]!;
        if (maxTickets !== null && admitted > maxTickets) {
          events.push({ kind: 'limit', limit: 'max_tickets_per_run', effect: 'ticket_skipped', threshold: maxTickets, observed: admitted, ticketId: t.ticketId, atMs: now });
        } else {
          waiting.push(event.index);
        }
      } else {
        const t = tickets[event.index]!;
        calls[event.index]!.push(now);
        if (event.call < t.completions) {
          queue.push(now + t.latencyMs, { kind: 'complete', index: event.index, call: event.call + 1 });
        } else {
          events.push({ kind: 'end', ticketId: t.ticketId, atMs: now });
          inFlight--;
        }
      }
    }
    tryStart();
  }
  return { events, calls, endMs: now };
}

/** Ticket `index` (from 0) arrives this many milliseconds after the start (half up, as Math.round). */
export function arrivalOffset(arrival: Arrival, index: number): number {
  return arrival.kind === 'backlog' ? 0 : Math.round((index * 60_000) / arrival.perMinute);
}

export function callLatency(latency: { readonly baseMs: number; readonly msPer100Chars: number }, viewChars: number): number {
  return latency.baseMs + Math.ceil(viewChars / 100) * latency.msPer100Chars;
}

/** Events by time, and at one time in the order they were pushed: a binary heap over (time, seq). */
class EventHeap<E> {
  readonly #items: { time: number; seq: number; event: E }[] = [];
  #seq = 0;

  get size(): number {
    return this.#items.length;
  }

  peekTime(): number | undefined {
    return this.#items[0]?.time;
  }

  push(time: number, event: E): void {
    const items = this.#items;
    items.push({ time, seq: this.#seq++, event });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): E {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.#before(l, m)) m = l;
        if (r < items.length && this.#before(r, m)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top.event;
  }

  #before(a: number, b: number): boolean {
    const x = this.#items[a]!;
    const y = this.#items[b]!;
    return x.time < y.time || (x.time === y.time && x.seq < y.seq);
  }
}
