/**
 * secret.generic: a value assigned to a name that says it is a secret, when the value looks like
 * one; and the password in a URL's userinfo (scheme://user:password@host).
 *
 * Assignment: NAME [は] ["'] (= | : | := | => | ：) [scheme] VALUE, where NAME is up to four
 * words of a space-separated script ("db_password", "X-Api-Key", "client secret", "Passwort",
 * "mot de passe") or one of the Japanese words パスワード and 暗証番号 (Japanese puts no space
 * before a word, so those are matched anywhere). The words of NAME (split on space, _ . - and
 * camelCase) decide: the last one or, for "mot de passe", the last three, must be a secret word.
 * A linking verb after the name ("the password is: X", "Passwort ist: X", "le mot de passe
 * est : X") is skipped; it counts only before a sign, so the prose "my password is changed"
 * never matches. An auth scheme (Bearer, Basic, Token, Bot) is skipped, and VALUE is a quoted
 * string or a run of characters other than whitespace, quotes, '`', '[' and ']' (a query string
 * "token=...&user=1" is redacted to its end: cutting at '&' would leave the rest of a password
 * such as "Tr0ub4dor&3" in the view).
 * Only the value is the span: the name stays, so the model still sees "password: [SECRET_1]".
 *
 * The value must pass an entropy test, with a lower bar for passwords (people choose them) than
 * for keys and tokens (machines generate them); see the thresholds below. Scanning resumes at each
 * value, which may hold another assignment ("url: password=X"); values nested in one run are
 * judged from one table (class Values), so a chain "token=token=…" stays linear.
 */
import { PLACEHOLDER_SHAPE } from '../placeholders.js';
import type { Span } from '../types.js';
import { WORD_CLASS } from './spans.js';

/** Secret names, compared after NFKC and lower-casing; a multi-word name is its words joined by ' '. */
const PASSWORD_NAMES: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode',
  'passwort', 'kennwort', // de
  'contraseña', 'contrasena', 'clave', // es ("contrasena": typed without the tilde)
  'mot de passe', 'mdp', // fr
  'senha', // pt
  'wachtwoord', // nl
  'パスワード', '暗証番号', // ja
]);
const KEY_NAMES: ReadonlySet<string> = new Set([
  'key', 'apikey', 'secret', 'secretkey', 'token', 'accesskey', 'accesstoken', 'authtoken', 'privatekey',
  'clientsecret', 'credential', 'credentials', 'auth', 'authorization',
]);
const MAX_NAME_PHRASE_WORDS = 3;
/** "the password is: X", "Passwort ist: X", "la contraseña es: X", "a senha é: X", "la password è: X". */
const LINKING_VERBS: ReadonlySet<string> = new Set(['is', 'are', 'was', 'ist', 'lautet', 'es', 'est', 'é', 'è']);

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

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/**
 * One word of letters, as people write it in a sentence: "changed", "Welcome", "geändert",
 * "EXPIRED", "変更済み" (caseless scripts count as lower case), optionally ending a sentence.
 * Not "SuperSecret": a capital after the first letter is how people build passwords.
 */
const PROSE_WORD = /^(?:\p{L}[\p{Ll}\p{Lo}\p{Lm}\p{M}]*|[\p{Lu}\p{Lo}\p{Lm}\p{M}]+)[.,;。、]?$/u;

// Spaces around the sign: French typesetting puts a no-break space before ':' ("mot de passe : X").
const SPACE = '[ \\t\\u00A0\\u202F\\u3000]';
const SIGN = '(?::=|=>|=|:|：)';
// A name word starts with a letter of a space-separated script (see WORD_CLASS). Han and kana are
// left out, so that "確認のためpassword: X" starts the name at "password"; a name in Japanese is
// one of the words in CJK_NAME, matched wherever it stands.
const NAME_WORD = `(?=\\p{L})[${WORD_CLASS}][${WORD_CLASS}\\p{M}.\\-]{0,63}`;
const NAME = `(?<![${WORD_CLASS}\\p{M}.\\-])${NAME_WORD}(?: ${NAME_WORD}){0,3}`;
const CJK_NAME = 'パスワード|暗証番号';
/**
 * A sign, then the name before it (group 1) in a lookbehind: the engine looks for the rare sign
 * characters first and reads back from each, instead of trying a name at every letter of the text.
 * The lookbehind takes as many words as it can (up to four), which is the name a forward scan
 * would start first. The match ends where the value starts; readValue reads the value. Every part
 * is bounded (four words of at most 64 units, then runs of spaces), so nothing backtracks badly.
 */
const ASSIGNMENT = new RegExp(
  `${SIGN}(?<=(${NAME}|${CJK_NAME})は?["']?${SPACE}*${SIGN})${SPACE}*(?:(?:bearer|basic|token|bot)${SPACE}+)?`,
  'giu',
);
const RUN = /[^\s"'`[\]]+/y;
const URL_USERINFO_PASSWORD = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@[\]]+:([^\s/@[\]]+)@/dg;

export type SecretKind = 'password' | 'key';

function nameWords(name: string): string[] {
  // NFKC: "ｐａｓｓｗｏｒｄ" (full-width) is "password", and "contraseña" is one form however typed.
  const folded = /[^\x00-\x7f]/.test(name) ? name.normalize('NFKC') : name;
  return folded
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** What the name says the value is, or undefined when it names no secret. */
export function secretKindOf(name: string): SecretKind | undefined {
  const words = nameWords(name);
  if (words.length > 1 && LINKING_VERBS.has(words[words.length - 1]!)) words.pop();
  for (let n = 1; n <= Math.min(MAX_NAME_PHRASE_WORDS, words.length); n++) {
    const phrase = words.slice(-n).join(' ');
    if (PASSWORD_NAMES.has(phrase)) return 'password';
    if (KEY_NAMES.has(phrase)) return 'key';
  }
  return undefined;
}

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
class Values {
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

interface Value {
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

/**
 * The value at `at`: a "…" or '…' string closed on the same line (the span is inside the quotes),
 * else a run after at most one quote. `runEndAfter` returns the end of the run at a position.
 */
function readValue(text: string, at: number, runEndAfter: (i: number) => number): Value | undefined {
  const q = text[at];
  let start = at;
  if (q === '"' || q === "'") {
    let close = at + 1;
    while (close < text.length && text[close] !== q && text[close] !== '\n' && text[close] !== '\r') close++;
    if (text[close] === q && close > at + 1) return { start: at + 1, end: close, quoted: true };
    start = at + 1;
  }
  const end = runEndAfter(start);
  return end > start ? { start, end, quoted: false } : undefined;
}

export function detectGeneric(text: string): Span[] {
  const out: Span[] = [];
  // Nested values in one run share its end: remember the last run and the last suffix table.
  let run = { start: 0, end: 0 };
  const runEndAfter = (i: number): number => {
    if (i >= run.start && i < run.end) return run.end;
    RUN.lastIndex = i;
    run = RUN.test(text) ? { start: i, end: RUN.lastIndex } : { start: i, end: i };
    return run.end;
  };
  // Chains such as "token=token=…" repeat one name many times.
  const kinds = new Map<string, SecretKind | undefined>();
  let values: Values | undefined;
  let last: Span = { start: 0, end: 0 };

  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m !== null; m = ASSIGNMENT.exec(text)) {
    const value = readValue(text, m.index + m[0].length, runEndAfter);
    if (value === undefined) continue;
    // Rescan from the value: it may itself hold an assignment ("url: password=...").
    ASSIGNMENT.lastIndex = value.start;
    if (value.start >= last.start && value.end <= last.end) continue; // already inside a found value
    const name = m[1] ?? '';
    const kind = kinds.has(name) ? kinds.get(name) : secretKindOf(name);
    kinds.set(name, kind);
    if (kind === undefined) continue;
    if (value.quoted && PLACEHOLDER_SHAPE.test(text.slice(value.start, value.end))) continue; // a view's own placeholder
    if (values === undefined || values.end !== value.end || values.start > value.start) {
      values = new Values(text, value.start, value.end);
    }
    if (values.passes(kind, value.start)) {
      last = { start: value.start, end: value.end };
      out.push(last);
    }
  }
  URL_USERINFO_PASSWORD.lastIndex = 0;
  for (let m = URL_USERINFO_PASSWORD.exec(text); m !== null; m = URL_USERINFO_PASSWORD.exec(text)) {
    const at = m.indices?.[1];
    const value = m[1] ?? '';
    // "user:***@host" or "user:x@host" is already masked.
    if (at !== undefined && new Set(value).size > 1) out.push({ start: at[0], end: at[1] });
  }
  return out;
}
