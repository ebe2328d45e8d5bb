/**
 * Prefix-anchored tokens (the shape most vendors give their keys): a fixed prefix, then a body of
 * one character class whose length lies in [min, max], then a character outside the body.
 *
 * A token cut by a line break (a mail client wrapping at 72 columns, a terminal at 80, a quoted
 * reply's "> ") continues on the next line when the break sits right after body characters and
 * the next line, after indentation and quote marks, starts with body characters, and either
 *   - the token is still shorter than `min` (it cannot end there), or
 *   - the line it ends is at least WRAP_WIDTH characters long (only a full line wraps) and the
 *     continuation looks machine-made (at least 8 characters with a digit, or 8 of mixed case),
 * for at most MAX_CONTINUATIONS lines. The span then covers the line breaks too.
 *
 * Linear time: the body is read at most max + 1 characters at a time, and scanning resumes after
 * what was read, so no character is read twice by one rule.
 */
import { shannonEntropy } from '../entropy.js';
import type { Span } from '../types.js';
import { lineStartWithin } from './context.js';

export interface PrefixedRule {
  /** Regex source of the prefix. It is searched for as is, so make its first characters literal. */
  readonly prefix: string;
  /** Match the prefix in any case (a URL's host). */
  readonly ignoreCase?: boolean;
  /** Character class body (what goes inside [...]) of the characters after the prefix. */
  readonly body: string;
  readonly min: number;
  readonly max: number;
  /** Class body of characters that may not stand right before the prefix; default A-Za-z0-9. */
  readonly before?: string;
  /** Extra class body of characters that may not follow the token (the body's own never may). */
  readonly after?: string;
  /** Characters a sentence may put after a token whose body allows them (a final '.'): dropped. */
  readonly trimEnd?: string;
  /** Bits per character the body must reach (default 3, so "XXXX…" placeholders in docs are not keys). */
  readonly entropyFloor?: number;
  /** A further check of the body, line breaks removed. */
  readonly check?: (body: string) => boolean;
}

export const WRAP_WIDTH = 60;
export const MAX_CONTINUATIONS = 8;
const DEFAULT_ENTROPY_FLOOR = 3;

interface Compiled {
  readonly rule: PrefixedRule;
  readonly prefix: RegExp;
  readonly body: RegExp;
  readonly isBefore: RegExp;
  readonly isAfter: RegExp;
}

const compiled = new WeakMap<PrefixedRule, Compiled>();

function compile(rule: PrefixedRule): Compiled {
  let c = compiled.get(rule);
  if (c === undefined) {
    c = {
      rule,
      prefix: new RegExp(rule.prefix, rule.ignoreCase === true ? 'gi' : 'g'),
      body: new RegExp(`[${rule.body}]{0,${rule.max + 1}}`, 'y'),
      isBefore: new RegExp(`[${rule.before ?? 'A-Za-z0-9'}]`),
      isAfter: new RegExp(`[A-Za-z0-9${rule.body}${rule.after ?? ''}]`),
    };
    compiled.set(rule, c);
  }
  return c;
}

const INDENT = /[ \t>]{0,16}/y;

function readBody(c: Compiled, text: string, at: number, limit: number): number {
  c.body.lastIndex = at;
  c.body.test(text);
  return Math.min(c.body.lastIndex - at, limit);
}

function looksMachineMade(piece: string): boolean {
  return piece.length >= 8 && (/[0-9]/.test(piece) || (/[a-z]/.test(piece) && /[A-Z]/.test(piece)));
}


/** End of the body starting at `from` (line breaks included) and the body's text without them. */
function readWrapped(c: Compiled, text: string, from: number): { end: number; body: string; read: number } {
  const max = c.rule.max;
  let n = readBody(c, text, from, max + 1);
  let end = from + n;
  let body = text.slice(from, end);
  let read = end;
  for (let k = 0; k < MAX_CONTINUATIONS && body.length <= max; k++) {
    const lineEnd = end;
    const nl = text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : text[lineEnd] === '\n' ? lineEnd + 1 : -1;
    if (nl === -1 || n === 0) break;
    INDENT.lastIndex = nl;
    INDENT.test(text);
    const next = INDENT.lastIndex;
    n = readBody(c, text, next, max + 1 - body.length);
    if (n === 0) break;
    const piece = text.slice(next, next + n);
    const fullLine = lineEnd - lineStartWithin(text, lineEnd, WRAP_WIDTH) >= WRAP_WIDTH;
    if (!(body.length < c.rule.min || (fullLine && looksMachineMade(piece)))) break;
    body += piece;
    end = next + n;
    read = end;
  }
  return { end, body, read };
}

/**
 * The floor for a body of `length` characters: the rule's, but well below what a random body of
 * that length reaches. A short body has little room for variety (16 characters have at most
 * log2(16) = 4 bits each, and 1 in 100 random 16-character AWS key ids falls under 3.0), so the
 * floor is log2(length) - 1.5 when that is lower: it still rejects "XXXX…" and "abab…".
 */
function entropyFloor(rule: PrefixedRule, length: number): number {
  return Math.min(rule.entropyFloor ?? DEFAULT_ENTROPY_FLOOR, Math.log2(Math.max(length, 1)) - 1.5);
}

/** Every token of `rule` in `text`. */
export function prefixedTokenSpans(rule: PrefixedRule, text: string): Span[] {
  const c = compile(rule);
  const out: Span[] = [];
  c.prefix.lastIndex = 0;
  for (let m = c.prefix.exec(text); m !== null; m = c.prefix.exec(text)) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    if (m[0].length === 0) {
      c.prefix.lastIndex++;
      continue;
    }
    if (start > 0 && c.isBefore.test(text[start - 1]!)) continue;
    const { end: rawEnd, body: rawBody, read } = readWrapped(c, text, bodyStart);
    c.prefix.lastIndex = Math.max(c.prefix.lastIndex, read);
    let end = rawEnd;
    let body = rawBody;
    if (rule.trimEnd !== undefined) {
      while (body.length > 0 && rule.trimEnd.includes(body[body.length - 1]!)) {
        body = body.slice(0, -1);
        end--;
      }
    }
    if (body.length < rule.min || body.length > rule.max) continue;
    if (end === rawEnd && end < text.length && c.isAfter.test(text[end]!)) continue;
    if (shannonEntropy(body) < entropyFloor(rule, body.length)) continue;
    if (rule.check !== undefined && !rule.check(body)) continue;
    out.push({ start, end });
  }
  return out;
}

export function hasDigit(s: string): boolean {
  return /[0-9]/.test(s);
}

export function hasMixedCase(s: string): boolean {
  return /[a-z]/.test(s) && /[A-Z]/.test(s);
}
