/**
 * Lenient base64 decoding for detectors: a candidate that does not decode is the common case
 * (most dotted words are not JWTs), so failure is a return value, not a thrown error, whose cost
 * would dominate a scan of text full of near-misses. Padding is optional; anything outside the
 * alphabet fails. Not for verifying anything: src/core's strict decoders are for that.
 */
const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function table(alphabet: string): Int8Array {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}

const TABLES = { standard: table(STANDARD), url: table(URL) } as const;

export function decodeBase64(s: string, alphabet: 'standard' | 'url'): Uint8Array | undefined {
  const t = TABLES[alphabet];
  let n = s.length;
  while (n > 0 && s.charCodeAt(n - 1) === 0x3d) n--;
  if (n % 4 === 1 || s.length - n > 2) return undefined;
  const out = new Uint8Array(Math.floor((n * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? t[c]! : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const UTF8 = new TextDecoder('utf-8');

/** UTF-8 text of `bytes`, invalid sequences replaced (a detector only looks at the shape). */
export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}
