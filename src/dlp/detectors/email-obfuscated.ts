/**
 * pii.email, written to dodge harvesters: the '@' as "[at]", "(at)", "{at}", "<at>", "[@]",
 * " @ ", "&#64;", "&#x40;", "%40", or the word "at" / "arroba"; the '.' as "[dot]", "(dot)",
 * "&#46;", or the word "dot" / "punto" / "punkt" / "point". Examples: "jane.doe [at] example
 * [dot] com", "jane.doe(at)example.com", "jane.doe @ example.com", "jane&#64;example.com",
 * "jane dot doe at example dot com".
 *
 * Found from each '@' form: the local part is read backwards (words joined by dot forms, at most
 * 64 characters of words), the domain forwards (labels joined by dot forms, the last an alphabetic
 * TLD of 2-24 letters). An address written plainly is pii.email's main rule's; this one needs an
 * obfuscated '@' or '.' somewhere. The words "at" and "dot" are ordinary English, so an address
 * whose '@' is the word "at" needs a dot written as a word or in brackets too, and a TLD reached
 * by the word "dot" must be a common one ("at noon dot then" is no address).
 */
import type { Span } from '../types.js';

const LATIN = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
const LOCAL_CHAR = new RegExp(`[${LATIN}0-9_%+-]`);
const AT = /[\[({<][ \t]?(?:at|@|arroba)[ \t]?[\])}>]|&#0*64;|&#x0*40;|%40|@|(?<=[ \t])(?:at|arroba)(?=[ \t])/gi;
type AtKind = 'plain' | 'spaced' | 'word' | 'other';
type DotKind = 'plain' | 'word' | 'other';
const DOT_BRACKET = '[\\[({<][ \\t]?(?:dot|punto|punkt|point|\\.)[ \\t]?[\\])}>]';
const DOT_ENTITY = '&#0*46;|&#x0*2e;';
const DOT_WORD = '(?:dot|punto|punkt|point)';
/** A dot form right after a label (sticky), and one right before a word (anchored at the end). */
const DOT_AFTER = new RegExp(`[ \\t]{0,3}(?:${DOT_BRACKET}|${DOT_ENTITY})[ \\t]{0,3}|[ \\t]{1,3}${DOT_WORD}[ \\t]{1,3}|\\.`, 'iy');
const DOT_BEFORE = new RegExp(`(?:[ \\t]{0,3}(?:${DOT_BRACKET}|${DOT_ENTITY})[ \\t]{0,3}|[ \\t]{1,3}${DOT_WORD}[ \\t]{1,3}|\\.)$`, 'i');
const LABEL = new RegExp(`[${LATIN}0-9](?:[${LATIN}0-9-]{0,61}[${LATIN}0-9])?`, 'y');
const AFTER_DOMAIN = new RegExp(`^(?:[${LATIN}0-9-]|\\.[${LATIN}0-9])`);
const COMMON_TLDS: ReadonlySet<string> = new Set(
  'com net org edu gov io co de es fr it nl be ch at uk jp mx br ar cl eu info biz us ca au pl pt se no dk fi ie ru in cn'.split(' '),
);
export const MAX_LOCAL = 64;

function dotKind(token: string): DotKind {
  return token === '.' ? 'plain' : /^[ \t]*[a-z]/i.test(token) ? 'word' : 'other';
}

/** Start of the local part ending at `end`, and the kinds of dots in it; undefined if there is none. */
function localStart(text: string, end: number): { start: number; dots: DotKind[] } | undefined {
  let at = end;
  let letters = 0;
  let start = -1;
  const dots: DotKind[] = [];
  for (;;) {
    let s = at;
    while (s > 0 && letters < MAX_LOCAL && LOCAL_CHAR.test(text[s - 1]!)) {
      s--;
      letters++;
    }
    if (s === at) {
      dots.pop(); // the dot read last has no word before it: not part of the address
      break;
    }
    start = s;
    // Every dot form ends in '.', a closing bracket, ';' (an entity) or a space (a word).
    const last = text[s - 1];
    const mayBeDot = last === '.' || last === ']' || last === ')' || last === '}' || last === '>' || last === ';' || last === ' ' || last === '\t';
    const before = letters < MAX_LOCAL && mayBeDot ? DOT_BEFORE.exec(text.slice(Math.max(0, s - 24), s)) : null;
    if (before === null) break;
    dots.push(dotKind(before[0]));
    at = s - before[0].length;
  }
  return start === -1 ? undefined : { start, dots };
}

/** End of the domain starting at `at`, the kinds of its dots and its TLD; undefined if none. */
function domainEnd(text: string, at: number): { end: number; dots: DotKind[]; tld: string } | undefined {
  LABEL.lastIndex = at;
  let label = LABEL.exec(text);
  if (label === null) return undefined;
  let end = LABEL.lastIndex;
  let tld = label[0];
  const dots: DotKind[] = [];
  for (let n = 0; n < 8; n++) {
    DOT_AFTER.lastIndex = end;
    const dot = DOT_AFTER.exec(text);
    if (dot === null) break;
    LABEL.lastIndex = DOT_AFTER.lastIndex;
    label = LABEL.exec(text);
    if (label === null) break;
    dots.push(dotKind(dot[0]));
    end = LABEL.lastIndex;
    tld = label[0];
  }
  return dots.length === 0 ? undefined : { end, dots, tld };
}

function atKind(token: string, spaced: boolean): AtKind {
  if (token === '@') return spaced ? 'spaced' : 'plain';
  return /^[a-z]/i.test(token) ? 'word' : 'other';
}

export function detectObfuscatedEmail(text: string): Span[] {
  const out: Span[] = [];
  AT.lastIndex = 0;
  for (let m = AT.exec(text); m !== null; m = AT.exec(text)) {
    let atStart = m.index;
    let atEnd = m.index + m[0].length;
    while (atStart > 0 && atStart > m.index - 3 && (text[atStart - 1] === ' ' || text[atStart - 1] === '\t')) atStart--;
    while (atEnd < text.length && atEnd < m.index + m[0].length + 3 && (text[atEnd] === ' ' || text[atEnd] === '\t')) atEnd++;
    const kind = atKind(m[0], atStart < m.index || atEnd > m.index + m[0].length);
    // The domain first: it is read with sticky regexes, and most '@'s have none.
    const domain = domainEnd(text, atEnd);
    const local = domain === undefined ? undefined : localStart(text, atStart);
    if (local === undefined || domain === undefined) continue;
    if (!/^[A-Za-z]{2,24}$/.test(domain.tld) || AFTER_DOMAIN.test(text.slice(domain.end, domain.end + 2))) continue;
    const lastDot = domain.dots[domain.dots.length - 1];
    if (lastDot === 'word' && !COMMON_TLDS.has(domain.tld.toLowerCase())) continue;
    const obfuscatedDot = [...local.dots, ...domain.dots].some((d) => d !== 'plain');
    if (kind === 'plain' && !obfuscatedDot) continue; // the main rule's
    if (kind === 'word' && !obfuscatedDot) continue;
    out.push({ start: local.start, end: domain.end });
    AT.lastIndex = Math.max(AT.lastIndex, domain.end);
  }
  return out;
}

const CANON_AT = /[ \t]*(?:[\[({<][ \t]?(?:at|@|arroba)[ \t]?[\])}>]|&#0*64;|&#x0*40;|%40|@|[ \t](?:at|arroba)[ \t])[ \t]*/giu;
const CANON_DOT = new RegExp(`[ \\t]*(?:${DOT_BRACKET}|${DOT_ENTITY}|[ \\t]${DOT_WORD}[ \\t])[ \\t]*`, 'gi');

/** One spelling for the same address however it was written: "Jane [at] Example [dot] com" is "jane@example.com". */
export function canonicalEmail(value: string): string {
  return value.replace(CANON_AT, '@').replace(CANON_DOT, '.').toLowerCase();
}
