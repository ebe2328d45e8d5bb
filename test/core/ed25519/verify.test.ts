import { describe, expect, it, vi } from 'vitest';
import { concatBytes, hexDecode, utf8Encode } from '../../../src/core/bytes.js';
import type { Ed25519Backend } from '../../../src/core/ed25519/backend.js';
import { keyPairFromSeed, sign } from '../../../src/core/ed25519/keys.js';
import { SMALL_ORDER_BLOCKLIST } from '../../../src/core/ed25519/precheck.js';
import { verifySignature, verifySignatureSync } from '../../../src/core/ed25519/verify.js';

const { publicKey, secretKey } = keyPairFromSeed(new Uint8Array(32).fill(11));
const message = utf8Encode('verify me');
const signature = sign(secretKey, message);

function spyBackend(answer: () => boolean | Promise<boolean>): Ed25519Backend & { calls: Uint8Array[][] } {
  const calls: Uint8Array[][] = [];
  return {
    name: 'spy',
    calls,
    verify(pk, m, sig) {
      calls.push([pk, m, sig]);
      return answer();
    },
  };
}

describe('verifySignature', () => {
  it('accepts a good signature and rejects a tampered message', async () => {
    expect(await verifySignature(publicKey, message, signature)).toBe(true);
    expect(await verifySignature(publicKey, utf8Encode('verify you'), signature)).toBe(false);
  });

  it('returns false, never throws, for arguments of the wrong type', async () => {
    const junk: unknown[] = [undefined, null, 0, 'ab', [1, 2], {}, new ArrayBuffer(32), new Uint16Array(16), new DataView(new ArrayBuffer(32))];
    for (const bad of junk) {
      const b = bad as Uint8Array;
      await expect(verifySignature(b, message, signature)).resolves.toBe(false);
      await expect(verifySignature(publicKey, b, signature)).resolves.toBe(false);
      await expect(verifySignature(publicKey, message, b)).resolves.toBe(false);
      expect(verifySignatureSync(b, message, signature)).toBe(false);
      expect(verifySignatureSync(publicKey, b, signature)).toBe(false);
      expect(verifySignatureSync(publicKey, message, b)).toBe(false);
    }
  });

  it('returns false for an unknown backend name or a malformed backend option', async () => {
    await expect(verifySignature(publicKey, message, signature, { backend: 'nope' })).resolves.toBe(false);
    await expect(verifySignature(publicKey, message, signature, { backend: {} as Ed25519Backend })).resolves.toBe(false);
    await expect(verifySignature(publicKey, message, signature, null as never)).resolves.toBe(true);
  });

  it('returns false when a backend throws, rejects, or answers with something other than true', async () => {
    const answers: (() => boolean | Promise<boolean>)[] = [
      () => {
        throw new Error('boom');
      },
      () => Promise.reject(new Error('boom')),
      () => 'yes' as unknown as boolean,
      () => Promise.resolve(1 as unknown as boolean),
    ];
    for (const answer of answers) {
      await expect(verifySignature(publicKey, message, signature, { backend: spyBackend(answer) })).resolves.toBe(false);
    }
  });

  it('runs the pre-checks before any backend: a small-order key never reaches it', async () => {
    const backend = spyBackend(() => true);
    const smallKey = hexDecode(SMALL_ORDER_BLOCKLIST[2] ?? '');
    expect(await verifySignature(smallKey, message, signature, { backend })).toBe(false);
    expect(await verifySignature(publicKey, message, concatBytes(smallKey, signature.subarray(32)), { backend })).toBe(false);
    expect(backend.calls).toHaveLength(0);
    expect(await verifySignature(publicKey, message, signature, { backend })).toBe(true);
    expect(backend.calls).toHaveLength(1);
  });

  it('hands the backend copies of key and signature, so later changes by the caller cannot slip past the pre-checks', async () => {
    let release: (v: boolean) => void = () => undefined;
    const backend = spyBackend(() => new Promise<boolean>((resolve) => (release = resolve)));
    const key = publicKey.slice();
    const sig = signature.slice();
    const pending = verifySignature(key, message, sig, { backend });
    await vi.waitFor(() => expect(backend.calls).toHaveLength(1));
    key.fill(0);
    sig.fill(0);
    expect(backend.calls[0]?.[0]).toEqual(publicKey);
    expect(backend.calls[0]?.[2]).toEqual(signature);
    release(true);
    expect(await pending).toBe(true);
  });
});

describe('verifySignatureSync', () => {
  it('accepts a good signature and rejects one with a flipped bit', () => {
    expect(verifySignatureSync(publicKey, message, signature)).toBe(true);
    const bad = signature.slice();
    bad[5] = (bad[5] ?? 0) ^ 0x10;
    expect(verifySignatureSync(publicKey, message, bad)).toBe(false);
  });
});
