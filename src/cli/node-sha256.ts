/**
 * SHA-256 through node:crypto (OpenSSL) for the CLI. Node-only, so it lives outside src/core;
 * core checks it against known digests before using it. Measured on Node 20 (2 cores): a 65-byte
 * Merkle node costs noble 3.1 us, createHash 2.0 us, the one-shot crypto.hash 1.0 us; a 400-byte
 * line 4.2, 1.5 and 1.1 us. So native wins at every size, and one part takes the one-shot path.
 */
import * as nodeCrypto from 'node:crypto';
import { useSha256Backend, type Sha256Backend } from '../core/sha256-backend.js';

// crypto.hash arrived in Node 20.12; older 20.x releases use createHash for one part as well.
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;

function asBytes(out: Buffer): Uint8Array {
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

export const nodeSha256Backend: Sha256Backend = Object.freeze({
  name: 'node',
  digest(parts: readonly Uint8Array[]): Uint8Array {
    if (parts.length === 1 && oneShot !== undefined) return asBytes(oneShot('sha256', parts[0]!, 'buffer'));
    const hash = nodeCrypto.createHash('sha256');
    for (const part of parts) hash.update(part);
    return asBytes(hash.digest());
  },
});

/** Makes every sha256 of core use node:crypto; calling it again is harmless. */
export function installNodeSha256Backend(): void {
  useSha256Backend(nodeSha256Backend);
}
