/**
 * Ed25519 through node:crypto (OpenSSL). Node-only, so it lives in src/node (the CLI and the worker pool use it). Raw
 * backend: OpenSSL accepts small-order and non-canonical keys, which `strictPrecheck`
 * removes before this runs (see docs/FORMATS.md, Ed25519).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { registerEd25519Backend, type Ed25519Backend } from '../core/ed25519/index.js';

/** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410 section 4); the 32 key bytes follow. */
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const KEY_CACHE_LIMIT = 256;
const keyCache = new Map<string, KeyObject | null>();

function keyObjectFor(publicKey: Uint8Array): KeyObject | null {
  const id = Buffer.from(publicKey).toString('hex');
  const hit = keyCache.get(id);
  if (hit !== undefined) {
    keyCache.delete(id); // least recently used goes first
    keyCache.set(id, hit);
    return hit;
  }
  let key: KeyObject | null;
  try {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
  } catch {
    key = null; // OpenSSL refused the point: a `false` verdict
  }
  keyCache.set(id, key);
  if (keyCache.size > KEY_CACHE_LIMIT) {
    const oldest = keyCache.keys().next().value;
    if (oldest !== undefined) keyCache.delete(oldest);
  }
  return key;
}

/** Raw node:crypto verify (no strict pre-checks: callers go through `verifySignature`). Never throws. */
export function nodeEd25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (publicKey.length !== 32 || signature.length !== 64) return false;
    const key = keyObjectFor(publicKey);
    return key !== null && verify(null, message, key, signature);
  } catch {
    return false;
  }
}

export const nodeEd25519Backend: Ed25519Backend = Object.freeze({ name: 'node', verify: nodeEd25519Verify });

/** Makes `{ backend: 'node' }` available; calling it again is harmless. */
export function registerNodeEd25519Backend(): void {
  registerEd25519Backend(nodeEd25519Backend);
}

/** How many KeyObjects the cache holds now (for tests of its bound). */
export function nodeKeyCacheSize(): number {
  return keyCache.size;
}
