/**
 * PuTTY private key files (.ppk, versions 2 and 3): a "PuTTY-User-Key-File-N: <algorithm>" line,
 * then header lines (Encryption, Comment, Public-Lines, Private-Lines, Private-MAC and version 3's
 * Key-Derivation and Argon2-* lines) and the base64 lines they count. The span runs from the first
 * line to the end of the Private-MAC line; a file cut before it runs to the last of its lines.
 */
import type { Span } from '../types.js';

const HEADER = /PuTTY-User-Key-File-[0-9]+:[^\n]*/g;
const FIELD = /^(?:Encryption|Comment|Public-Lines|Private-Lines|Key-Derivation|Argon2-Memory|Argon2-Passes|Argon2-Parallelism|Argon2-Salt):/;
const MAC = /^Private-(?:MAC|Hash):/;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
export const MAX_LINES = 200;

export function detectPuttyKey(text: string): Span[] {
  const out: Span[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null; m = HEADER.exec(text)) {
    let end = m.index + m[0].length;
    let at = end + 1;
    for (let n = 0; n < MAX_LINES && at <= text.length && text[at - 1] === '\n'; n++) {
      const eol = text.indexOf('\n', at);
      const lineEnd = eol === -1 ? text.length : eol;
      const line = text.slice(at, lineEnd).trim();
      if (MAC.test(line)) {
        end = lineEnd;
        break;
      }
      if (!FIELD.test(line) && !BASE64_LINE.test(line)) break;
      end = lineEnd;
      at = lineEnd + 1;
    }
    out.push({ start: m.index, end });
    HEADER.lastIndex = end;
  }
  return out;
}
