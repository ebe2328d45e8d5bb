/**
 * SHA-256 (FIPS 180-4) digests, written `sha256:<64 lowercase hex>`.
 *
 * Synchronous hashing uses the installed backend (sha256-backend.ts: @noble/hashes unless the host
 * installed a native one); the async form hands large inputs to WebCrypto when the
 * platform has it (much faster on multi-megabyte bundles) and gives byte-identical results.
 */
import { isBytes } from '@noble/hashes/utils.js';
import { hexDecode, hexEncode, utf8Encode } from './bytes.js';
import { canonicalBytes } from './canonical.js';
import { coreError } from './errors.js';
import { sha256Backend } from './sha256-backend.js';

export type Digest = `sha256:${string}`;

const DIGEST_PREFIX = 'sha256:';
export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Below this size the WebCrypto round trip costs more than hashing in JavaScript. */
const WEBCRYPTO_MIN_BYTES = 64 * 1024;

function toBytes(data: Uint8Array | string, fn: string): Uint8Array {
  if (typeof data === 'string') return utf8Encode(data);
  if (isBytes(data)) return data;
  throw coreError('INPUT_INVALID', `${fn} expects a Uint8Array or a string`);
}

/** Raw 32-byte SHA-256 of `data` (strings are hashed as their UTF-8 bytes). */
export function sha256Bytes(data: Uint8Array | string): Uint8Array {
  return sha256Backend().digest([toBytes(data, 'sha256Bytes')]);
}

/** Raw SHA-256 of `parts` back to back, without copying them into one array first. */
export function sha256BytesOfParts(parts: readonly Uint8Array[]): Uint8Array {
  return sha256Backend().digest(parts.map((part) => toBytes(part, 'sha256BytesOfParts')));
}

/** `sha256:<hex>` digest of `data` (strings are hashed as their UTF-8 bytes). */
export function sha256(data: Uint8Array | string): Digest {
  return `sha256:${hexEncode(sha256Backend().digest([toBytes(data, 'sha256')]))}`;
}

// Core sees no DOM types: just the WebCrypto call used here.
interface SubtleDigest {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

function webCryptoSubtle(): SubtleDigest | undefined {
  const subtle = (globalThis as { crypto?: { subtle?: Partial<SubtleDigest> } }).crypto?.subtle;
  return typeof subtle?.digest === 'function' ? (subtle as SubtleDigest) : undefined;
}

/** Same result as `sha256(data)`, using WebCrypto for inputs of 64 KiB and more when available. */
export async function sha256Async(data: Uint8Array): Promise<Digest> {
  if (!isBytes(data)) throw coreError('INPUT_INVALID', 'sha256Async expects a Uint8Array');
  const subtle = data.length >= WEBCRYPTO_MIN_BYTES ? webCryptoSubtle() : undefined;
  if (subtle !== undefined) {
    let buffer: ArrayBuffer | undefined;
    try {
      buffer = await subtle.digest('SHA-256', data);
    } catch {
      // WebCrypto refuses some inputs (e.g. views of a SharedArrayBuffer); the JS path does not.
      buffer = undefined;
    }
    if (buffer !== undefined) return `sha256:${hexEncode(new Uint8Array(buffer))}`;
  }
  return sha256(data);
}

/** True when `s` is exactly `sha256:` followed by 64 lowercase hex digits. */
export function isDigest(s: unknown): s is Digest {
  return typeof s === 'string' && DIGEST_PATTERN.test(s);
}

/** The 32 digest bytes of a `sha256:<hex>` string. Throws DIGEST_INVALID on any other form. */
export function parseDigest(s: string): Uint8Array {
  if (!isDigest(s)) {
    const shown = typeof s === 'string' ? JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s) : typeof s;
    throw coreError('DIGEST_INVALID', `${shown} is not a digest of the form sha256:<64 lowercase hex digits>`);
  }
  return hexDecode(s.slice(DIGEST_PREFIX.length));
}

/** Digest of the RFC 8785 canonical JSON bytes of `value`. */
export function digestOfJson(value: unknown): Digest {
  return sha256(canonicalBytes(value));
}
