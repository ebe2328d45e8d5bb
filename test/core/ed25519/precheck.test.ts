import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { describe, expect, it } from 'vitest';
import { concatBytes, hexDecode, hexEncode } from '../../../src/core/bytes.js';
import { SMALL_ORDER_BLOCKLIST, strictPrecheck } from '../../../src/core/ed25519/precheck.js';
import { generatedCases, nonCanonicalEncodings, smallOrderEncodings, TORSION } from './cases.js';

const Point = ed25519.Point;
const L = Point.Fn.ORDER;
const seed = new Uint8Array(32).fill(3);
const publicKey = ed25519.getPublicKey(seed);
const signature = ed25519.sign(new Uint8Array([1, 2, 3]), seed);
const rBytes = signature.subarray(0, 32);

function withS(s: bigint): Uint8Array {
  return concatBytes(rBytes, numberToBytesLE(s, 32));
}

describe('strictPrecheck', () => {
  it('passes an honest key and signature', () => {
    expect(strictPrecheck(publicKey, signature)).toBeNull();
  });

  it('LENGTH: rejects keys other than 32 bytes and signatures other than 64 bytes', () => {
    expect(strictPrecheck(publicKey.subarray(0, 31), signature)).toBe('LENGTH');
    expect(strictPrecheck(concatBytes(publicKey, new Uint8Array(1)), signature)).toBe('LENGTH');
    expect(strictPrecheck(publicKey, signature.subarray(0, 63))).toBe('LENGTH');
    expect(strictPrecheck(publicKey, concatBytes(signature, new Uint8Array(1)))).toBe('LENGTH');
    expect(strictPrecheck(new Uint8Array(0), new Uint8Array(0))).toBe('LENGTH');
  });

  it('LENGTH: rejects arguments that are not Uint8Array', () => {
    expect(strictPrecheck([...publicKey] as unknown as Uint8Array, signature)).toBe('LENGTH');
    expect(strictPrecheck(publicKey, hexEncode(signature) as unknown as Uint8Array)).toBe('LENGTH');
  });

  it('S_NOT_REDUCED: rejects S = L and above, passes S = L - 1 and S = 0', () => {
    expect(strictPrecheck(publicKey, withS(L - 1n))).toBeNull();
    expect(strictPrecheck(publicKey, withS(0n))).toBeNull();
    expect(strictPrecheck(publicKey, withS(L))).toBe('S_NOT_REDUCED');
    expect(strictPrecheck(publicKey, withS(2n ** 256n - 1n))).toBe('S_NOT_REDUCED');
    const s = bytesToNumberLE(signature.subarray(32));
    expect(strictPrecheck(publicKey, withS(s + L))).toBe('S_NOT_REDUCED');
  });

  it('A_NOT_CANONICAL: rejects each of the 38 encodings with y >= p, passes y = p - 2', () => {
    const encodings = nonCanonicalEncodings();
    expect(encodings).toHaveLength(38);
    for (const enc of encodings) expect(strictPrecheck(enc, signature)).toBe('A_NOT_CANONICAL');
    // y = p - 2 is canonical and not small order: the pre-checks leave it to decoding.
    expect(strictPrecheck(numberToBytesLE(2n ** 255n - 21n, 32), signature)).toBeNull();
  });

  it('A_SMALL_ORDER: rejects the canonical encodings of all 8 torsion points and their sign-flipped spellings', () => {
    for (const t of TORSION) {
      const enc = t.toBytes();
      const flipped = enc.slice();
      flipped[31] = (flipped[31] ?? 0) ^ 0x80;
      expect(strictPrecheck(enc, signature)).toBe('A_SMALL_ORDER');
      expect(strictPrecheck(flipped, signature)).toBe('A_SMALL_ORDER');
    }
  });

  it('R_SMALL_ORDER: rejects all 14 blocked encodings as R, including the non-canonical ones', () => {
    for (const enc of smallOrderEncodings()) {
      expect(strictPrecheck(publicKey, concatBytes(enc, signature.subarray(32)))).toBe('R_SMALL_ORDER');
    }
  });

  it('leaves a non-canonical R that is not small order to the equation (it can never match R byte for byte)', () => {
    const r = numberToBytesLE(2n ** 255n - 19n + 2n, 32); // y = p + 2
    expect(strictPrecheck(publicKey, concatBytes(r, signature.subarray(32)))).toBeNull();
  });

  it('passes a mixed-order A (honest key plus a torsion point): libsodium accepts those when the equation holds', () => {
    for (const t of TORSION.slice(1)) {
      expect(strictPrecheck(Point.fromBytes(publicKey).add(t).toBytes(), signature)).toBeNull();
    }
  });

  it('checks in order: length, S, A canonical, A small order, R small order', () => {
    const smallR = concatBytes(hexDecode(SMALL_ORDER_BLOCKLIST[0] ?? ''), numberToBytesLE(L, 32));
    const nonCanonicalSmallA = hexDecode(SMALL_ORDER_BLOCKLIST[5] ?? ''); // p: both non-canonical and blocked
    expect(strictPrecheck(nonCanonicalSmallA, smallR)).toBe('S_NOT_REDUCED');
    expect(strictPrecheck(nonCanonicalSmallA, signature)).toBe('A_NOT_CANONICAL');
    expect(strictPrecheck(TORSION[1]?.toBytes() ?? new Uint8Array(), concatBytes(smallR.subarray(0, 32), signature.subarray(32)))).toBe(
      'A_SMALL_ORDER',
    );
  });

  it('rejects each generated group of edge cases by the rule named for it', () => {
    const ruleOf = (group: string) =>
      new Set(
        generatedCases()
          .filter((c) => c.group === group)
          .map((c) => strictPrecheck(hexDecode(c.publicKey), hexDecode(c.signature))),
      );
    expect(ruleOf('length')).toEqual(new Set(['LENGTH']));
    expect(ruleOf('s-plus-multiple-of-L')).toEqual(new Set(['S_NOT_REDUCED']));
    expect(ruleOf('a-non-canonical')).toEqual(new Set(['A_NOT_CANONICAL']));
    expect(ruleOf('a-small-order')).toEqual(new Set(['A_SMALL_ORDER', 'A_NOT_CANONICAL']));
    expect(ruleOf('r-small-order')).toEqual(new Set(['R_SMALL_ORDER']));
    expect(ruleOf('forged-small-order-r')).toEqual(new Set(['R_SMALL_ORDER']));
    // The equation, not a pre-check, decides these.
    for (const group of ['honest', 'r-plus-torsion-resigned', 'a-mixed-order-resigned', 'forged-mixed-order']) {
      expect(ruleOf(group)).toEqual(new Set([null]));
    }
  });
});

describe('SMALL_ORDER_BLOCKLIST', () => {
  it("is libsodium's 7 entries, each with the sign bit clear", () => {
    expect(SMALL_ORDER_BLOCKLIST).toHaveLength(7);
    for (const hex of SMALL_ORDER_BLOCKLIST) expect((hexDecode(hex)[31] ?? 0) & 0x80).toBe(0);
  });

  it('holds only encodings of points of small order', () => {
    for (const hex of SMALL_ORDER_BLOCKLIST) {
      expect(Point.fromBytes(hexDecode(hex), true).isSmallOrder()).toBe(true);
    }
  });

  it('covers every 255-bit encoding of every small-order point (canonical, sign-flipped, y + p)', () => {
    const blocked = new Set(SMALL_ORDER_BLOCKLIST);
    const p = 2n ** 255n - 19n;
    for (const t of TORSION) {
      const y = bytesToNumberLE(t.toBytes()) & (2n ** 255n - 1n);
      for (const spelling of [y, y + p]) {
        if (spelling < 2n ** 255n) expect(blocked.has(hexEncode(numberToBytesLE(spelling, 32)))).toBe(true);
      }
    }
  });
});
