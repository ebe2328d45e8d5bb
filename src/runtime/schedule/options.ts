/**
 * The schedule of a simulated run: when tickets arrive, and how long a model call takes. Both are
 * pure functions of the options, so a run never depends on the speed of the machine running it.
 */
import type { JobLimits } from '../../core/bundle/types.js';
import { runtimeError } from '../errors.js';

/** backlog: every ticket is waiting at the start. steady: one ticket every 60/perMinute seconds. */
export type Arrival = { readonly kind: 'backlog' } | { readonly kind: 'steady'; readonly perMinute: number };

/** A model call takes baseMs plus msPer100Chars for every 100 characters of the view (rounded up). */
export interface ModelLatency {
  readonly baseMs: number;
  readonly msPer100Chars: number;
}

export const DEFAULT_ARRIVAL: Arrival = { kind: 'backlog' };
export const DEFAULT_LATENCY: ModelLatency = { baseMs: 800, msPer100Chars: 20 };
const MAX_PER_MINUTE = 60_000;
const MAX_LATENCY_MS = 600_000;

export function checkArrival(arrival: Arrival): Arrival {
  if (arrival?.kind === 'backlog') return { kind: 'backlog' };
  if (arrival?.kind === 'steady') {
    const r = arrival.perMinute;
    if (typeof r === 'number' && Number.isFinite(r) && r > 0 && r <= MAX_PER_MINUTE) return { kind: 'steady', perMinute: r };
    throw runtimeError('RUN_INPUT_INVALID', `a steady arrival rate must be more than 0 and at most ${MAX_PER_MINUTE} tickets per minute, got ${String(r)}`);
  }
  throw runtimeError('RUN_INPUT_INVALID', 'arrival must be { kind: "backlog" } or { kind: "steady", perMinute }');
}

export function checkLatency(latency: ModelLatency): ModelLatency {
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_LATENCY_MS;
  if (!ok(latency?.baseMs) || !ok(latency.msPer100Chars)) {
    throw runtimeError('RUN_INPUT_INVALID', `model latency needs whole baseMs and msPer100Chars from 0 to ${MAX_LATENCY_MS}`);
  }
  return { baseMs: latency.baseMs, msPer100Chars: latency.msPer100Chars };
}

/** Milliseconds after the start at which ticket `index` (0-based) arrives. */
export function arrivalOffset(arrival: Arrival, index: number): number {
  return arrival.kind === 'backlog' ? 0 : Math.round((index * 60_000) / arrival.perMinute);
}

export function callLatency(latency: ModelLatency, viewChars: number): number {
  return latency.baseMs + Math.ceil(viewChars / 100) * latency.msPer100Chars;
}

export function arrivalJson(arrival: Arrival): JobLimits['arrival'] {
  return arrival.kind === 'backlog' ? { kind: 'backlog' } : { kind: 'steady', per_minute: arrival.perMinute };
}

export function latencyJson(latency: ModelLatency): JobLimits['model_latency'] {
  return { base_ms: latency.baseMs, ms_per_100_chars: latency.msPer100Chars };
}
