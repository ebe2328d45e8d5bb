/**
 * The bars a value must clear to count as a secret: people choose passwords, machines generate
 * keys, so a password needs less variety than a key or token. Entropy is Shannon's, over UTF-16
 * code units; values nested in one run are judged from one table (class Values), so a chain
 * "token=token=…" is judged in linear time.
 */
import type { SecretKind } from './secret-names.js';

/** Passwords: at least 6 units, at least 2.0 bits/unit, and not a single prose word of < 12 units. */
export const PASSWORD_MIN_LENGTH = 6;
export const PASSWORD_MIN_ENTROPY = 2.0;
/**
 * Keys and tokens: at least 16 units, at least 3.0 bits/unit, both a letter and a digit, and not
 * a date or timestamp ("expires: 2024-03-05T10:32:05Z" has 3.1 bits/unit). 3.0 rather than the
 * 3.5 often used for unlabelled strings: the name already says "secret", and at 3.5 only 10% of
 * random 16-character hex keys pass (86% at 3.0; base62/base64 keys of 16+ pass at >= 99.9%).
 */
export const KEY_MIN_LENGTH = 16;
export const KEY_MIN_ENTROPY = 3.0;
/** Rounding in the entropy sum must not decide a value that sits exactly on a bar ("aabbccdd" is 2.0). */
export const ENTROPY_TOLERANCE = 1e-9;

export const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * One word of letters, as people write it in a sentence: "changed", "Welcome", "geändert",
 * "EXPIRED", "変更済み" (caseless scripts count as lower case), optionally ending a sentence.
 * Not "SuperSecret": a capital after the first letter is how people build passwords.
 */
export const PROSE_WORD = /^(?:\p{L}[\p{Ll}\p{Lo}\p{Lm}\p{M}]*|[\p{Lu}\p{Lo}\p{Lm}\p{M}]+)[.,;。、]?$/u;

/** Per-unit counts for sweep: one table, zeroed again after each use (JavaScript runs one call at a time). */
const unitCounts = new Uint32Array(0x10000);

interface Sweep {
  /** Entropy of the whole of text[start, end). */
  readonly entropy: number;
  /** Last index of an ASCII letter and of a digit, or -1. */
  readonly lastLetter: number;
  readonly lastDigit: number;
}

/**
 * One backward pass over text[start, end), keeping S = Σ n·log2(n) over the counts n of the units
 * seen: the suffix of length L has entropy H = log2(L) − S/L, written into `suffixEntropies`.
 */
function sweep(text: string, start: number, end: number, suffixEntropies?: Float64Array): Sweep {
  let s = 0;
  let entropy = 0;
  let lastLetter = -1;
  let lastDigit = -1;
  for (let i = end - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    const n = unitCounts[c]!;
    unitCounts[c] = n + 1;
    s += (n + 1) * Math.log2(n + 1) - (n === 0 ? 0 : n * Math.log2(n));
    const length = end - i;
    entropy = Math.log2(length) - s / length;
    if (suffixEntropies !== undefined) suffixEntropies[i - start] = entropy;
    if (lastLetter < 0 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) lastLetter = i;
    if (lastDigit < 0 && c >= 48 && c <= 57) lastDigit = i;
  }
  for (let i = start; i < end; i++) unitCounts[text.charCodeAt(i)] = 0;
  return { entropy, lastLetter, lastDigit };
}

/**
 * Judges text[start, end) and, for nested assignments, any suffix of it: in "key=key=key=…" each
 * value runs to the end of the same run, so judging each one afresh would take time quadratic in
 * the run. The suffix table is built on the first question about a suffix.
 */
export class Values {
  private readonly whole: Sweep;
  private suffixEntropies: Float64Array | undefined;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {
    this.whole = sweep(text, start, end);
  }

  private entropyFrom(at: number): number {
    if (at === this.start) return this.whole.entropy;
    if (this.suffixEntropies === undefined) {
      this.suffixEntropies = new Float64Array(this.end - this.start);
      sweep(this.text, this.start, this.end, this.suffixEntropies);
    }
    return this.suffixEntropies[at - this.start] ?? 0;
  }

  /** Whether text[at, end) passes the bar of `kind`. */
  passes(kind: SecretKind, at: number): boolean {
    const length = this.end - at;
    if (kind === 'password') {
      if (length < PASSWORD_MIN_LENGTH || this.entropyFrom(at) < PASSWORD_MIN_ENTROPY - ENTROPY_TOLERANCE) return false;
      // "changed", "expired", "Welcome": a lone word is far more often prose than a password.
      return !(length < 12 && PROSE_WORD.test(this.text.slice(at, this.end)));
    }
    return (
      length >= KEY_MIN_LENGTH &&
      this.whole.lastLetter >= at &&
      this.whole.lastDigit >= at &&
      this.entropyFrom(at) >= KEY_MIN_ENTROPY - ENTROPY_TOLERANCE &&
      // A date-time is at most 35 units; testing a longer value would only cost time.
      !(length <= 35 && DATE_TIME.test(this.text.slice(at, this.end)))
    );
  }
}

export function passesPasswordBar(value: string): boolean {
  return new Values(value, 0, value.length).passes('password', 0);
}

export function passesKeyBar(value: string): boolean {
  return new Values(value, 0, value.length).passes('key', 0);
}

