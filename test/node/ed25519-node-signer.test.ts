import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { hexDecode, hexEncode } from '../../src/core/bytes.js';
import { sign } from '../../src/core/ed25519/keys.js';
import { ed25519Signer, nobleEd25519Signer, useEd25519Signer } from '../../src/core/ed25519/signer.js';
import { installNodeEd25519Signer, nodeEd25519Signer } from '../../src/node/ed25519-node-signer.js';
import { rfc8032Vectors } from '../core/ed25519/vectors.js';

afterEach(() => useEd25519Signer(null));

describe('node:crypto Ed25519 signing', () => {
  it('is accepted by core and then signs every sign() call', () => {
    installNodeEd25519Signer();
    expect(ed25519Signer()).toBe(nodeEd25519Signer);
  });

  it.each(rfc8032Vectors().map((v) => [v.name, v] as const))('reproduces RFC 8032 %s', (_, v) => {
    expect(hexEncode(nodeEd25519Signer.sign(hexDecode(v.secret_key_hex), hexDecode(v.message_hex)))).toBe(v.signature_hex);
  });

  it('gives noble\'s bytes for any seed and message (so a bundle made in Node is the one made in a browser)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 2048 }), (seed, message) => {
        expect(hexEncode(nodeEd25519Signer.sign(seed, message))).toBe(hexEncode(nobleEd25519Signer.sign(seed, message)));
      }),
      { numRuns: 200 },
    );
  });

  it('signs under the seed\'s current bytes when the same array is rewritten in place (no stale cached key)', () => {
    const [a, b] = rfc8032Vectors();
    const seed = hexDecode(a!.secret_key_hex);
    const message = hexDecode(a!.message_hex);
    installNodeEd25519Signer();
    expect(hexEncode(sign(seed, message))).toBe(a!.signature_hex);
    seed.set(hexDecode(b!.secret_key_hex));
    expect(hexEncode(sign(seed, hexDecode(b!.message_hex)))).toBe(b!.signature_hex);
  });
});
