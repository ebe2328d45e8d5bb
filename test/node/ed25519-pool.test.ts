// src/node/ed25519-pool.ts: signature checks on worker threads, batched per turn of the event loop.
import { afterEach, describe, expect, it } from 'vitest';
import { hexDecode, utf8Encode } from '../../src/core/bytes.js';
import { keyPairFromSeed, sign } from '../../src/core/ed25519/keys.js';
import { verifySignature } from '../../src/core/ed25519/index.js';
import { createEd25519WorkerPool, type Ed25519WorkerPool } from '../../src/node/ed25519-pool.js';
import { generatedCases, type VerdictCase } from '../core/ed25519/cases.js';
import { libsodiumVerdicts } from '../core/ed25519/libsodium.js';
import { vectorCases } from '../core/ed25519/vectors.js';

const pools: Ed25519WorkerPool[] = [];
function pool(options?: Parameters<typeof createEd25519WorkerPool>[0]): Ed25519WorkerPool {
  const p = createEd25519WorkerPool(options);
  pools.push(p);
  return p;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

const pair = keyPairFromSeed(new Uint8Array(32).fill(7));
function signed(n: number): { message: Uint8Array; signature: Uint8Array }[] {
  return Array.from({ length: n }, (_, i) => {
    const message = utf8Encode(`message ${i}`);
    return { message, signature: sign(pair.secretKey, message) };
  });
}

describe('the Ed25519 worker pool', () => {
  it("gives libsodium's verdict on every vector and edge case when all are in flight at once", async () => {
    const cases: readonly VerdictCase[] = [...vectorCases(), ...generatedCases()];
    const reference = await libsodiumVerdicts(cases);
    const p = pool({ size: 2, maxBatch: 64 });
    const verdicts = await Promise.all(
      cases.map((c) => verifySignature(hexDecode(c.publicKey), hexDecode(c.message), hexDecode(c.signature), { backend: p })),
    );
    const wrong = cases.flatMap((c, i) => (verdicts[i] === reference[i] ? [] : [c.id]));
    expect(wrong).toEqual([]);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });

  it('answers each call of a batch with its own verdict, in order, across batch splits', async () => {
    const p = pool({ size: 2, maxBatch: 7 });
    const items = signed(50);
    // Every third signature is checked against the wrong message.
    const verdicts = await Promise.all(
      items.map((item, i) => p.verify(pair.publicKey, i % 3 === 0 ? utf8Encode('other') : item.message, item.signature)),
    );
    expect(verdicts).toEqual(items.map((_, i) => i % 3 !== 0));
  });

  it('answers calls still in flight when it is closed, and calls made after, on the main thread', async () => {
    const p = pool({ size: 1 });
    const items = signed(20);
    const inFlight = items.map((item) => p.verify(pair.publicKey, item.message, item.signature));
    await p.close();
    expect(await Promise.all(inFlight)).toEqual(items.map(() => true));
    const [first] = items;
    if (first === undefined) throw new Error('no items');
    expect(await p.verify(pair.publicKey, first.message, first.signature)).toBe(true);
    expect(await p.verify(pair.publicKey, utf8Encode('x'), first.signature)).toBe(false);
  });

  it('sizes itself from the cores and stays within 1..8 threads', () => {
    expect(pool({ size: 0 }).size).toBe(1);
    expect(pool({ size: 64 }).size).toBe(8);
    expect(pool().size).toBeGreaterThanOrEqual(1);
  });
});
