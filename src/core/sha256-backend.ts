/**
 * Where synchronous SHA-256 is computed. @noble/hashes by default (every platform); a host with
 * a native hash (the CLI: node:crypto) may install its own. A backend is checked against known
 * digests before it is used, so a wrong one is refused rather than trusted.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { coreError } from './errors.js';

export interface Sha256Backend {
  readonly name: string;
  /** SHA-256 of `parts` back to back: 32 bytes. */
  digest(parts: readonly Uint8Array[]): Uint8Array;
}

export const nobleSha256Backend: Sha256Backend = Object.freeze({
  name: 'noble',
  digest(parts: readonly Uint8Array[]): Uint8Array {
    if (parts.length === 1) return nobleSha256(parts[0]!);
    const hasher = nobleSha256.create();
    for (const part of parts) hasher.update(part);
    return hasher.digest();
  },
});

let current: Sha256Backend = nobleSha256Backend;

// FIPS 180-4 examples ("abc", the empty message); a long split input is added below.
const SELF_TEST: readonly { parts: Uint8Array[]; hex: string }[] = [
  { parts: [Uint8Array.of(0x61, 0x62, 0x63)], hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
  { parts: [], hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
];

/** Installs `backend` for every later sha256 call; null puts noble back. Throws INPUT_INVALID if it gives a wrong digest. */
export function useSha256Backend(backend: Sha256Backend | null): void {
  if (backend === null) {
    current = nobleSha256Backend;
    return;
  }
  if (typeof backend !== 'object' || typeof backend.name !== 'string' || backend.name === '' || typeof backend.digest !== 'function') {
    throw coreError('INPUT_INVALID', 'a SHA-256 backend needs a non-empty string `name` and a `digest` function');
  }
  // Over 1 KiB and split across block boundaries, so a backend that hashes large inputs another way is tested on that path too.
  const block = new Uint8Array(3000).map((_, i) => (i * 31) & 0xff);
  const tests = [...SELF_TEST, { parts: [block.subarray(0, 63), block.subarray(63, 1100), block.subarray(1100)], hex: bytesToHex(nobleSha256(block)) }];
  for (const t of tests) {
    const out = backend.digest(t.parts);
    if (!(out instanceof Uint8Array) || out.length !== 32 || bytesToHex(out) !== t.hex) {
      throw coreError('INPUT_INVALID', `the SHA-256 backend "${backend.name}" gives wrong digests; it is not used`);
    }
  }
  current = backend;
}

export function sha256Backend(): Sha256Backend {
  return current;
}
