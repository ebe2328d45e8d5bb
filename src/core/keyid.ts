/**
 * Key ids: `sha256:<hex>` of the raw 32-byte Ed25519 public key.
 *
 * A key id names a key without trusting whoever names it: anyone can recompute it from the key,
 * so a trust root or an envelope cannot pair a familiar id with a different key unnoticed.
 */
import { coreError } from './errors.js';
import { isDigest, sha256, type Digest } from './hash.js';
import { ED25519_PUBLIC_KEY_LENGTH } from './ed25519/index.js';

/** The key id of a raw Ed25519 public key. Throws KEY_INVALID for anything but 32 bytes. */
export function keyId(publicKey: Uint8Array): Digest {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) {
    const got = publicKey instanceof Uint8Array ? `${publicKey.length} bytes` : typeof publicKey;
    throw coreError(
      'KEY_INVALID',
      `a key id needs a raw ${ED25519_PUBLIC_KEY_LENGTH}-byte Ed25519 public key, got ${got}`,
    );
  }
  return sha256(publicKey);
}

/** True when `s` has the form of a key id (`sha256:` and 64 lowercase hex digits). */
export function isKeyId(s: unknown): s is Digest {
  return isDigest(s);
}
