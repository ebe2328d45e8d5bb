/**
 * pii.ssn: US Social Security Numbers: AAA-GG-SSSS, written with dashes, spaces, dots or compact
 * (one separator kind throughout), when
 *   - the number can have been issued (SSA rules): area not 000, 666 or 900-999; group not 00;
 *     serial not 0000; not one digit repeated; not a well-known example that was never a real
 *     number (123-45-6789, 078-05-1120, the "Woolworth wallet" card), the same list Presidio uses;
 *   - and a context word stands at most CONTEXT_WINDOW characters before it on its line or the
 *     line before (SSN, SS#, social security, soc. sec., seguro social; Presidio's context list).
 *     Nine digits in that shape are also order numbers, case ids and zip+4 codes: the shape alone
 *     says little, so there is no match without the word.
 * Not inside a longer run of digits, letters or digit groups.
 */
import type { Span } from '../types.js';
import { spansAfterContext } from './context.js';
import { WORD_CLASS } from './spans.js';

const SSN = new RegExp(
  String.raw`(?<![${WORD_CLASS}\-./])(\d{3})([- .]?)(\d{2})\2(\d{4})(?![${WORD_CLASS}]|[-./]\d)`,
  'gu',
);
export const CONTEXT_WINDOW = 60;
const CONTEXT = /\bssns?\b|\bssn?#|social[ -]security|\bsoc\.? ?sec\b|seguro social|seguridad social/gi;
const NEVER_ISSUED: ReadonlySet<string> = new Set(['123456789', '078051120', '219099999', '987654320']);

export function isPlausibleSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (/^(\d)\1{8}$/.test(digits)) return false;
  return !NEVER_ISSUED.has(digits);
}

// Searched from the context words, which are rare, rather than from every run of digits.
export function detectSsn(text: string): Span[] {
  return spansAfterContext(text, CONTEXT, SSN, CONTEXT_WINDOW, 11).filter((s) => isPlausibleSsn(text.slice(s.start, s.end).replace(/[- .]/g, '')));
}
