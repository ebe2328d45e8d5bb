/**
 * Ed25519 signing through node:crypto (OpenSSL) for the runtime in Node: the CLI's `run`, the
 * fixture scripts and the bench. noble recomputes the public key on every call (two scalar
 * multiplications a signature); a 1,000-ticket run spent 6.2 of its 11.8 s there. Signing is
 * deterministic (RFC 8032 5.1.6), so the bytes are noble's: core checks that before using it.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { useEd25519Signer, type Ed25519Signer } from '../core/ed25519/index.js';

/** DER PrivateKeyInfo header for an Ed25519 key (RFC 8410 section 7); the 32 seed bytes follow. */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * KeyObjects by the seed array they were made from, with a copy of its bytes: a caller that
 * rewrites the array in place gets a new key, never a signature under the old seed.
 */
const keys = new WeakMap<Uint8Array, { readonly seed: Buffer; readonly key: KeyObject }>();

function keyFor(seed: Uint8Array): KeyObject {
  const hit = keys.get(seed);
  if (hit !== undefined && hit.seed.equals(seed)) return hit.key;
  const copy = Buffer.from(seed);
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, copy]), format: 'der', type: 'pkcs8' });
  keys.set(seed, { seed: copy, key });
  return key;
}

export const nodeEd25519Signer: Ed25519Signer = Object.freeze({
  name: 'node',
  sign(seed: Uint8Array, message: Uint8Array): Uint8Array {
    const out = sign(null, message, keyFor(seed));
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
});

/** Makes every later `sign` of core use node:crypto; calling it again is harmless. */
export function installNodeEd25519Signer(): void {
  useEd25519Signer(nodeEd25519Signer);
}
