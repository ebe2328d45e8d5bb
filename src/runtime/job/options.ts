/** The options of runJob, checked at the boundary before any service is built. */
import { canonicalJson } from '../../core/canonical.js';
import { isClawproofError } from '../../core/errors.js';
import type { ApprovalMode } from '../approvals.js';
import { parseTimestamp } from '../clock.js';
import { runtimeError } from '../errors.js';
import type { Keyring } from '../keys/keyring.js';
import { DEFAULT_ARRIVAL, DEFAULT_LATENCY, checkArrival, checkLatency, type Arrival, type ModelLatency } from '../schedule/options.js';
import type { ClassifierModel } from '../services/model.js';
import type { Ticket } from '../tickets/types.js';
import type { InputSkippedOption } from './input-skipped.js';

export interface RunProgress {
  /** Tickets finished (classified or not) so far. */
  readonly done: number;
  readonly skipped: number;
  readonly total: number;
  readonly ticketId: number;
  /** Simulated time of the event. */
  readonly at: string;
}

export interface RunJobOptions {
  /** The WPC document (parsed JSON). */
  readonly wpc: unknown;
  /** Tickets in arrival order. */
  readonly tickets: readonly Ticket[];
  readonly model: ClassifierModel;
  readonly keyring: Keyring;
  /** A safe integer >= 0; with the same inputs and start, the same seed gives the same bundle. */
  readonly seed: number;
  /** RFC 3339 UTC start of the simulated clock. */
  readonly start: string;
  /** Default 'none': nothing is approved unless the caller says so. */
  readonly approvals?: ApprovalMode;
  readonly arrival?: Arrival;
  readonly latency?: ModelLatency;
  /** CST scopes to request; default: the least the WPC needs (services/scopes.ts). */
  readonly scopes?: readonly string[];
  readonly cstTtlSeconds?: number;
  /** What of the input the import could not use, recorded in job_start (default: nothing). */
  readonly inputSkipped?: InputSkippedOption;
  readonly onProgress?: (progress: RunProgress) => void;
}

export interface CheckedOptions {
  readonly startMs: number;
  readonly seed: number;
  readonly approvals: ApprovalMode;
  readonly arrival: Arrival;
  readonly latency: ModelLatency;
}

/** Most tickets one run takes: far above max_tickets_per_run of any sensible WPC. */
export const MAX_TICKETS = 100_000;

export function checkOptions(options: RunJobOptions): CheckedOptions {
  const { seed, tickets, model, approvals = 'none' } = options;
  if (!Number.isSafeInteger(seed) || seed < 0) throw runtimeError('RUN_INPUT_INVALID', `seed must be a whole number >= 0, got ${String(seed)}`);
  if (typeof options.start !== 'string') throw runtimeError('RUN_INPUT_INVALID', 'start must be an RFC 3339 UTC timestamp');
  const startMs = parseTimestamp(options.start, 'start');
  if (typeof model?.id !== 'string' || model.id === '' || typeof model.classify !== 'function') {
    throw runtimeError('RUN_INPUT_INVALID', 'model must have a non-empty id and a classify function');
  }
  if (!(approvals === 'auto' || approvals === 'none' || typeof (approvals as { decide?: unknown })?.decide === 'function')) {
    throw runtimeError('RUN_INPUT_INVALID', 'approvals must be "auto", "none" or { decide }');
  }
  checkTickets(tickets);
  return {
    startMs,
    seed,
    approvals,
    arrival: checkArrival(options.arrival ?? DEFAULT_ARRIVAL),
    latency: checkLatency(options.latency ?? DEFAULT_LATENCY),
  };
}

function checkTickets(tickets: readonly Ticket[]): void {
  if (!Array.isArray(tickets) || tickets.length === 0) throw runtimeError('TICKETS_INVALID', 'a run needs at least one ticket');
  if (tickets.length > MAX_TICKETS) throw runtimeError('TICKETS_INVALID', `a run takes at most ${MAX_TICKETS} tickets, got ${tickets.length}`);
  const seen = new Set<number>();
  tickets.forEach((ticket, i) => {
    const id = (ticket as { id?: unknown } | null)?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
      throw runtimeError('TICKETS_INVALID', `ticket ${i} has no positive integer id`, { pointer: `/${i}/id` });
    }
    if (seen.has(id)) throw runtimeError('TICKETS_INVALID', `ticket id ${id} appears twice (ticket ${i})`, { pointer: `/${i}/id` });
    seen.add(id);
    try {
      canonicalJson(ticket);
    } catch (cause) {
      const where = isClawproofError(cause) && cause.pointer !== undefined ? ` at ${cause.pointer}` : '';
      throw runtimeError('TICKETS_INVALID', `ticket ${id} is not plain JSON data${where}`, { pointer: `/${i}`, cause });
    }
  });
}
