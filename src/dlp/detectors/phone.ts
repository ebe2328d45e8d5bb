/**
 * pii.phone: phone numbers, international and national.
 *
 * A candidate is a maximal run of digit groups joined by single separators (space . - /) with
 * optional parenthesised groups, optionally led by '+'. It must not touch a letter, digit, '_',
 * '#', '@', a currency sign or a decimal point on either side (CJK and Thai letters excepted, see
 * WORD_CLASS). A candidate is a phone number when:
 *   - strong, international: it starts with '+' (or '00' and a non-zero digit) and has 8-15 digits
 *     after the prefix (E.164 allows at most 15);
 *   - strong, North American: (NXX) NXX-XXXX, NXX-NXX-XXXX, NXX.NXX.XXXX, NXX NXX XXXX, optional
 *     leading "1 ", with N in 2-9 (NANP area code and exchange never start with 0 or 1);
 *   - strong, national with trunk prefix: it starts with a single '0', has 9-13 digits and at least
 *     one separator (030 1234567, 0151/23456789, 01 23 45 67 89, 03-1234-5678, 020 7946 0958);
 *   - weak: any other run of 7-15 digits, accepted only when a phone word (phone, tel, mobile,
 *     Telefon, Handy, teléfono, móvil, 電話, 携帯, ...) ends at most 30 characters before it on the
 *     same line with no digit in between.
 * Never phones: date shapes (2024-03-05, 05.03.2024, 12/03/2024) and IPv4 addresses at the start of
 * the run, anything followed by ",5" or ".5" (amounts, versions), runs touching letters (UUIDs,
 * tracking numbers such as 1Z999AA10123456784).
 * A run is judged whole; sub-runs are never tried, so long digit lists do not yield fragments.
 */
import type { Span } from '../types.js';
import { lineStartWithin } from './context.js';
import { WORD_CLASS } from './spans.js';

const CANDIDATE = new RegExp(
  String.raw`(?<![${WORD_CLASS}#@$€£¥.,/+-])(?:\+[ ]?)?(?:\(\d{1,5}\)[ .\/-]?)?\d+(?:(?:[ .\/-]?\(\d{1,5}\)[ .\/-]?|[ .\/-])\d+)*`,
  'gu',
);
const AFTER_REJECT = new RegExp(String.raw`^(?:[${WORD_CLASS}@]|[.,:]\d)`, 'u');
const DATE_START = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?!\d|[-./]\d)/;
const IPV4_START = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\d|\.\d)/;
const NANP = /^(?:1[ .-])?(?:\([2-9]\d\d\)[ .-]?|[2-9]\d\d[ .-])[2-9]\d\d[ .-]\d{4}$/;
const PHONE_WORDS = [
  'phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'fax', 'whatsapp', 'sms',
  'telefon', 'telefonnummer', 'rufnummer', 'handy', 'mobil', 'mobilnummer',
  't[eé]l[eé]fono', 'm[oó]vil', 'celular', 't[eé]l[eé]phone', 'portable', 'telefono', 'cellulare',
];
// Latin-script words need word boundaries ("tel" is not in "hotel"); CJK words cannot have them.
const PHONE_WORD = new RegExp(
  `(?<![${WORD_CLASS}])(?:${PHONE_WORDS.join('|')})(?![${WORD_CLASS}])|電話|携帯|ＴＥＬ|連絡先`,
  'giu',
);
export const PHONE_CONTEXT_WINDOW = 30;

function hasPhoneWordBefore(text: string, start: number): boolean {
  // Bounded: an unbounded search for the line start would rescan a long line for every number on it.
  const lineStart = lineStartWithin(text, start, PHONE_CONTEXT_WINDOW + 16);
  const before = text.slice(lineStart, start);
  PHONE_WORD.lastIndex = 0;
  for (let m = PHONE_WORD.exec(before); m !== null; m = PHONE_WORD.exec(before)) {
    const gap = before.slice(m.index + m[0].length);
    if (gap.length <= PHONE_CONTEXT_WINDOW && !/\d/.test(gap)) return true;
  }
  return false;
}

function isPhone(run: string, text: string, start: number): boolean {
  if (DATE_START.test(run) || IPV4_START.test(run)) return false;
  const digits = run.replace(/\D/g, '');
  if (run.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  if (/^00[1-9]/.test(digits)) return digits.length - 2 >= 8 && digits.length - 2 <= 15;
  if (NANP.test(run)) return true;
  const hasSeparator = /[ .\/()-]/.test(run);
  if (/^\(?0[1-9]/.test(run) && hasSeparator && digits.length >= 9 && digits.length <= 13) return true;
  return digits.length >= 7 && digits.length <= 15 && hasPhoneWordBefore(text, start);
}

export function detectPhone(text: string): Span[] {
  const out: Span[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const end = m.index + m[0].length;
    if (AFTER_REJECT.test(text.slice(end, end + 2))) continue;
    if (isPhone(m[0], text, m.index)) out.push({ start: m.index, end });
  }
  return out;
}
