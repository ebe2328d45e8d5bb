import { afterEach, describe, expect, it } from 'vitest';
import { hexDecode, hexEncode } from '../../../src/core/bytes.js';
import { sign } from '../../../src/core/ed25519/keys.js';
import { ed25519Signer, nobleEd25519Signer, useEd25519Signer, type Ed25519Signer } from '../../../src/core/ed25519/signer.js';
import { isClawproofError } from '../../../src/core/errors.js';
import { rfc8032Vectors } from './vectors.js';

afterEach(() => useEd25519Signer(null));

function refusal(signer: unknown): string | undefined {
  try {
    useEd25519Signer(signer as Ed25519Signer);
  } catch (e) {
    return isClawproofError(e) ? `${e.code}: ${e.message}` : 'NOT_A_CLAWPROOF_ERROR';
  }
  return undefined;
}

describe('the Ed25519 signer', () => {
  it('is noble until a host installs another, and null puts noble back', () => {
    expect(ed25519Signer()).toBe(nobleEd25519Signer);
    const copy: Ed25519Signer = { name: 'copy', sign: (seed, message) => nobleEd25519Signer.sign(seed, message) };
    useEd25519Signer(copy);
    expect(ed25519Signer()).toBe(copy);
    useEd25519Signer(null);
    expect(ed25519Signer()).toBe(nobleEd25519Signer);
  });

  it('is what sign() calls once installed', () => {
    const calls: number[] = [];
    useEd25519Signer({ name: 'counting', sign: (seed, message) => (calls.push(message.length), nobleEd25519Signer.sign(seed, message)) });
    calls.length = 0; // the self-test's calls
    const v = rfc8032Vectors()[3]!;
    expect(hexEncode(sign(hexDecode(v.secret_key_hex), hexDecode(v.message_hex)))).toBe(v.signature_hex);
    expect(calls).toEqual([v.message_hex.length / 2]);
  });

  it('refuses a signer that gets one RFC 8032 test vector wrong, and keeps the one before', () => {
    const flipped: Ed25519Signer = {
      name: 'flips-a-bit-of-TEST-3',
      sign: (seed, message) => {
        const out = nobleEd25519Signer.sign(seed, message);
        if (message.length === 2) out[63]! ^= 1;
        return out;
      },
    };
    expect(refusal(flipped)).toBe('INPUT_INVALID: the Ed25519 signer "flips-a-bit-of-TEST-3" does not reproduce RFC 8032\'s test vectors; it is not used');
    expect(ed25519Signer()).toBe(nobleEd25519Signer);
  });

  it('refuses a signer that throws, returns the wrong length or is not a signer', () => {
    expect(refusal({ name: 'throws', sign: () => { throw new Error('no'); } })).toMatch(/^INPUT_INVALID: .*"throws" does not reproduce/);
    expect(refusal({ name: 'short', sign: () => new Uint8Array(63) })).toMatch(/^INPUT_INVALID: .*"short"/);
    expect(refusal({ name: '', sign: () => new Uint8Array(64) })).toMatch(/^INPUT_INVALID: an Ed25519 signer needs/);
    expect(refusal({ name: 'no-sign' })).toMatch(/^INPUT_INVALID: an Ed25519 signer needs/);
    expect(ed25519Signer()).toBe(nobleEd25519Signer);
  });
});
