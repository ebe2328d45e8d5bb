/**
 * pii.card: payment card numbers (PANs): 13-19 digits, bare or in groups joined by one kind of
 * separator (space or '-'), whose prefix is in a known issuer range (IIN) for that length and
 * whose last digit is the Luhn check digit.
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

const RUN = new RegExp(String.raw`(?<![${WORD_CLASS}.,/-])\d+(?:[ -]\d+)*`, 'gu');
const AFTER_REJECT = new RegExp(String.raw`^(?:[${WORD_CLASS}]|[.,]\d)`, 'u');

/**
 * Last-group indexes j of the layout-valid windows starting at group i, longest first:
 * i..j with every group but the last of length 4 and one separator kind, or 4-6-5 / 4-6-4,
 * or a single bare group; 13-19 digits in all. At most a handful per i, so a run is scanned in
 * linear time however many groups it has.
 */
function windowEnds(lengths: readonly number[], seps: readonly string[], i: number): number[] {
  const ends: number[] = [];
  let digits = 0;
  for (let j = i; j < lengths.length; j++) {
    digits += lengths[j]!;
    if (digits > 19 || (j > i && seps[j - 1] !== seps[i])) break;
    if (digits >= 13) ends.push(j);
    if (lengths[j] !== 4) break;
  }
  const [a, b, c] = [lengths[i], lengths[i + 1], lengths[i + 2]];
  if (a === 4 && b === 6 && (c === 5 || c === 4) && seps[i] === seps[i + 1]) ends.push(i + 2);
  return ends.sort((x, y) => y - x);
}

export function detectCard(text: string): Span[] {
  const out: Span[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const runEnd = m.index + m[0].length;
    const groups = m[0].split(/[ -]/);
    const seps = m[0].match(/[ -]/g) ?? [];
    const lengths = groups.map((g) => g.length);
    const offsets: number[] = [];
    let at = m.index;
    for (const n of lengths) {
      offsets.push(at);
      at += n + 1;
    }
    for (let i = 0; i < groups.length; i++) {
      for (const j of windowEnds(lengths, seps, i)) {
        const end = offsets[j]! + lengths[j]!;
        if (end === runEnd && AFTER_REJECT.test(text.slice(end, end + 2))) continue;
        if (isCardNumber(groups.slice(i, j + 1).join(''))) {
          out.push({ start: offsets[i]!, end });
          i = j;
          break;
        }
      }
    }
  }
  return out;
}
