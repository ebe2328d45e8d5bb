/**
 * Time for the runtime. Every service reads time from an injected Clock, never from Date.now(),
 * so a run is a pure function of its inputs, and tests can put a CST past its expiry exactly.
 */
import { MAX_TIMESTAMP_MS, MIN_TIMESTAMP_MS, formatUtcTimestamp, parseUtcTimestamp } from '../core/time.js';
import type { Timestamp } from '../core/bundle/types.js';
import { runtimeError } from './errors.js';

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that moves only when told to: the default of every run (deterministic). */
export class SimulatedClock implements Clock {
  #now: number;

  constructor(startMs: number) {
    checkInstant(startMs, 'start');
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Moves to `ms`; time never runs backwards (a record chain must read in time order). */
  advanceTo(ms: number): void {
    checkInstant(ms, 'time');
    if (ms < this.#now) {
      throw runtimeError('RUN_INPUT_INVALID', `the simulated clock cannot go back from ${formatTimestamp(this.#now)} to ${formatTimestamp(ms)}`);
    }
    this.#now = ms;
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.#now + ms);
  }
}

/** Years 0000-9999 only: what RFC 3339 writes in the four-digit form. */
function checkInstant(ms: number, what: string): void {
  if (!Number.isSafeInteger(ms) || ms < MIN_TIMESTAMP_MS || ms > MAX_TIMESTAMP_MS) {
    throw runtimeError('RUN_INPUT_INVALID', `${what} must be a whole number of milliseconds within years 0000-9999, got ${String(ms)}`);
  }
}

/** RFC 3339 UTC with milliseconds (`2026-01-05T09:00:00.000Z`): the Timestamp of every payload. */
export function formatTimestamp(ms: number): Timestamp {
  checkInstant(ms, 'time');
  return formatUtcTimestamp(ms)!;
}

/** Milliseconds of an RFC 3339 UTC timestamp (`...Z`, at most millisecond precision). */
export function parseTimestamp(text: string, what = 'timestamp'): number {
  const ms = parseUtcTimestamp(text);
  if (ms === undefined) {
    throw runtimeError(
      'RUN_INPUT_INVALID',
      `${what} ${JSON.stringify(text)} is not an RFC 3339 UTC timestamp like 2026-01-05T09:00:00Z`,
    );
  }
  checkInstant(ms, what);
  return ms;
}

/** NumericDate (RFC 7519 sec 2): whole seconds since the epoch, rounded down. */
export function numericDate(ms: number): number {
  return Math.floor(ms / 1000);
}
