import { describe, expect, it } from 'vitest';
import { hexDecode } from '../../src/core/bytes.js';
import { isClawproofError } from '../../src/core/errors.js';
import { keyPairFromSeed } from '../../src/core/ed25519/index.js';
import { isKeyId, keyId } from '../../src/core/keyid.js';

// RFC 8032 section 7.1 TEST 1 public key.
const RFC8032_TEST1_PK = hexDecode('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');

describe('keyId', () => {
  it('is sha256: over the raw public key bytes', () => {
    // SHA-256 of the RFC 8032 TEST 1 key, computed independently with Python hashlib.
    expect(keyId(RFC8032_TEST1_PK)).toBe('sha256:21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9');
  });

  it('differs for keys that differ in one bit', () => {
    const other = Uint8Array.from(RFC8032_TEST1_PK);
    other[31]! ^= 0x80;
    expect(keyId(other)).not.toBe(keyId(RFC8032_TEST1_PK));
  });

  it('names the public key of a generated pair, not its seed', () => {
    const pair = keyPairFromSeed(new Uint8Array(32).fill(7));
    expect(keyId(pair.publicKey)).not.toBe(keyId(pair.secretKey));
    expect(isKeyId(keyId(pair.publicKey))).toBe(true);
  });

  // [R-SIG-1] only the 32 raw bytes of a public key have a key id
  it.each([new Uint8Array(31), new Uint8Array(33), new Uint8Array(64), 'd75a98' as unknown as Uint8Array])(
    'rejects anything but 32 bytes (%#)',
    (bad) => {
      let caught: unknown;
      try {
        keyId(bad);
      } catch (e) {
        caught = e;
      }
      expect(isClawproofError(caught) && caught.code).toBe('KEY_INVALID');
    },
  );
});

describe('isKeyId', () => {
  it('accepts only the sha256:<64 lowercase hex> form', () => {
    const id = keyId(RFC8032_TEST1_PK);
    expect(isKeyId(id)).toBe(true);
    expect(isKeyId(id.toUpperCase())).toBe(false);
    expect(isKeyId(id.slice(0, -1))).toBe(false);
    expect(isKeyId(id.replace('sha256:', 'sha512:'))).toBe(false);
    expect(isKeyId(42)).toBe(false);
  });
});
