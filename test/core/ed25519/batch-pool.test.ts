// src/core/ed25519/batch-pool.ts: batches per turn, answers in order, the fallback when a worker fails.
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../src/core/bytes.js';
import { createBatchPool, type PoolPort, type SignatureJob } from '../../../src/core/ed25519/batch-pool.js';
import { keyPairFromSeed, sign } from '../../../src/core/ed25519/keys.js';
import { nobleEd25519Backend } from '../../../src/core/ed25519/index.js';

const pair = keyPairFromSeed(new Uint8Array(32).fill(9));
const items = Array.from({ length: 40 }, (_, i) => {
  const message = utf8Encode(`m${i}`);
  return { message, signature: sign(pair.secretKey, message) };
});
/** Every fourth call carries the wrong message: its verdict is false. */
const calls = items.map((item, i): SignatureJob => [pair.publicKey, i % 4 === 0 ? utf8Encode('other') : item.message, item.signature]);
const expected = items.map((_, i) => i % 4 !== 0);

interface TestPort extends PoolPort {
  readonly batches: number[];
  fail(): void;
}

/** A worker on this thread that answers after a timer; `failAfter` batches it stops and reports failure. */
function port(options: { failOnBatch?: number; postThrows?: boolean } = {}): TestPort {
  let answer: (a: Uint8Array) => void = () => undefined;
  let failure: () => void = () => undefined;
  const batches: number[] = [];
  return {
    batches,
    fail: () => failure(),
    post(batch) {
      if (options.postThrows === true) throw new Error('cannot send');
      batches.push(batch.length);
      if (options.failOnBatch === batches.length) {
        setTimeout(() => failure(), 1);
        return;
      }
      const out = Uint8Array.from(batch, (job) => (nobleEd25519Backend.verify(...job) === true ? 1 : 0));
      setTimeout(() => answer(out), 1);
    },
    listen(onAnswer, onFailure) {
      answer = onAnswer;
      failure = onFailure;
    },
    terminate: () => undefined,
  };
}

let fallbackCalls = 0;
function poolOf(ports: PoolPort[], maxBatch = 8) {
  return createBatchPool({
    name: 'test-pool',
    ports,
    fallback: (...job) => {
      fallbackCalls++;
      return nobleEd25519Backend.verify(...job);
    },
    maxBatch,
    schedule: (flush) => setTimeout(flush, 0),
  });
}

describe('the batch pool', () => {
  it('sends the calls of one turn in batches of at most maxBatch, spread over the workers, and answers each in order', async () => {
    const a = port();
    const b = port();
    const pool = poolOf([a, b], 8);
    fallbackCalls = 0;
    expect(await Promise.all(calls.map((c) => pool.verify(...c)))).toEqual(expected);
    expect([...a.batches, ...b.batches].sort()).toEqual([8, 8, 8, 8, 8]);
    expect(a.batches.length).toBeGreaterThan(0);
    expect(b.batches.length).toBeGreaterThan(0);
    expect(fallbackCalls).toBe(0);
    expect(pool.answered()).toEqual({ byWorkers: calls.length, here: 0 });
  });

  it('answers the calls of a worker that fails on the calling thread, and sends no more to it', async () => {
    const failing = port({ failOnBatch: 1 });
    const healthy = port();
    const pool = poolOf([failing, healthy], 8);
    fallbackCalls = 0;
    expect(await Promise.all(calls.map((c) => pool.verify(...c)))).toEqual(expected);
    // Every batch it held when it failed (all sent in the same turn) is answered here.
    const sentToFailing = failing.batches.length;
    expect(sentToFailing).toBeGreaterThan(0);
    expect(fallbackCalls).toBe(8 * sentToFailing);
    expect(await Promise.all(calls.slice(0, 16).map((c) => pool.verify(...c)))).toEqual(expected.slice(0, 16));
    expect(failing.batches).toHaveLength(sentToFailing);
    expect(fallbackCalls).toBe(8 * sentToFailing);
  });

  it('answers everything on the calling thread when no batch can be sent', async () => {
    const pool = poolOf([port({ postThrows: true })]);
    fallbackCalls = 0;
    expect(await Promise.all(calls.map((c) => pool.verify(...c)))).toEqual(expected);
    expect(fallbackCalls).toBe(calls.length);
  });

  it('answers calls in flight when closed, and calls after closing, with the right verdicts', async () => {
    const pool = poolOf([port()]);
    const inFlight = calls.map((c) => pool.verify(...c));
    await pool.close();
    expect(await Promise.all(inFlight)).toEqual(expected);
    expect(await Promise.all(calls.map((c) => pool.verify(...c)))).toEqual(expected);
  });
});
