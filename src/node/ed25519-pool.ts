/**
 * An Ed25519 backend that spreads signature checks over worker threads (node:crypto in each), so
 * a bundle's signatures are checked on every core while the main thread parses and hashes.
 *
 * It is a RAW backend like the others: `verifySignature` runs the strict pre-checks on the main
 * thread before any call reaches it, so its verdicts equal libsodium's (docs/FORMATS.md, Ed25519).
 * Calls made in the same turn of the event loop are sent as one batch per worker, which keeps the
 * message overhead per signature small. A worker that fails or exits takes no verdict with it:
 * its outstanding calls are checked on the main thread instead, never answered `false` for a
 * reason that has nothing to do with the signature.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Ed25519Backend } from '../core/ed25519/index.js';
import { nodeEd25519Verify } from './ed25519-node.js';

export interface Ed25519WorkerPool extends Ed25519Backend {
  /** Worker threads in the pool. */
  readonly size: number;
  /** Stops the workers; calls still in flight are answered on the main thread. */
  close(): Promise<void>;
}

export interface Ed25519WorkerPoolOptions {
  /** Worker threads; default: the cores Node reports, at least 1, at most 8. */
  readonly size?: number;
  /** Calls per message at most (a larger turn is split); default 512. */
  readonly maxBatch?: number;
}

interface Call {
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
  readonly resolve: (ok: boolean) => void;
}

interface PoolWorker {
  readonly thread: Worker;
  /** Batches sent and not yet answered, in order (a worker answers in order). */
  readonly inFlight: Call[][];
  alive: boolean;
}

/**
 * The worker's whole program (CommonJS, evaluated as a string so it runs the same from the
 * TypeScript sources under test and from the built package): verify each call of a batch with
 * node:crypto, answer with one byte per call. KeyObjects are cached: a bundle has a few keys.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createPublicKey, verify } = require('node:crypto');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const keys = new Map();
function keyFor(raw) {
  const id = Buffer.from(raw).toString('hex');
  let key = keys.get(id);
  if (key === undefined) {
    try { key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' }); }
    catch { key = null; }
    if (keys.size >= 256) keys.clear();
    keys.set(id, key);
  }
  return key;
}
parentPort.on('message', (batch) => {
  const out = new Uint8Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const [publicKey, message, signature] = batch[i];
    try {
      const key = publicKey.length === 32 && signature.length === 64 ? keyFor(publicKey) : null;
      out[i] = key !== null && verify(null, message, key, signature) ? 1 : 0;
    } catch { out[i] = 0; }
  }
  parentPort.postMessage(out, [out.buffer]);
});
`;

const DEFAULT_MAX_BATCH = 512;

export function createEd25519WorkerPool(options: Ed25519WorkerPoolOptions = {}): Ed25519WorkerPool {
  const size = Math.max(1, Math.min(8, Math.floor(options.size ?? availableParallelism())));
  const maxBatch = Math.max(1, Math.floor(options.maxBatch ?? DEFAULT_MAX_BATCH));
  const workers: PoolWorker[] = [];
  let queue: Call[] = [];
  let flushScheduled = false;
  let closed = false;
  let next = 0;

  const answerHere = (calls: readonly Call[]) => {
    for (const c of calls) c.resolve(nodeEd25519Verify(c.publicKey, c.message, c.signature));
  };

  const retire = (worker: PoolWorker) => {
    if (!worker.alive) return;
    worker.alive = false;
    for (const batch of worker.inFlight.splice(0)) answerHere(batch);
  };

  for (let i = 0; i < size; i++) {
    const thread = new Worker(WORKER_SOURCE, { eval: true });
    thread.unref(); // an idle pool never keeps the process alive
    const worker: PoolWorker = { thread, inFlight: [], alive: true };
    thread.on('message', (answers: Uint8Array) => {
      const batch = worker.inFlight.shift();
      if (batch === undefined) return;
      batch.forEach((c, j) => c.resolve(answers[j] === 1));
      if (worker.inFlight.length === 0) thread.unref();
    });
    thread.on('error', () => retire(worker));
    thread.on('exit', () => retire(worker));
    workers.push(worker);
  }

  const flush = () => {
    flushScheduled = false;
    const calls = queue;
    queue = [];
    for (let start = 0; start < calls.length; start += maxBatch) {
      const batch = calls.slice(start, start + maxBatch);
      const worker = pickWorker();
      if (worker === undefined) {
        answerHere(batch);
        continue;
      }
      worker.inFlight.push(batch);
      worker.thread.ref(); // outstanding work keeps the process alive until it is answered
      worker.thread.postMessage(batch.map((c) => [c.publicKey, c.message, c.signature]));
    }
  };

  // Round-robin over the live workers, preferring one with less outstanding work.
  const pickWorker = (): PoolWorker | undefined => {
    let best: PoolWorker | undefined;
    for (let k = 0; k < workers.length; k++) {
      const w = workers[(next + k) % workers.length];
      if (w === undefined || !w.alive) continue;
      if (best === undefined || w.inFlight.length < best.inFlight.length) best = w;
    }
    next = (next + 1) % Math.max(1, workers.length);
    return best;
  };

  const verify = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> =>
    new Promise<boolean>((resolve) => {
      if (closed) {
        resolve(nodeEd25519Verify(publicKey, message, signature));
        return;
      }
      queue.push({ publicKey, message, signature, resolve });
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    });

  const close = async () => {
    if (closed) return;
    closed = true;
    flush();
    await Promise.all(
      workers.map(async (w) => {
        retire(w);
        await w.thread.terminate();
      }),
    );
  };

  return Object.freeze({ name: `node-pool-${size}`, size, verify, close });
}
