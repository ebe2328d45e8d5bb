/**
 * SHA-256 through node:crypto (OpenSSL) for the CLI: several times faster than JavaScript on
 * the hundreds of megabytes a large bundle hashes. Node-only, so it lives outside src/core;
 * core checks it against known digests before using it.
 */
import { createHash } from 'node:crypto';
import { nobleSha256Backend, useSha256Backend, type Sha256Backend } from '../core/sha256-backend.js';

/** Below this many bytes making a node:crypto Hash costs more than hashing in JavaScript (Merkle nodes are 65). */
const NATIVE_MIN_BYTES = 1024;

export const nodeSha256Backend: Sha256Backend = Object.freeze({
  name: 'node',
  digest(parts: readonly Uint8Array[]): Uint8Array {
    let total = 0;
    for (const part of parts) total += part.length;
    if (total < NATIVE_MIN_BYTES) return nobleSha256Backend.digest(parts);
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    const out = hash.digest();
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
});

/** Makes every sha256 of core use node:crypto; calling it again is harmless. */
export function installNodeSha256Backend(): void {
  useSha256Backend(nodeSha256Backend);
}
