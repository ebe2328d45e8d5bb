/**
 * Work started as it is found (signature checks while a v2 file is still being read), with at
 * most `limit` calls outstanding: `start` waits for room before it starts another, so a backend
 * slower than the reader holds back the reading instead of queueing every signature of the file.
 * Results keep the order calls were started in.
 */
export class InFlight<R> {
  readonly #limit: number;
  readonly #results: Promise<R>[] = [];
  #outstanding = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('InFlight needs a limit of at least 1');
    this.#limit = limit;
  }

  /** Calls started so far (the index the next one gets). */
  get started(): number {
    return this.#results.length;
  }

  /** Starts `call` once fewer than `limit` are outstanding. */
  async start(call: () => Promise<R>): Promise<void> {
    while (this.#outstanding >= this.#limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#outstanding++;
    const result = call().finally(() => {
      this.#outstanding--;
      this.#waiting.shift()?.();
    });
    // A failure is the caller's to see in `all()`; until then it is not an unhandled rejection.
    result.catch(() => undefined);
    this.#results.push(result);
  }

  /** Every result, in the order started; rejects with the first failure. */
  all(): Promise<R[]> {
    return Promise.all(this.#results);
  }
}
