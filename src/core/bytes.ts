/**
 * Byte encodings: UTF-8, hex, base64 (RFC 4648 section 4) and base64url (section 5).
 *
 * Every decoder is strict: each byte string has exactly one accepted text form, so a signed
 * value cannot be re-encoded into a second spelling that still verifies (malleability), and a
 * corrupted input fails loudly instead of decoding to different bytes.
 */
import { isBytes } from '@noble/hashes/utils.js';
import { coreError } from './errors.js';

// Core sees neither DOM nor Node types: declare just the slice of the WHATWG Encoding API we use.
interface Utf8EncoderLike {
  encode(input: string): Uint8Array;
}
interface Utf8DecoderLike {
  decode(input: Uint8Array): string;
}
interface EncodingGlobals {
  TextEncoder: new () => Utf8EncoderLike;
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => Utf8DecoderLike;
}

const encodingGlobals = globalThis as unknown as EncodingGlobals;
const encoder: Utf8EncoderLike = new encodingGlobals.TextEncoder();
// fatal: malformed UTF-8 throws instead of becoming U+FFFD. ignoreBOM: a leading BOM is kept
// in the decoded text (so the strict JSON parser can see and reject it), not silently eaten.
const decoder: Utf8DecoderLike = new encodingGlobals.TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Index of the first UTF-16 code unit in `s` that is a surrogate without its pair, or -1.
 * Such a string has no UTF-8 form; TextEncoder would substitute U+FFFD and change signed text.
 */
export function findLoneSurrogate(s: string): number {
  // Most strings hold no surrogate at all: one native scan answers for them.
  if (!SURROGATE.test(s)) return -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

function describeCodeUnit(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** UTF-8 bytes of `s`. Throws ENCODING_INVALID if `s` holds a lone surrogate. */
export function utf8Encode(s: string): Uint8Array {
  if (typeof s !== 'string') throw coreError('ENCODING_INVALID', 'utf8Encode expects a string');
  const bad = findLoneSurrogate(s);
  if (bad !== -1) {
    throw coreError(
      'ENCODING_INVALID',
      `string has a lone surrogate ${describeCodeUnit(s.charCodeAt(bad))} at index ${bad}; it has no UTF-8 form`,
      { details: { index: bad } },
    );
  }
  return encoder.encode(s);
}

/** Text of the UTF-8 bytes `b`. Throws ENCODING_INVALID on malformed UTF-8. A leading BOM is kept. */
export function utf8Decode(b: Uint8Array): string {
  if (!isBytes(b)) throw coreError('ENCODING_INVALID', 'utf8Decode expects a Uint8Array');
  try {
    return decoder.decode(b);
  } catch (cause) {
    const at = firstInvalidUtf8(b);
    throw coreError('ENCODING_INVALID', `bytes are not valid UTF-8 (first bad byte at index ${at})`, {
      details: { index: at },
      cause,
    });
  }
}

/** Offset of the first byte that breaks UTF-8 well-formedness (RFC 3629 section 4), for error messages only. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const lead = b[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) lo = 0xa0; // overlong
      if (lead === 0xed) hi = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) lo = 0x90; // overlong
      if (lead === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = b[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return b.length;
}

/** Lowercase hex of `b`. */
export function hexEncode(b: Uint8Array): string {
  if (!isBytes(b)) throw coreError('ENCODING_INVALID', 'hexEncode expects a Uint8Array');
  // Made as flat strings from character codes, not appended a pair at a time (noble's
  // bytesToHex): appending leaves a chain of 32 string objects behind every digest, about 1 KiB
  // each where the hex is 64 bytes (7.7 MiB for the payload hashes of a 1,000-ticket bundle).
  let out = '';
  for (let start = 0; start < b.length; start += HEX_CHUNK) {
    const end = Math.min(b.length, start + HEX_CHUNK);
    const codes = new Array<number>(2 * (end - start));
    for (let i = start; i < end; i++) {
      const byte = b[i]!;
      codes[2 * (i - start)] = HEX_CODES[byte >> 4]!;
      codes[2 * (i - start) + 1] = HEX_CODES[byte & 15]!;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** Bytes per String.fromCharCode call: far below any engine's limit on arguments. */
const HEX_CHUNK = 4096;
const HEX_CODES: readonly number[] = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

function hexNibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30; // 0-9
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10; // a-f
  return -1;
}

/** Bytes of lowercase hex `s`. Uppercase, odd length and any other character are rejected. */
export function hexDecode(s: string): Uint8Array {
  if (typeof s !== 'string') throw coreError('ENCODING_INVALID', 'hexDecode expects a string');
  if (s.length % 2 !== 0) {
    throw coreError('ENCODING_INVALID', `hex has odd length ${s.length}; every byte needs two digits`);
  }
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < s.length; i += 2) {
    const hi = hexNibble(s.charCodeAt(i));
    const lo = hexNibble(s.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) {
      const at = hi < 0 ? i : i + 1;
      throw coreError(
        'ENCODING_INVALID',
        `hex has ${JSON.stringify(s[at])} at index ${at}; only lowercase 0-9 and a-f are allowed`,
        { details: { index: at } },
      );
    }
    out[i / 2] = (hi << 4) | lo;
  }
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

interface Base64Variant {
  readonly name: 'base64' | 'base64url';
  readonly alphabet: string;
  /** char code -> 6-bit value, or -1 for characters outside this alphabet */
  readonly lookup: Int16Array;
  readonly padded: boolean;
}

function makeVariant(name: Base64Variant['name'], alphabet: string, padded: boolean): Base64Variant {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  return { name, alphabet, lookup, padded };
}

const BASE64 = makeVariant('base64', BASE64_ALPHABET, true);
const BASE64URL = makeVariant('base64url', BASE64URL_ALPHABET, false);

function encodeBase64Variant(b: Uint8Array, v: Base64Variant): string {
  if (!isBytes(b)) throw coreError('ENCODING_INVALID', `${v.name}Encode expects a Uint8Array`);
  const a = v.alphabet;
  const parts: string[] = [];
  let chunk = '';
  const full = b.length - (b.length % 3);
  for (let i = 0; i < full; i += 3) {
    const n = (b[i]! << 16) | (b[i + 1]! << 8) | b[i + 2]!;
    chunk += a[n >>> 18]! + a[(n >>> 12) & 63]! + a[(n >>> 6) & 63]! + a[n & 63]!;
    // Flush periodically so huge inputs do not build one pathological rope string.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = b.length - full;
  if (rest === 1) {
    const n = b[full]! << 16;
    chunk += a[n >>> 18]! + a[(n >>> 12) & 63]! + (v.padded ? '==' : '');
  } else if (rest === 2) {
    const n = (b[full]! << 16) | (b[full + 1]! << 8);
    chunk += a[n >>> 18]! + a[(n >>> 12) & 63]! + a[(n >>> 6) & 63]! + (v.padded ? '=' : '');
  }
  parts.push(chunk);
  return parts.join('');
}

function decodeBase64Variant(s: string, v: Base64Variant): Uint8Array {
  if (typeof s !== 'string') throw coreError('ENCODING_INVALID', `${v.name}Decode expects a string`);
  const fail = (message: string, index: number): never => {
    throw coreError('ENCODING_INVALID', `${v.name}: ${message}`, { details: { index } });
  };
  // Trailing '=' is split off here; every other character must be in the alphabet (checked
  // first, so a stray space is reported as itself rather than as a length problem).
  let dataLength = s.length;
  while (dataLength > 0 && s.charCodeAt(dataLength - 1) === 0x3d /* = */) dataLength--;
  const padCount = s.length - dataLength;
  const rest = dataLength % 4;
  const out = new Uint8Array(Math.floor((dataLength * 3) / 4));
  const lookup = v.lookup;
  let o = 0;
  let acc = 0;
  for (let i = 0; i < dataLength; i++) {
    const c = s.charCodeAt(i);
    const val = c < 128 ? lookup[c]! : -1;
    if (val < 0) {
      const shown = c === 0x3d ? `'=' inside the data (padding is only allowed at the end)` : `${JSON.stringify(s[i])}`;
      fail(`invalid character ${shown} at index ${i}`, i);
    }
    acc = (acc << 6) | val;
    if ((i & 3) === 3) {
      out[o++] = (acc >>> 16) & 0xff;
      out[o++] = (acc >>> 8) & 0xff;
      out[o++] = acc & 0xff;
      acc = 0;
    }
  }
  if (!v.padded && padCount > 0) fail(`padding '=' is not allowed (at index ${dataLength})`, dataLength);
  if (v.padded && s.length % 4 !== 0) {
    fail(`length ${s.length} is not a multiple of 4 (padding missing or extra)`, s.length);
  }
  if (rest === 1) fail(`${dataLength} data characters cannot encode whole bytes`, dataLength);
  if (v.padded && padCount !== (4 - rest) % 4) fail(`wrong amount of padding (${padCount} '=')`, dataLength);
  // RFC 4648 section 3.5: unused bits of the last character must be zero, or two texts would
  // decode to the same bytes.
  if (rest === 2) {
    if ((acc & 0xf) !== 0) fail(`non-zero trailing bits in the last character at index ${dataLength - 1}`, dataLength - 1);
    out[o++] = (acc >>> 4) & 0xff;
  } else if (rest === 3) {
    if ((acc & 0x3) !== 0) fail(`non-zero trailing bits in the last character at index ${dataLength - 1}`, dataLength - 1);
    out[o++] = (acc >>> 10) & 0xff;
    out[o++] = (acc >>> 2) & 0xff;
  }
  return out;
}

/** Padded base64, RFC 4648 section 4. */
export function base64Encode(b: Uint8Array): string {
  return encodeBase64Variant(b, BASE64);
}

/** Strict padded base64 (RFC 4648 section 4): no whitespace, no missing or extra padding, zero trailing bits. */
export function base64Decode(s: string): Uint8Array {
  return decodeBase64Variant(s, BASE64);
}

/** Unpadded base64url, RFC 4648 section 5. */
export function base64urlEncode(b: Uint8Array): string {
  return encodeBase64Variant(b, BASE64URL);
}

/** Strict unpadded base64url (RFC 4648 section 5): padding, whitespace and non-zero trailing bits rejected. */
export function base64urlDecode(s: string): Uint8Array {
  return decodeBase64Variant(s, BASE64URL);
}

/** One new array holding `parts` back to back. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) {
    if (!isBytes(p)) throw coreError('ENCODING_INVALID', 'concatBytes expects Uint8Array parts');
    total += p.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** True when `a` and `b` hold the same bytes. Not constant-time: use only on public data. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
