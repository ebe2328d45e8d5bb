/**
 * Byte-level pre-checks that make every Ed25519 backend give libsodium's verdicts
 * (`crypto_sign_verify_detached`, libsodium 1.0.18 to 1.0.22). Backends disagree on exactly
 * these edges: OpenSSL and BoringSSL accept small-order and non-canonical public keys, noble
 * checks the cofactored equation. Running these checks first removes every such input, so
 * what reaches a backend is judged the same way by all of them.
 */

export type StrictRejection = 'LENGTH' | 'S_NOT_REDUCED' | 'A_NOT_CANONICAL' | 'A_SMALL_ORDER' | 'R_SMALL_ORDER';

export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;

/** L = 2^252 + 27742317777372353535851937790883648493, the prime group order, little-endian. */
const L_LE = Uint8Array.of(
  0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
);

/**
 * libsodium's blocklist (ge25519_has_small_order): the y-coordinates, little-endian with the
 * sign bit clear, of every point of order 1, 2, 4 and 8, plus the two non-canonical encodings
 * that fit in 255 bits (p for y = 0, p + 1 for y = 1). Matching ignores the sign bit, so each
 * entry blocks two encodings: 14 in all.
 */
export const SMALL_ORDER_BLOCKLIST: readonly string[] = Object.freeze([
  '0000000000000000000000000000000000000000000000000000000000000000', // y = 0: order 4
  '0100000000000000000000000000000000000000000000000000000000000000', // y = 1: identity
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p - 1: order 2
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p (non-canonical 0)
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p + 1 (non-canonical 1)
]);

const BLOCKLIST_BYTES: readonly Uint8Array[] = SMALL_ORDER_BLOCKLIST.map((hex) => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
});

/**
 * Why `signature` under `publicKey` must be rejected whatever the message, or null when the
 * pair passes every pre-check (the verification equation is then left to a backend).
 * Checks run in the order of the StrictRejection union; the first failing one is returned.
 */
export function strictPrecheck(publicKey: Uint8Array, signature: Uint8Array): StrictRejection | null {
  if (!(publicKey instanceof Uint8Array) || !(signature instanceof Uint8Array)) return 'LENGTH';
  if (publicKey.length !== ED25519_PUBLIC_KEY_LENGTH || signature.length !== ED25519_SIGNATURE_LENGTH) {
    return 'LENGTH';
  }
  // RFC 8032 5.1.7 step 1: S must be in [0, L); otherwise S + nL verifies too (malleability).
  if (!isScalarReduced(signature.subarray(32, 64))) return 'S_NOT_REDUCED';
  // A non-canonical A (y >= p) is another spelling of a key, and k hashes the spelling.
  if (!isCanonicalY(publicKey)) return 'A_NOT_CANONICAL';
  // Small-order A lets one signature verify for many messages; small-order R lets a key
  // holder make signatures that verify under both equations differently (non-repudiation).
  if (isBlocklisted(publicKey)) return 'A_SMALL_ORDER';
  if (isBlocklisted(signature.subarray(0, 32))) return 'R_SMALL_ORDER';
  return null;
}

/** True when the 32-byte little-endian scalar `s` is < L. */
function isScalarReduced(s: Uint8Array): boolean {
  for (let i = 31; i >= 0; i--) {
    const a = s[i] ?? 0;
    const b = L_LE[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false; // s == L
}

/** True when the y-coordinate of the point encoding (sign bit masked) is < p = 2^255 - 19. */
function isCanonicalY(encoding: Uint8Array): boolean {
  if (((encoding[31] ?? 0) & 0x7f) !== 0x7f) return true;
  for (let i = 30; i >= 1; i--) if (encoding[i] !== 0xff) return true;
  return (encoding[0] ?? 0) < 0xed;
}

/** libsodium's comparison: 31 bytes exactly, the last one with the sign bit masked. */
function isBlocklisted(encoding: Uint8Array): boolean {
  return BLOCKLIST_BYTES.some((entry) => {
    for (let i = 0; i < 31; i++) if (encoding[i] !== entry[i]) return false;
    return ((encoding[31] ?? 0) & 0x7f) === entry[31];
  });
}
