/**
 * libsodium's verification algorithm on @noble/curves point arithmetic. Not noble's own
 * `ed25519.verify`, which checks the cofactored equation [8][S]B = [8]R + [8][k]A and so
 * accepts signatures libsodium rejects.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes } from '../bytes.js';
import type { Ed25519Backend } from './backend.js';

const Point = ed25519.Point;
const L = Point.Fn.ORDER;

/**
 * Cofactorless RFC 8032 5.1.7 check, libsodium style: decode A strictly (y < p),
 * k = SHA-512(R || A || M) mod L over the bytes as given, then compare the encoding of
 * [S]B - [k]A with R byte for byte, so a non-canonical R never matches.
 */
export function verifyCofactorless(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    const r = signature.subarray(0, 32);
    const s = bytesToNumberLE(signature.subarray(32, 64));
    if (s >= L) return false;
    const a = Point.fromBytes(publicKey, false);
    const k = Point.Fn.create(bytesToNumberLE(sha512(concatBytes(r, publicKey, message))));
    const rCheck = Point.BASE.multiplyUnsafe(s).subtract(a.multiplyUnsafe(k));
    return bytesEqual(rCheck.toBytes(), r);
  } catch {
    return false; // A does not decode, or an argument was not bytes
  }
}

export const nobleEd25519Backend: Ed25519Backend = Object.freeze({
  name: 'noble',
  verify: verifyCofactorless,
});
