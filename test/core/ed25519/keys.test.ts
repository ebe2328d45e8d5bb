import { describe, expect, it } from 'vitest';
import { concatBytes, hexDecode, hexEncode, utf8Encode } from '../../../src/core/bytes.js';
import { strictPrecheck } from '../../../src/core/ed25519/precheck.js';
import { generateKeyPair, keyPairFromSeed, publicKeyFromSecret, sign } from '../../../src/core/ed25519/keys.js';
import { verifySignatureSync } from '../../../src/core/ed25519/verify.js';
import { isClawproofError } from '../../../src/core/errors.js';
import { rfc8032Vectors } from './vectors.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isClawproofError(e) ? e.code : 'NOT_A_CLAWPROOF_ERROR';
  }
  return undefined;
}

describe('Ed25519 keys and signing', () => {
  it.each(rfc8032Vectors().map((v) => [v.name, v] as const))('reproduces RFC 8032 %s: public key and signature', (_, v) => {
    const pair = keyPairFromSeed(hexDecode(v.secret_key_hex));
    expect(hexEncode(pair.publicKey)).toBe(v.public_key_hex);
    expect(hexEncode(publicKeyFromSecret(pair.secretKey))).toBe(v.public_key_hex);
    expect(hexEncode(sign(pair.secretKey, hexDecode(v.message_hex)))).toBe(v.signature_hex);
  });

  it('reproduces the worked example of docs/formats-parts/20-ed25519.md', () => {
    const pair = keyPairFromSeed(hexDecode('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f'));
    const message = utf8Encode('clawproof');
    const signature = sign(pair.secretKey, message);
    expect(hexEncode(pair.publicKey)).toBe('03a107bff3ce10be1d70dd18e74bc09967e4d6309ba50d5f1ddc8664125531b8');
    expect(hexEncode(signature)).toBe(
      '62cfd30d57fc143887a6c72a3006dd6a656f2364298b6877592fe52131bb2639' +
        '3b3639e92e90705503f757672b1ef511ef6f9d526044db50ab2e2264bfdae90b',
    );
    const sPlusL = concatBytes(signature.subarray(0, 32), hexDecode('280a2f4649f382add9934f0a0a18d426ef6f9d526044db50ab2e2264bfdae91b'));
    expect(strictPrecheck(pair.publicKey, sPlusL)).toBe('S_NOT_REDUCED');
    expect(verifySignatureSync(pair.publicKey, message, sPlusL)).toBe(false);
  });

  it('rejects seeds that are not 32 bytes with KEY_INVALID, in every function taking one', () => {
    for (const bad of [new Uint8Array(31), new Uint8Array(33), new Uint8Array(64), 'seed', null]) {
      const b = bad as Uint8Array;
      expect(codeOf(() => keyPairFromSeed(b))).toBe('KEY_INVALID');
      expect(codeOf(() => publicKeyFromSecret(b))).toBe('KEY_INVALID');
      expect(codeOf(() => sign(b, new Uint8Array(0)))).toBe('KEY_INVALID');
    }
  });

  it('rejects a message that is not bytes with INPUT_INVALID', () => {
    expect(codeOf(() => sign(new Uint8Array(32), 'text' as unknown as Uint8Array))).toBe('INPUT_INVALID');
  });

  it('keeps its own copy of the seed', () => {
    const seed = new Uint8Array(32).fill(1);
    const pair = keyPairFromSeed(seed);
    seed.fill(2);
    expect(pair.secretKey).toEqual(new Uint8Array(32).fill(1));
  });

  it('generates fresh key pairs whose signatures verify', () => {
    const a = generateKeyPair();
    const b = generateKeyPair();
    expect(a.secretKey).toHaveLength(32);
    expect(a.publicKey).toHaveLength(32);
    expect(hexEncode(a.secretKey)).not.toBe(hexEncode(b.secretKey));
    const m = utf8Encode('fresh');
    expect(verifySignatureSync(a.publicKey, m, sign(a.secretKey, m))).toBe(true);
    expect(verifySignatureSync(b.publicKey, m, sign(a.secretKey, m))).toBe(false);
  });
});
