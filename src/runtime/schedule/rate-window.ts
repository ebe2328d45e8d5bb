/**
 * rate_limit_per_minute: at most `perMinute` ticket starts in any 60-second window. A start at
 * time s counts against every instant in [s, s + 60 s): a half-open window, so a start exactly
 * 60 s later is allowed again.
 */
export const RATE_WINDOW_MS = 60_000;

export class RateWindow {
  readonly #starts: number[] = [];

  constructor(readonly perMinute: number) {}

  /** Starts counted at instant `now`. */
  countAt(now: number): number {
    this.#prune(now);
    return this.#starts.length;
  }

  canStart(now: number): boolean {
    return this.countAt(now) < this.perMinute;
  }

  /** The first instant a start is allowed again (only meaningful when canStart(now) is false). */
  nextOpening(now: number): number {
    this.#prune(now);
    const oldest = this.#starts[this.#starts.length - this.perMinute];
    return oldest === undefined ? now : oldest + RATE_WINDOW_MS;
  }

  record(now: number): void {
    this.#starts.push(now);
  }

  #prune(now: number): void {
    while (this.#starts.length > 0 && this.#starts[0]! <= now - RATE_WINDOW_MS) this.#starts.shift();
  }
}
