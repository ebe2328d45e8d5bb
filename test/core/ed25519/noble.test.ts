import { ed25519 } from '@noble/curves/ed25519.js';
import { numberToBytesLE, bytesToNumberLE } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import { concatBytes, hexDecode, utf8Encode } from '../../../src/core/bytes.js';
import { nobleEd25519Backend, verifyCofactorless } from '../../../src/core/ed25519/noble.js';
import { generatedCases } from './cases.js';

const seed = new Uint8Array(32).fill(5);
const publicKey = ed25519.getPublicKey(seed);
const message = utf8Encode('noble backend');
const signature = ed25519.sign(message, seed);

describe('the noble backend', () => {
  it('is named "noble", is synchronous, and accepts an honest signature', () => {
    expect(nobleEd25519Backend.name).toBe('noble');
    expect(nobleEd25519Backend.verify(publicKey, message, signature)).toBe(true);
  });

  it('rejects the signature for another message', () => {
    expect(verifyCofactorless(publicKey, utf8Encode('other'), signature)).toBe(false);
  });

  it("uses the cofactorless equation: rejects signatures only noble's own (cofactored) verify accepts", () => {
    const cofactoredOnly = generatedCases().filter((c) => c.group === 'r-plus-torsion-resigned');
    expect(cofactoredOnly.length).toBeGreaterThan(0);
    for (const c of cofactoredOnly) {
      const [pk, m, sig] = [hexDecode(c.publicKey), hexDecode(c.message), hexDecode(c.signature)];
      expect(ed25519.verify(sig, m, pk)).toBe(true);
      expect(verifyCofactorless(pk, m, sig)).toBe(false);
    }
  });

  it('rejects S >= L on its own, even though S + L satisfies the equation', () => {
    const s = bytesToNumberLE(signature.subarray(32));
    const big = concatBytes(signature.subarray(0, 32), numberToBytesLE(s + ed25519.Point.Fn.ORDER, 32));
    expect(verifyCofactorless(publicKey, message, big)).toBe(false);
  });

  it('returns false, without throwing, for a key that is not a curve point and for wrong lengths', () => {
    let offCurve = new Uint8Array(32);
    for (let i = 2; i < 256; i++) {
      offCurve = numberToBytesLE(BigInt(i), 32);
      try {
        ed25519.Point.fromBytes(offCurve);
      } catch {
        break; // y = i has no x: not on the curve
      }
    }
    expect(() => ed25519.Point.fromBytes(offCurve)).toThrow();
    expect(verifyCofactorless(offCurve, message, signature)).toBe(false);
    expect(verifyCofactorless(publicKey.subarray(1), message, signature)).toBe(false);
    expect(verifyCofactorless(publicKey, message, signature.subarray(1))).toBe(false);
    expect(verifyCofactorless(null as unknown as Uint8Array, message, signature)).toBe(false);
  });
});
