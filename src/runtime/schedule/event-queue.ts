/**
 * The discrete-event queue of a simulated run: events ordered by time, and events at the same
 * time by the order they were scheduled. That total order is what makes a run deterministic.
 */
export class EventQueue<E> {
  readonly #items: { time: number; seq: number; event: E }[] = [];
  #seq = 0;

  push(time: number, event: E): void {
    const item = { time, seq: this.#seq++, event };
    // Binary search for the insertion point: after every item that sorts before or equal.
    let lo = 0;
    let hi = this.#items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = this.#items[mid]!;
      if (m.time < time || (m.time === time && m.seq < item.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.#items.splice(lo, 0, item);
  }

  /** Time of the next event, or undefined when none is left. */
  peekTime(): number | undefined {
    return this.#items[0]?.time;
  }

  pop(): { time: number; event: E } | undefined {
    return this.#items.shift();
  }

  get size(): number {
    return this.#items.length;
  }
}
