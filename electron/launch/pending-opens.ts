/**
 * Files to hand to the page, held until it is listening. The OS can open a file before the window
 * exists (macOS `open-file` fires before `ready`; a double-click starts the app with the file on
 * its command line) or while the page reloads; those files are delivered, in order, as soon as the
 * page subscribes with `onOpenFile`.
 */
export class PendingOpens {
  readonly #deliver: (path: string) => void;
  readonly #limit: number;
  #queue: string[] = [];
  #ready = false;

  constructor(deliver: (path: string) => void, limit = 32) {
    this.#deliver = deliver;
    this.#limit = limit;
  }

  get size(): number {
    return this.#queue.length;
  }

  add(path: string): void {
    if (this.#ready) {
      this.#deliver(path);
      return;
    }
    this.#queue.push(path);
    // Bounded: a flood of open requests while nobody listens keeps only the latest ones.
    if (this.#queue.length > this.#limit) this.#queue.shift();
  }

  /** The page subscribed: deliver what was held, then deliver at once from now on. */
  markReady(): void {
    this.#ready = true;
    const held = this.#queue;
    this.#queue = [];
    for (const path of held) this.#deliver(path);
  }

  /** The page is going away (navigation, reload, crash): hold files until it subscribes again. */
  markNotReady(): void {
    this.#ready = false;
  }
}
