/**
 * HTTP Basic credentials (RFC 7617): "Basic " and the base64 of "user:password". Too short for the
 * key bar ("dXNlcjpwYXNz" is 12 characters), but the decoding says what it is: the base64 must
 * decode to printable ASCII holding a ':' with something on both sides.
 */
import type { Span } from '../types.js';
import { decodeBase64 } from './decode.js';

const BASIC = /(?<![A-Za-z0-9_-])basic[ \t]+([A-Za-z0-9+/]{8,1024}={0,2})(?![A-Za-z0-9+/=])/dgi;

function decodesToCredentials(b64: string): boolean {
  const bytes = decodeBase64(b64, 'standard');
  if (bytes === undefined) return false;
  const colon = bytes.indexOf(0x3a);
  return colon > 0 && colon < bytes.length - 1 && bytes.every((b) => b >= 0x20 && b <= 0x7e);
}

export function detectBasicAuth(text: string): Span[] {
  const out: Span[] = [];
  BASIC.lastIndex = 0;
  for (let m = BASIC.exec(text); m !== null; m = BASIC.exec(text)) {
    const at = m.indices?.[1];
    if (at !== undefined && decodesToCredentials(m[1]!)) out.push({ start: at[0], end: at[1] });
  }
  return out;
}
