/**
 * The browser's signature pool: Web Workers (signature-worker.ts) sized from
 * navigator.hardwareConcurrency, one fewer than the cores because the verify worker that uses
 * the pool keeps one busy parsing and checking; at least one, at most eight. Scheduling is core's
 * batch pool (same pre-checks, same verdicts, answers on this thread if a worker fails).
 */
import { createBatchPool, type Ed25519BatchPool, type PoolPort } from '../../core/ed25519/batch-pool.js';
import { defaultEd25519Backend } from '../../core/ed25519/index.js';
import { nextTurn } from '../../verify/next-turn.js';

const MAX_BATCH = 256;

export function signaturePoolSize(hardwareConcurrency: number | undefined): number {
  const cores = typeof hardwareConcurrency === 'number' && Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency) : 2;
  return Math.max(1, Math.min(8, cores - 1));
}

function webWorkerPort(index: number): PoolPort {
  const worker = new Worker(new URL('./signature-worker.ts', import.meta.url), { type: 'module', name: `clawproof-signatures-${index}` });
  return {
    post: (batch) => worker.postMessage(batch),
    listen(onAnswer, onFailure) {
      worker.addEventListener('message', (event: MessageEvent<Uint8Array>) => onAnswer(event.data));
      worker.addEventListener('error', onFailure);
      worker.addEventListener('messageerror', onFailure);
    },
    terminate: () => worker.terminate(),
  };
}

export function createSignaturePool(size = signaturePoolSize(navigator.hardwareConcurrency)): Ed25519BatchPool {
  return createBatchPool({
    name: `web-worker-pool-${size}`,
    ports: Array.from({ length: size }, (_, i) => webWorkerPort(i)),
    fallback: async (publicKey, message, signature) => (await defaultEd25519Backend()).verify(publicKey, message, signature),
    maxBatch: MAX_BATCH,
    // After the current turn: every call the verifier starts together goes out in one batch.
    schedule: (flush) => void nextTurn().then(flush),
  });
}
