/**
 * Passwords written as people write them, not as config files do:
 *   - without a sign, after a password word and a linking verb: "my password is Summer2024!",
 *     "mein Passwort ist jetzt Sommer2024!", "mi contraseña es Girasol_1228*", "le mot de passe
 *     est Tournesol.2062*", "パスワードは「Xk2!pQ9z」です". Without a sign the value must also look
 *     built, not written: a digit, a symbol or a capital after the first letter (so "my password
 *     is changed", "… is Welcome" and "… is incorrect" stay prose); and only the unambiguous
 *     password words count ("pass", "key" and "clave" say too little without a sign);
 *   - as a passphrase of several words ("passphrase: correct horse battery staple"): when a
 *     password's value fails its bar as a single word, three to eight words joined by single
 *     spaces that end the line (or a sentence, or a quote) are the value, if none of them is a
 *     function word or ticket vocabulary (function-words.ts) and they hold 12 characters or more.
 * Trailing sentence punctuation (. , ; : and a closing parenthesis) is not part of a sign-less value.
 */
import type { Span } from '../types.js';
import { FUNCTION_WORDS } from './function-words.js';
import { passesPasswordBar } from './secret-bars.js';
import { WORD_CLASS } from './spans.js';

// password, passwd, passphrase, pass phrase, passcode, passwort, passord; kennwort; contraseña;
// mot de passe; senha; wachtwoord; lösenord; hasło; пароль. Written as a tree of literals, so the
// engine can skip ahead on the first letters.
const PASSWORD_WORD = /(?:pass(?:word|wd|phrase| phrase|code|wort|ord)|kennwort|contrase(?:ña|na)|mot de passe|senha|wachtwoord|lösenord|has(?:ło|lo)|пароль)[ \t\u00A0]+/gi;
const WORD_BEFORE = new RegExp(`[${WORD_CLASS}\\p{M}]`, 'u');
const VERB = [
  'is now', 'is still', 'is set to', 'was set to', 'was changed to', 'has been changed to', 'has been set to',
  'changed to', 'set to', 'is', 'was', 'would be', 'should be',
  'ist jetzt', 'ist nun', 'ist', 'lautet jetzt', 'lautet', 'war',
  'es ahora', 'ahora es', 'es', 'era',
  'est maintenant', 'est', 'était',
  'é agora', 'é', 'è', 'blijft', 'är', 'er', 'jest', 'это', '—', '-',
].join('|');
const LINKING = new RegExp(`(?:${VERB})[ \\t\\u00A0]+(?=[^\\s])`, 'iy');
const CJK_SIGNLESS = /(?:パスワード|暗証番号|密码|密碼)(?:は|是|为|為)[ \u3000]*[「『“"]([^」』”"\n]{1,128})[」』”"]/dgu;
const OPEN_CLOSE: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '„': '“', '«': '»', '「': '」', '‘': '’' };
const RUN = /[^\s"'`[\]“”„«»「」]+/y;
const TRAILING = /[.,;:)]+$/;
/** Built, not written: a digit, a symbol, or a capital after the first letter. */
const BUILT = /[\p{N}\p{P}\p{S}]|\p{Ll}\p{Lu}/u;

export function passesSignlessBar(value: string): boolean {
  return passesPasswordBar(value) && BUILT.test(value);
}

const PHRASE_WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]{1,23}";
const PHRASE = new RegExp(`${PHRASE_WORD}(?: ${PHRASE_WORD}){2,7}`, 'uy');
const PHRASE_END = /^(?:[ \t]*(?:\r?\n|$)|[.;!?,](?:[ \t]|\r?\n|$)|["'”’»」)])/;
export const PASSPHRASE_MIN_LENGTH = 12;
const MAX_QUOTED = 256;

/** End of a passphrase starting at `at`, or -1 if the words there are not one. */
export function passphraseEnd(text: string, at: number): number {
  PHRASE.lastIndex = at;
  const m = PHRASE.exec(text);
  if (m === null || m[0].length < PASSPHRASE_MIN_LENGTH) return -1;
  const end = at + m[0].length;
  if (!PHRASE_END.test(text.slice(end, end + 8))) return -1;
  const words = m[0].toLowerCase().split(' ');
  return words.some((w) => FUNCTION_WORDS.has(w)) ? -1 : end;
}

function quotedValue(text: string, at: number): Span | undefined {
  const close = OPEN_CLOSE[text[at]!];
  if (close === undefined) return undefined;
  // Bounded: a quote never closed must not make every later sign-less password rescan the text.
  const within = text.slice(at + 1, at + 1 + MAX_QUOTED);
  const end = within.indexOf(close);
  const eol = within.indexOf('\n');
  if (end <= 0 || (eol !== -1 && eol < end)) return undefined;
  return { start: at + 1, end: at + 1 + end };
}

export function detectPasswordPhrases(text: string): Span[] {
  const out: Span[] = [];
  PASSWORD_WORD.lastIndex = 0;
  for (let m = PASSWORD_WORD.exec(text); m !== null; m = PASSWORD_WORD.exec(text)) {
    if (m.index > 0 && WORD_BEFORE.test(text[m.index - 1]!)) continue;
    LINKING.lastIndex = m.index + m[0].length;
    if (!LINKING.test(text)) continue;
    const at = LINKING.lastIndex;
    const q = quotedValue(text, at);
    if (q !== undefined) {
      if (passesPasswordBar(text.slice(q.start, q.end)) || passphraseEnd(text, q.start) === q.end) out.push(q);
      continue;
    }
    RUN.lastIndex = at;
    if (!RUN.test(text)) continue;
    const raw = text.slice(at, RUN.lastIndex);
    const value = raw.replace(TRAILING, '');
    if (value.length > 0 && passesSignlessBar(value)) {
      out.push({ start: at, end: at + value.length });
      continue;
    }
    const phrase = passphraseEnd(text, at);
    if (phrase !== -1) out.push({ start: at, end: phrase });
  }
  CJK_SIGNLESS.lastIndex = 0;
  for (let m = CJK_SIGNLESS.exec(text); m !== null; m = CJK_SIGNLESS.exec(text)) {
    const at = m.indices?.[1];
    if (at !== undefined && passesPasswordBar(m[1]!)) out.push({ start: at[0], end: at[1] });
  }
  return out;
}
