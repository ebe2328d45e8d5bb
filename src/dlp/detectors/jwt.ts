/**
 * secret.jwt: JSON Web Tokens in compact form (RFC 7515 section 7.1 JWS: three base64url segments;
 * RFC 7516 section 7.1 JWE: five). The header segment must decode to a JSON object, which is why
 * every JWT starts with "eyJ" (base64url of '{"'); checking the decode keeps random "eyJ..." words out.
 */
import { base64urlDecode, utf8Decode } from '../../core/bytes.js';
import type { Span } from '../types.js';
import { regexSpans } from './spans.js';

const CANDIDATE = /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)+/g;

function headerIsJsonObject(segment: string): boolean {
  try {
    const value: unknown = JSON.parse(utf8Decode(base64urlDecode(segment)));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

export function detectJwt(text: string): Span[] {
  const out: Span[] = [];
  for (const span of regexSpans(CANDIDATE, text)) {
    let end = span.end;
    const segments = text.slice(span.start, end).split('.');
    // A sentence-ending '.' after a complete token is not part of it.
    if (segments.length > 3 && segments[segments.length - 1] === '') {
      segments.pop();
      end--;
    }
    // Three segments (JWS) or five (JWE); a longer chain is redacted whole rather than split.
    if (segments.length < 3) continue;
    if (!headerIsJsonObject(segments[0] ?? '')) continue;
    out.push({ start: span.start, end });
  }
  return out;
}
