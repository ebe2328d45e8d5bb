/**
 * Deterministic Ed25519 edge cases built from honest signatures, shared by the Node tests
 * and the Chromium spec (test/e2e/ed25519-verdicts.spec.ts). Pure: no Node or DOM APIs, so
 * it also runs in a browser. Every case is plain hex so it can cross into a page as JSON.
 * The verdicts are never written here: tests compare each backend with libsodium's.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, hexDecode, hexEncode, utf8Encode } from '../../../src/core/bytes.js';
import { SMALL_ORDER_BLOCKLIST } from '../../../src/core/ed25519/precheck.js';

export interface VerdictCase {
  readonly id: string;
  readonly group: string;
  readonly publicKey: string;
  readonly message: string;
  readonly signature: string;
  /** The verdict the vector's publisher states, for third-party vectors only. */
  readonly expected?: boolean;
}

type Point = InstanceType<typeof ed25519.Point>;
const Point = ed25519.Point;
const Fn = Point.Fn;
const L = Fn.ORDER;
const P = 2n ** 255n - 19n;

/** The 8 torsion points as multiples of one point of order 8; torsion[i] has order 8 / gcd(i, 8). */
export const TORSION: readonly Point[] = (() => {
  const t8 = Point.fromBytes(hexDecode(SMALL_ORDER_BLOCKLIST[2] ?? ''));
  const out: Point[] = [Point.ZERO];
  for (let i = 1; i < 8; i++) out.push((out[i - 1] as Point).add(t8));
  return out;
})();

export function torsionOrder(index: number): number {
  let order = 1;
  while (!TORSION[index]?.multiplyUnsafe(BigInt(order)).is0()) order *= 2;
  return order;
}

/** The 14 encodings libsodium blocks: every blocklist entry with the sign bit clear and set. */
export function smallOrderEncodings(): Uint8Array[] {
  return SMALL_ORDER_BLOCKLIST.flatMap((hex) => [hexDecode(hex), withSignBit(hexDecode(hex))]);
}

/** Every encoding with y >= p (y in [p, 2^255 - 1]), with both sign bits: 38 in all. */
export function nonCanonicalEncodings(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let y = P; y < 2n ** 255n; y++) {
    const enc = numberToBytesLE(y, 32);
    out.push(enc, withSignBit(enc));
  }
  return out;
}

function withSignBit(enc: Uint8Array): Uint8Array {
  const out = enc.slice();
  out[31] = (out[31] ?? 0) | 0x80;
  return out;
}

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  const i = bit >> 3;
  out[i] = (out[i] ?? 0) ^ (1 << (bit & 7));
  return out;
}

function scalarBytes(s: bigint): Uint8Array {
  return numberToBytesLE(s, 32);
}

function hashScalar(...parts: Uint8Array[]): bigint {
  return Fn.create(bytesToNumberLE(sha512(concatBytes(...parts))));
}

function label(text: string): Uint8Array {
  return utf8Encode(text);
}

interface Signer {
  readonly name: string;
  readonly a: bigint;
  readonly prefix: Uint8Array;
  readonly point: Point;
  readonly publicKey: Uint8Array;
}

function signer(index: number): Signer {
  const seed = sha256(label(`clawproof ed25519 verdict key ${index}`));
  const { prefix, scalar, point, pointBytes } = ed25519.utils.getExtendedPublicKey(seed);
  return { name: `key${index}`, a: scalar, prefix, point, publicKey: pointBytes };
}

/**
 * Signs with nonce r from the RFC 8032 prefix (plus `tweak`, to get other nonces), but for
 * an arbitrary public-key encoding and R: s = r + k * a with k = H(R || A || M).
 */
function signWith(
  s: Signer,
  message: Uint8Array,
  opts: { publicKey?: Uint8Array; rOffset?: Point; tweak?: number } = {},
): { signature: Uint8Array; k: bigint } {
  const publicKey = opts.publicKey ?? s.publicKey;
  const tweak = opts.tweak === undefined ? new Uint8Array(0) : label(`#${opts.tweak}`);
  const r = hashScalar(s.prefix, message, tweak);
  const rPoint = Point.BASE.multiply(r).add(opts.rOffset ?? Point.ZERO);
  const rBytes = rPoint.toBytes();
  const k = hashScalar(rBytes, publicKey, message);
  return { signature: concatBytes(rBytes, scalarBytes(Fn.create(r + k * s.a))), k };
}

/** Searches tweaks 0, 1, ... for the first one whose challenge k satisfies `accept`. */
function searchTweak<T>(attempt: (tweak: number) => T | undefined): T {
  for (let tweak = 0; tweak < 1024; tweak++) {
    const found = attempt(tweak);
    if (found !== undefined) return found;
  }
  throw new Error('no tweak found in 1024 attempts'); // would mean a broken generator
}

class CaseList {
  readonly cases: VerdictCase[] = [];
  add(id: string, group: string, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): void {
    this.cases.push({
      id,
      group,
      publicKey: hexEncode(publicKey),
      message: hexEncode(message),
      signature: hexEncode(signature),
    });
  }
}

function mutationsOf(out: CaseList, s: Signer, message: Uint8Array, base: string): void {
  const sig = signWith(s, message).signature;
  const rBytes = sig.subarray(0, 32);
  const sValue = bytesToNumberLE(sig.subarray(32));
  const add = (id: string, group: string, pk: Uint8Array, m: Uint8Array, sg: Uint8Array) =>
    out.add(`${base}/${id}`, group, pk, m, sg);

  add('honest', 'honest', s.publicKey, message, sig);

  // S + nL still satisfies the equation: only a range check on S rejects it.
  for (const n of [1n, 2n, 8n, 15n]) {
    const big = sValue + n * L;
    if (big < 2n ** 256n) add(`s+${n}L`, 's-plus-multiple-of-L', s.publicKey, message, concatBytes(rBytes, scalarBytes(big)));
  }

  const rPoint = Point.fromBytes(rBytes);
  for (let t = 1; t < 8; t++) {
    const torsion = TORSION[t] as Point;
    // R moved by a torsion point, S kept: k changes, so nothing should accept it.
    add(`r+T${t}`, 'r-plus-torsion', s.publicKey, message, concatBytes(rPoint.add(torsion).toBytes(), sig.subarray(32)));
    // R = rB + T re-signed: [S]B - [k]A = rB != R, but [8]([S]B - [k]A - R) = 0.
    // Cofactored verifiers accept, cofactorless (libsodium) reject.
    add(`r+T${t}-resigned`, 'r-plus-torsion-resigned', s.publicKey, message, signWith(s, message, { rOffset: torsion }).signature);
  }

  smallOrderEncodings().forEach((enc, i) => {
    add(`r=small${i}`, 'r-small-order', s.publicKey, message, concatBytes(enc, sig.subarray(32)));
    add(`a=small${i}`, 'a-small-order', enc, message, sig);
  });
  nonCanonicalEncodings().forEach((enc, i) => add(`a=noncanonical${i}`, 'a-non-canonical', enc, message, sig));

  for (let t = 1; t < 8; t++) {
    const torsion = TORSION[t] as Point;
    const order = BigInt(torsionOrder(t));
    const mixed = s.point.add(torsion).toBytes();
    add(`a+T${t}`, 'a-mixed-order', mixed, message, sig);
    // Re-signed for A + T: [S]B - [k](A + T) = R - [k]T, equal to R exactly when ord(T) | k.
    const exact = searchTweak((tweak) => {
      const r = signWith(s, message, { publicKey: mixed, tweak });
      return r.k % order === 0n ? r.signature : undefined;
    });
    add(`a+T${t}-resigned-k0`, 'a-mixed-order-resigned', mixed, message, exact);
    const cofactoredOnly = searchTweak((tweak) => {
      const r = signWith(s, message, { publicKey: mixed, tweak });
      return r.k % order !== 0n ? r.signature : undefined;
    });
    add(`a+T${t}-resigned`, 'a-mixed-order-resigned', mixed, message, cofactoredOnly);
  }

  if (message.length > 0) {
    add('flip-m0', 'bit-flip', s.publicKey, flipBit(message, 0), sig);
    add(`flip-m${message.length * 8 - 1}`, 'bit-flip', s.publicKey, flipBit(message, message.length * 8 - 1), sig);
  }
  for (const bit of [0, 100, 255]) add(`flip-r${bit}`, 'bit-flip', s.publicKey, message, flipBit(sig, bit));
  for (const bit of [0, 100, 252, 255]) add(`flip-s${bit}`, 'bit-flip', s.publicKey, message, flipBit(sig, 256 + bit));
  for (const bit of [0, 100, 255]) add(`flip-a${bit}`, 'bit-flip', flipBit(s.publicKey, bit), message, sig);

  add('sig-63', 'length', s.publicKey, message, sig.subarray(0, 63));
  add('sig-65', 'length', s.publicKey, message, concatBytes(sig, new Uint8Array(1)));
  add('sig-0', 'length', s.publicKey, message, new Uint8Array(0));
  add('key-31', 'length', s.publicKey.subarray(0, 31), message, sig);
  add('key-33', 'length', concatBytes(s.publicKey, new Uint8Array(1)), message, sig);
  add('key-0', 'length', new Uint8Array(0), message, sig);
  add('key-64', 'length', sig, message, sig);
}

/**
 * Signatures that satisfy the cofactorless equation exactly for a small-order (possibly
 * non-canonically encoded) A: R = [S]B - [k]A found by guessing [k]A among the torsion points.
 * Lenient verifiers accept them; libsodium blocks the key.
 */
function forgedSmallOrderKeys(out: CaseList): void {
  const encodings = smallOrderEncodings();
  encodings.forEach((enc, i) => {
    const a = Point.fromBytes(enc, true); // zip215 decoding: takes the non-canonical spellings too
    const canonical = a.toBytes();
    const hashInputs = hexEncode(canonical) === hexEncode(enc) ? [enc] : [enc, canonical];
    hashInputs.forEach((hashed, h) => {
      const message = label(`forged small-order key ${i}`);
      const found = searchTweak((tweak) => {
        const sValue = hashScalar(label(`s ${i} ${h} ${tweak}`));
        const guess = TORSION[tweak % 8] as Point;
        const r = Point.BASE.multiply(sValue).subtract(guess).toBytes();
        const k = hashScalar(r, hashed, message);
        return a.multiplyUnsafe(k).equals(guess) ? concatBytes(r, scalarBytes(sValue)) : undefined;
      });
      const how = h === 0 ? 'hash-over-given' : 'hash-over-canonical';
      out.add(`forged/a=small${i}/${how}`, 'forged-small-order-a', enc, message, found);
    });
  });
}

/**
 * Mixed-order A = aB + T8 with R a small-order point (S = k * a) or a mixed point rB + G
 * (S = r + k * a), searched so [S]B - [k]A equals R exactly. libsodium accepts the mixed R
 * (it checks no subgroup) and blocks the small one.
 */
function forgedMixedOrder(out: CaseList, s: Signer): void {
  const t8 = TORSION[1] as Point;
  const mixedKey = s.point.add(t8).toBytes();
  for (let g = 0; g < 8; g++) {
    const target = TORSION[g] as Point;
    const smallR = target.toBytes();
    const small = searchTweak((tweak) => {
      const message = label(`forged small R ${g} ${tweak}`);
      const k = hashScalar(smallR, mixedKey, message);
      if (!t8.multiplyUnsafe(k).negate().equals(target)) return undefined;
      return { message, signature: concatBytes(smallR, scalarBytes(Fn.create(k * s.a))) };
    });
    out.add(`forged/r=T${g}/a-mixed`, 'forged-small-order-r', mixedKey, small.message, small.signature);
    if (g === 0) continue;
    const message = label(`forged mixed R ${g}`);
    const mixed = searchTweak((tweak) => {
      const r = signWith(s, message, { publicKey: mixedKey, rOffset: target, tweak });
      return t8.multiplyUnsafe(r.k).negate().equals(target) ? r.signature : undefined;
    });
    out.add(`forged/r+T${g}/a-mixed`, 'forged-mixed-order', mixedKey, message, mixed);
  }
}

/** Random-looking keys and signatures that pass the pre-checks (S < L): the equation decides. */
function randomBytesCases(out: CaseList): void {
  for (let i = 0; i < 8; i++) {
    const key = sha256(label(`random key ${i}`));
    const sig = concatBytes(sha256(label(`random R ${i}`)), sha256(label(`random S ${i}`)));
    sig[63] = (sig[63] ?? 0) & 0x0f;
    out.add(`random/${i}`, 'random', key, label(`random message ${i}`), sig);
  }
}

let cached: readonly VerdictCase[] | undefined;

/** All generated cases (about a thousand), identical on every run and platform. */
export function generatedCases(): readonly VerdictCase[] {
  if (cached !== undefined) return cached;
  const out = new CaseList();
  const messages = [new Uint8Array(0), label('clawproof: strict ed25519')];
  for (let k = 0; k < 3; k++) {
    const s = signer(k);
    messages.forEach((m, i) => mutationsOf(out, s, m, `${s.name}/m${i}`));
  }
  const long = sha512(label('long message seed'));
  mutationsOf(out, signer(0), concatBytes(...Array.from({ length: 16 }, () => long)), 'key0/m1024');
  forgedSmallOrderKeys(out);
  forgedMixedOrder(out, signer(1));
  randomBytesCases(out);
  cached = Object.freeze(out.cases);
  return cached;
}
