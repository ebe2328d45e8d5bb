/**
 * pii.iban: International Bank Account Numbers: a country code with an IBAN format, two check
 * digits, then exactly the country's remaining length of letters and digits, written compact or
 * with single spaces or dashes (the print form groups by four; forms and banking apps print
 * "DE89-3704-…"), followed by no further letter or digit;
 * check digits 02-98 and MOD 97-10 remainder 1 (ISO 13616 / ISO 7064). Lower case is accepted.
 */
import { ibanLength, ibanValid } from '../iban-check.js';
import type { Span } from '../types.js';
import { WORD_CLASS } from './spans.js';

const START = new RegExp(String.raw`(?<![${WORD_CLASS}])[A-Za-z]{2}\d{2}`, 'gu');
const WORD_CHAR = new RegExp(`[${WORD_CLASS}]`, 'u');

function isAsciiAlnum(c: string | undefined): boolean {
  if (c === undefined) return false;
  const u = c.charCodeAt(0) | 0x20; // fold ASCII upper case to lower; digits keep their bit
  return (c >= '0' && c <= '9') || (u >= 0x61 && u <= 0x7a);
}

export function detectIban(text: string): Span[] {
  const out: Span[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    const total = ibanLength(m[0].slice(0, 2).toUpperCase());
    if (total === undefined) continue;
    let compact = m[0];
    let pos = m.index + m[0].length;
    while (compact.length < total) {
      const c = text[pos];
      if (isAsciiAlnum(c)) {
        compact += c;
        pos++;
      } else if ((c === ' ' || c === '-') && isAsciiAlnum(text[pos + 1])) {
        pos++;
      } else {
        break;
      }
    }
    if (compact.length !== total) continue;
    const next = text[pos];
    if (next !== undefined && WORD_CHAR.test(next)) continue;
    if (!ibanValid(compact.toUpperCase())) continue;
    out.push({ start: m.index, end: pos });
    START.lastIndex = pos;
  }
  return out;
}
