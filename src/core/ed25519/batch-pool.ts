/**
 * The scheduling half of a signature-checking worker pool, independent of what a worker is
 * (Node's worker_threads in src/node, Web Workers in src/ui/workers): calls made in the same turn
 * of the event loop go out as one batch per worker, answers come back in order, one byte per call.
 *
 * It is a RAW backend like the others: `verifySignature` runs the strict pre-checks on the calling
 * thread before a call reaches it, so verdicts equal libsodium's (docs/FORMATS.md, Ed25519). A
 * worker that fails takes no verdict with it: its outstanding calls, and every call once no worker
 * is left, are answered by `fallback` on the calling thread, never `false` for a reason that has
 * nothing to do with the signature.
 */
import type { Ed25519Backend } from './backend.js';

/** One call as it travels to a worker: public key, message, signature. */
export type SignatureJob = readonly [Uint8Array, Uint8Array, Uint8Array];

/** What the pool needs of a worker. */
export interface PoolPort {
  /** Sends a batch; the worker answers with one byte per job (1 = valid), in order. */
  post(batch: readonly SignatureJob[]): void;
  /** Registers the answer handler and the failure handler (an error, or the worker exiting). */
  listen(onAnswer: (answers: Uint8Array) => void, onFailure: () => void): void;
  /** Outstanding work keeps the process alive (Node); a no-op elsewhere. */
  busy?(busy: boolean): void;
  terminate(): Promise<void> | void;
}

export interface BatchPoolOptions {
  readonly name: string;
  readonly ports: readonly PoolPort[];
  /** Answers a call on the calling thread (a raw backend, no pre-checks needed here). */
  readonly fallback: Ed25519Backend['verify'];
  /** Calls per message at most (a larger turn is split). */
  readonly maxBatch: number;
  /** Runs `flush` after the current turn: setImmediate in Node, a resolved promise or a message channel elsewhere. */
  readonly schedule: (flush: () => void) => void;
}

export interface Ed25519BatchPool extends Ed25519Backend {
  /** Workers in the pool. */
  readonly size: number;
  /** Stops the workers; calls in flight and later calls are answered by the fallback. */
  close(): Promise<void>;
  /** Calls answered so far by a worker and by the fallback on this thread (a pool that cannot start its workers still gives right verdicts: this tells). */
  answered(): { readonly byWorkers: number; readonly here: number };
}

interface Call {
  readonly job: SignatureJob;
  readonly resolve: (ok: boolean) => void;
}

interface Slot {
  readonly port: PoolPort;
  /** Batches sent and not yet answered, in the order sent. */
  readonly inFlight: Call[][];
  alive: boolean;
}

export function createBatchPool(options: BatchPoolOptions): Ed25519BatchPool {
  const { fallback, schedule } = options;
  const maxBatch = Math.max(1, Math.floor(options.maxBatch));
  let queue: Call[] = [];
  let flushScheduled = false;
  let closed = false;
  let next = 0;
  let byWorkers = 0;
  let here = 0;

  const answerHere = (calls: readonly Call[]) => {
    here += calls.length;
    for (const c of calls) void Promise.resolve(fallback(...c.job)).then((ok) => c.resolve(ok === true), () => c.resolve(false));
  };

  const slots: Slot[] = options.ports.map((port) => ({ port, inFlight: [], alive: true }));
  for (const slot of slots) {
    slot.port.listen(
      (answers) => {
        const batch = slot.inFlight.shift();
        if (batch === undefined) return;
        byWorkers += batch.length;
        batch.forEach((c, j) => c.resolve(answers[j] === 1));
        if (slot.inFlight.length === 0) slot.port.busy?.(false);
      },
      () => retire(slot),
    );
  }

  function retire(slot: Slot): void {
    if (!slot.alive) return;
    slot.alive = false;
    for (const batch of slot.inFlight.splice(0)) answerHere(batch);
  }

  // Round-robin over the live workers, preferring one with less outstanding work.
  function pick(): Slot | undefined {
    let best: Slot | undefined;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[(next + k) % slots.length];
      if (s === undefined || !s.alive) continue;
      if (best === undefined || s.inFlight.length < best.inFlight.length) best = s;
    }
    next = (next + 1) % Math.max(1, slots.length);
    return best;
  }

  function flush(): void {
    flushScheduled = false;
    const calls = queue;
    queue = [];
    for (let start = 0; start < calls.length; start += maxBatch) {
      const batch = calls.slice(start, start + maxBatch);
      const slot = closed ? undefined : pick();
      if (slot === undefined) {
        answerHere(batch);
        continue;
      }
      slot.inFlight.push(batch);
      slot.port.busy?.(true);
      try {
        slot.port.post(batch.map((c) => c.job));
      } catch {
        retire(slot); // a batch that cannot be sent is answered here
      }
    }
  }

  const verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      queue.push({ job: [publicKey, message, signature], resolve });
      if (!flushScheduled) {
        flushScheduled = true;
        schedule(flush);
      }
    });

  const close = async () => {
    if (closed) return;
    closed = true;
    for (const slot of slots) retire(slot);
    await Promise.all(slots.map((s) => s.port.terminate()));
  };

  return Object.freeze({ name: options.name, size: slots.length, verify, close, answered: () => ({ byWorkers, here }) });
}
