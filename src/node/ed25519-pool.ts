/**
 * Signature checks on worker threads (node:crypto in each), so a bundle's signatures are checked
 * on every core while the main thread parses and hashes. The scheduling (batches per turn, order,
 * answering on this thread when a worker fails) is core's batch pool; this file is the Node side:
 * the threads and the program they run.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createBatchPool, type Ed25519BatchPool, type PoolPort } from '../core/ed25519/batch-pool.js';
import { nodeEd25519Verify } from './ed25519-node.js';

export type Ed25519WorkerPool = Ed25519BatchPool;

export interface Ed25519WorkerPoolOptions {
  /** Worker threads; default: the cores Node reports, at least 1, at most 8. */
  readonly size?: number;
  /** Calls per message at most (a larger turn is split); default 512. */
  readonly maxBatch?: number;
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

function threadPort(): PoolPort {
  const thread = new Worker(WORKER_SOURCE, { eval: true });
  thread.unref(); // an idle pool never keeps the process alive
  return {
    post: (batch) => thread.postMessage(batch),
    listen(onAnswer, onFailure) {
      thread.on('message', onAnswer);
      thread.on('error', onFailure);
      thread.on('exit', onFailure);
    },
    busy: (busy) => (busy ? thread.ref() : thread.unref()),
    terminate: async () => {
      await thread.terminate();
    },
  };
}

export function createEd25519WorkerPool(options: Ed25519WorkerPoolOptions = {}): Ed25519WorkerPool {
  const size = Math.max(1, Math.min(8, Math.floor(options.size ?? availableParallelism())));
  return createBatchPool({
    name: `node-pool-${size}`,
    ports: Array.from({ length: size }, threadPort),
    fallback: nodeEd25519Verify,
    maxBatch: options.maxBatch ?? DEFAULT_MAX_BATCH,
    schedule: (flush) => setImmediate(flush),
  });
}
