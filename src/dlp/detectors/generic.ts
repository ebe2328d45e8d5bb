/**
 * secret.generic: a value assigned to a name that says it is a secret, when the value looks like
 * one; and the password in a URL's userinfo (scheme://user:password@host).
 *
 * Assignment: NAME ["'] (= | : | := | =>) [scheme] VALUE, where NAME is up to four words whose LAST
 * word (split on space, _ . - and camelCase) is a secret word ("db_password", "X-Api-Key",
 * "client secret"), an optional auth scheme (Bearer, Basic, Token, Bot) is skipped, and VALUE is a
 * quoted string or a run of characters other than whitespace, quotes, '[' and ']' (a query string
 * "token=...&user=1" is redacted to its end: cutting at '&' would leave the rest of a password
 * such as "Tr0ub4dor&3" in the view).
 * Only the value is the span: the name stays, so the model still sees "password: [SECRET_1]".
 *
 * The value must pass an entropy test, with a lower bar for passwords (people choose them) than
 * for keys and tokens (machines generate them); see the thresholds below.
 */
import { shannonEntropy } from '../entropy.js';
import { PLACEHOLDER_SHAPE } from '../placeholders.js';
import type { Span } from '../types.js';

const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode']);
const KEY_WORDS: ReadonlySet<string> = new Set([
  'key', 'apikey', 'secret', 'secretkey', 'token', 'accesskey', 'accesstoken', 'authtoken', 'privatekey',
  'clientsecret', 'credential', 'credentials', 'auth', 'authorization',
]);

/** Passwords: at least 6 units, at least 2.0 bits/unit, and not a single prose word of < 12 letters. */
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

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

const NAME_WORD = '[A-Za-z][A-Za-z0-9_.-]{0,63}';
const ASSIGNMENT = new RegExp(
  `(?<![A-Za-z0-9_.-])(${NAME_WORD}(?: ${NAME_WORD}){0,3})["']?[ \\t]*(?::=|=>|=|:)[ \\t]*` +
    `(?:(?:bearer|basic|token|bot)[ \\t]+)?` +
    `(?:"([^"\\r\\n]+)"|'([^'\\r\\n]+)'|["']?([^\\s"'\`\\[\\]]+))`,
  'dgi',
);
const URL_USERINFO_PASSWORD = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@[\]]+:([^\s/@[\]]+)@/dg;

function lastWord(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  return words[words.length - 1] ?? '';
}

export function passesPasswordBar(value: string): boolean {
  if (value.length < PASSWORD_MIN_LENGTH || shannonEntropy(value) < PASSWORD_MIN_ENTROPY) return false;
  // "changed", "expired", "Welcome": a lone word is far more often prose than a password.
  return !(value.length < 12 && /^[A-Za-z][a-z]*$|^[A-Z]+$/.test(value));
}

export function passesKeyBar(value: string): boolean {
  return (
    value.length >= KEY_MIN_LENGTH &&
    shannonEntropy(value) >= KEY_MIN_ENTROPY &&
    /[A-Za-z]/.test(value) &&
    /[0-9]/.test(value) &&
    !DATE_TIME.test(value)
  );
}

export function detectGeneric(text: string): Span[] {
  const out: Span[] = [];
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m !== null; m = ASSIGNMENT.exec(text)) {
    const group = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
    const at = m.indices?.[group];
    const value = m[group];
    if (at === undefined || value === undefined) continue;
    // Rescan from the value: it may itself hold an assignment ("url: password=...").
    ASSIGNMENT.lastIndex = at[0];
    const word = lastWord(m[1] ?? '');
    const isPassword = PASSWORD_WORDS.has(word);
    if (!isPassword && !KEY_WORDS.has(word)) continue;
    if (group !== 4 && PLACEHOLDER_SHAPE.test(value)) continue; // a view's own placeholder
    if (isPassword ? passesPasswordBar(value) : passesKeyBar(value)) out.push({ start: at[0], end: at[1] });
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
