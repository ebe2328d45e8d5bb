/**
 * secret.jwt: JSON Web Tokens in compact form (RFC 7515 section 7.1 JWS: three base64url segments;
 * RFC 7516 section 7.1 JWE: five). The header segment must decode to a JSON object. Its base64url
 * therefore starts with "e" and then "y" ('{"' or '{ "') or "w" ('{' and a line break or tab, as
 * pretty-printing libraries emit): checking the decode keeps random "eyes.and.ears" out.
 *
 * A token wrapped over lines (a mail client, a terminal, a quoted reply's "> ") is followed
 * across line breaks while it cannot be complete yet: fewer than three segments (five for a JWE,
 * whose header names an "enc"), or a JWS signature shorter than its algorithm's (HS256 43
 * characters, ES256 86, RS256 with a 2048-bit key 342, ...). At most MAX_BREAKS breaks and
 * MAX_LENGTH characters, so the scan stays linear.
 */
import type { Span } from '../types.js';
import { decodeBase64, decodeUtf8 } from './decode.js';

const HEADER_START = /(?<![A-Za-z0-9_-])e[wy][A-Za-z0-9_-]{2,4094}/g;
const SEGMENT_CHARS = /[A-Za-z0-9_.-]*/y;
const BREAK = /\r?\n[ \t>]{0,16}(?=[A-Za-z0-9_.-])/y;
export const MAX_BREAKS = 8;
export const MAX_LENGTH = 16_384;

/** Signature lengths (base64url characters) by JWS algorithm (RFC 7518 section 3.1). */
const SIGNATURE_LENGTHS: Readonly<Record<string, readonly number[]>> = {
  HS256: [43], HS384: [64], HS512: [86],
  ES256: [86], ES384: [128], ES512: [176], ES256K: [86], EdDSA: [86], Ed25519: [86],
  ...Object.fromEntries(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'].map((a) => [a, [342, 512, 683]])),
};

function parseHeader(segment: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64(segment, 'url');
  if (bytes === undefined) return undefined;
  // Only a text that ends in '}' can be a JSON object: most dotted words fail here, without the
  // cost of a thrown parse error.
  const text = decodeUtf8(bytes).trimEnd();
  if (!text.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a token read so far (line breaks removed) cannot end here. */
function incomplete(token: string, header: Record<string, unknown>): boolean {
  const segments = token.split('.');
  if (typeof header['enc'] === 'string') return segments.length < 5 || (segments.length === 5 && segments[4]!.length < 22);
  if (segments.length < 3) return true;
  const lengths = typeof header['alg'] === 'string' ? SIGNATURE_LENGTHS[header['alg']] : undefined;
  const signature = segments[2]!.length;
  return segments.length === 3 && lengths !== undefined && signature > 0 && signature < Math.max(...lengths) && !lengths.includes(signature);
}

export function detectJwt(text: string): Span[] {
  const out: Span[] = [];
  HEADER_START.lastIndex = 0;
  for (let m = HEADER_START.exec(text); m !== null; m = HEADER_START.exec(text)) {
    const start = m.index;
    const headerEnd = start + m[0].length;
    if (text[headerEnd] !== '.') continue;
    const header = parseHeader(m[0]);
    if (header === undefined) continue;
    let at = headerEnd;
    let token = m[0];
    for (let breaks = 0; ; ) {
      SEGMENT_CHARS.lastIndex = at;
      SEGMENT_CHARS.test(text);
      const run = text.slice(at, Math.min(SEGMENT_CHARS.lastIndex, start + MAX_LENGTH));
      token += run;
      at += run.length;
      if (breaks >= MAX_BREAKS || token.length >= MAX_LENGTH || !incomplete(token, header)) break;
      BREAK.lastIndex = at;
      if (!BREAK.test(text)) break;
      at = BREAK.lastIndex;
      breaks++;
    }
    let end = at;
    const segments = token.split('.');
    // A sentence-ending '.' after a complete token is not part of it.
    if (segments.length > 3 && segments[segments.length - 1] === '') {
      segments.pop();
      end--;
    }
    // Three segments (JWS) or five (JWE); a longer chain is redacted whole rather than split.
    if (segments.length < 3) continue;
    out.push({ start, end });
    HEADER_START.lastIndex = end;
  }
  return out;
}
