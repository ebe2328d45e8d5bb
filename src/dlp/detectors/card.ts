/**
 * pii.card: payment card numbers (PANs): 13-19 digits, bare or in groups joined by one kind of
 * separator (space, '-' or '.'), whose prefix is in a known issuer range (IIN) for that length and
 * whose last digit is the Luhn check digit. A number wrapped over two lines is one number: one of
 * its separators may be a line break, and a bare number broken in two by a line break counts when
 * a card word stands before it.
 *
 * A run of digit groups may hold more than a card ("4111 1111 1111 1111 12 26" has the expiry
 * after it), so windows of consecutive groups are tried, longest first from each group.
 * Grouped windows must use the printed layouts: all groups of 4 except the last (Visa, Mastercard,
 * Discover, 19-digit 4-4-4-4-3), or 4-6-5 / 4-6-4 (Amex, Diners).
 */
import { luhnValid } from '../luhn.js';
import type { Span } from '../types.js';
import { WORD_CLASS } from './spans.js';

interface IssuerRange {
  readonly low: number;
  readonly high: number;
  readonly prefixLength: number;
  readonly lengths: readonly number[];
}

const L16_19 = [16, 17, 18, 19];
const ISSUERS: readonly IssuerRange[] = [
  { low: 4, high: 4, prefixLength: 1, lengths: [13, 16, 19] }, // Visa
  { low: 51, high: 55, prefixLength: 2, lengths: [16] }, // Mastercard
  { low: 2221, high: 2720, prefixLength: 4, lengths: [16] }, // Mastercard 2-series
  { low: 34, high: 34, prefixLength: 2, lengths: [15] }, // American Express
  { low: 37, high: 37, prefixLength: 2, lengths: [15] },
  { low: 6011, high: 6011, prefixLength: 4, lengths: L16_19 }, // Discover
  { low: 644, high: 649, prefixLength: 3, lengths: L16_19 },
  { low: 65, high: 65, prefixLength: 2, lengths: L16_19 },
  { low: 300, high: 305, prefixLength: 3, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { low: 3095, high: 3095, prefixLength: 4, lengths: [14, 15, 16, 17, 18, 19] },
  { low: 36, high: 36, prefixLength: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { low: 38, high: 39, prefixLength: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { low: 3528, high: 3589, prefixLength: 4, lengths: L16_19 }, // JCB
  { low: 62, high: 62, prefixLength: 2, lengths: L16_19 }, // UnionPay
  { low: 2200, high: 2204, prefixLength: 4, lengths: L16_19 }, // Mir
  ...[5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763].map((p) => ({
    low: p,
    high: p,
    prefixLength: 4,
    lengths: [13, 14, 15, 16, 17, 18, 19],
  })), // Maestro
];

export function knownIssuer(pan: string): boolean {
  return ISSUERS.some((r) => {
    if (!r.lengths.includes(pan.length)) return false;
    const prefix = Number(pan.slice(0, r.prefixLength));
    return prefix >= r.low && prefix <= r.high;
  });
}

export function isCardNumber(pan: string): boolean {
  return /^\d{13,19}$/.test(pan) && knownIssuer(pan) && luhnValid(pan);
}

// Digit groups joined by one space, '-' or '.', or by a line break (with the spaces and quote
// marks around it) where a mail client wrapped the number.
const RUN = new RegExp(String.raw`(?<![${WORD_CLASS}.,/-])\d+(?:(?:[ .-]|[ .-]?[ \t]{0,4}\r?\n[ \t>]{0,16})\d+)*`, 'gu');
const AFTER_REJECT = new RegExp(String.raw`^(?:[${WORD_CLASS}]|[.,]\d)`, 'u');
/** Separator kinds between groups. */
const SPACE = 1;
const DASH = 2;
const DOT = 3;
const BREAK = 4;
/** Words that say a number is a card, for one wrapped over two lines without its groups. */
const CARD_WORD = /card|karte|tarjeta|carte|cartão|carta|visa|master ?card|amex|\bpan\b|\bcc\b|カード/i;
export const CARD_CONTEXT_WINDOW = 60;

interface Groups {
  readonly starts: number[];
  readonly lengths: number[];
  /** seps[k] is the kind of separator after group k. */
  readonly seps: number[];
}

/** The digit groups of a run, read once, character by character. */
function groupsOf(text: string, start: number, end: number): Groups {
  const starts: number[] = [];
  const lengths: number[] = [];
  const seps: number[] = [];
  let i = start;
  while (i < end) {
    const groupStart = i;
    while (i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    starts.push(groupStart);
    lengths.push(i - groupStart);
    if (i >= end) break;
    // The separator: everything up to the next digit (RUN allows one of ' ', '-', '.', or a line
    // break with the spaces, quote marks and the one ' ', '-' or '.' around it).
    const c = text[i];
    let j = i;
    let kind = c === '-' ? DASH : c === '.' ? DOT : SPACE;
    while (j < end && (text.charCodeAt(j) < 48 || text.charCodeAt(j) > 57)) {
      if (text[j] === '\n') kind = BREAK;
      j++;
    }
    seps.push(kind);
    i = j;
  }
  return { starts, lengths, seps };
}

/**
 * Last-group indexes j of the layout-valid windows starting at group i, longest first:
 *   - i..j with every group but the last of length 4 and one separator kind, of which one may be
 *     a line break instead; or 4-6-5 / 4-6-4 with one separator; or a single bare group;
 *   - two groups of 4 or more digits joined by a line break (a bare number the client wrapped),
 *     only when `wrappedBare` (a card word stands before it);
 * 13-19 digits in all. At most a handful per i, so a run is scanned in linear time however many
 * groups it has.
 */
function windowEnds(g: Groups, i: number, wrappedBare: boolean): number[] {
  const { lengths, seps } = g;
  const ends: number[] = [];
  let digits = 0;
  let kind = 0;
  let breaks = 0;
  for (let j = i; j < lengths.length; j++) {
    digits += lengths[j]!;
    if (digits > 19) break;
    if (j > i) {
      const sep = seps[j - 1]!;
      if (sep === BREAK) breaks++;
      else if (kind === 0) kind = sep;
      else if (sep !== kind) break;
      if (breaks > 1) break;
    }
    if (digits >= 13) ends.push(j);
    if (lengths[j] !== 4) break;
  }
  const a = lengths[i]!;
  const b = lengths[i + 1];
  const c = lengths[i + 2];
  if (a === 4 && b === 6 && (c === 5 || c === 4) && seps[i] === seps[i + 1] && !ends.includes(i + 2)) ends.push(i + 2);
  if (wrappedBare && seps[i] === BREAK && b !== undefined && a >= 4 && b >= 4 && a + b >= 13 && a + b <= 19 && !ends.includes(i + 1)) ends.push(i + 1);
  return ends.length > 1 ? ends.sort((x, y) => y - x) : ends;
}

/** A window with '.' between groups is a card only in the dotted print layout, never next to more dotted digits. */
function dotsFit(seps: readonly number[], i: number, j: number): boolean {
  if (seps[i - 1] === DOT || seps[j] === DOT) return false;
  let dotted = false;
  let other = false;
  for (let k = i; k < j; k++) {
    if (seps[k] === DOT) dotted = true;
    else if (seps[k] !== BREAK) other = true;
  }
  return !(dotted && other);
}

function digitsOf(text: string, g: Groups, i: number, j: number): string {
  let s = '';
  for (let k = i; k <= j; k++) s += text.slice(g.starts[k]!, g.starts[k]! + g.lengths[k]!);
  return s;
}

export function detectCard(text: string): Span[] {
  const out: Span[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const runEnd = m.index + m[0].length;
    if (m[0].length < 13) continue;
    const g = groupsOf(text, m.index, runEnd);
    const hasBreak = m[0].includes('\n');
    const wrappedBare = hasBreak && CARD_WORD.test(text.slice(Math.max(0, m.index - CARD_CONTEXT_WINDOW), m.index));
    for (let i = 0; i < g.lengths.length; i++) {
      const len = g.lengths[i]!;
      // Only a group of 4 starts a grouped window; a longer one may be a card on its own.
      if (len !== 4 && len < 13 && !(wrappedBare && len >= 4)) continue;
      for (const j of windowEnds(g, i, wrappedBare)) {
        const end = g.starts[j]! + g.lengths[j]!;
        if (end === runEnd && AFTER_REJECT.test(text.slice(end, end + 2))) continue;
        if (!dotsFit(g.seps, i, j)) continue;
        if (isCardNumber(digitsOf(text, g, i, j))) {
          out.push({ start: g.starts[i]!, end });
          i = j;
          break;
        }
      }
    }
  }
  return out;
}
