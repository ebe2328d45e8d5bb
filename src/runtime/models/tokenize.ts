/**
 * The classifier's tokenizer (id `clawproof-tok-1`; a trained model names the tokenizer it was
 * trained with, and a different one must never read its parameters).
 *
 * - NFKC, then lower case (locale-independent `toLowerCase`, so every engine agrees);
 * - redaction placeholders (`[EMAIL_1]`, `[AWS_KEY_2]`) become one token each, `[email]`,
 *   `[aws_key]`: the kind of thing redacted says something about the topic, its number does not;
 * - Han, Hiragana and Katakana runs become overlapping character bigrams (Japanese has no spaces),
 *   keeping those with a Han or Katakana character;
 * - other letter/digit runs become words; stopwords, one-letter words, words over 30 characters
 *   (hashes, tokens that escaped redaction) and numbers over 4 digits are dropped.
 */
import { STOPWORDS } from './stopwords.js';

export const TOKENIZER_ID = 'clawproof-tok-1';

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々`;
const TOKEN = new RegExp(
  String.raw`\[([A-Z][A-Z0-9_]*?)(?:_\d+)?\]|([${CJK}]+)|((?:(?![${CJK}])[\p{L}\p{M}\p{N}])+)`,
  'gu',
);

const MAX_WORD_LENGTH = 30;

// A bigram of Hiragana only is grammar (ます, ません, について), not topic: it is dropped.
const CONTENT_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー々]/u;

function cjkBigrams(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    if (CONTENT_CHAR.test(run)) out.push(run);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const bigram = (chars[i] as string) + (chars[i + 1] as string);
    if (CONTENT_CHAR.test(bigram)) out.push(bigram);
  }
}

function keepWord(word: string): boolean {
  if (word.length < 2 || word.length > MAX_WORD_LENGTH) return false;
  if (/^\p{N}+$/u.test(word) && word.length > 4) return false;
  return !STOPWORDS.has(word);
}

export function tokenize(text: string): string[] {
  const out: string[] = [];
  const normalized = text.normalize('NFKC');
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(normalized); m !== null; m = TOKEN.exec(normalized)) {
    if (m[1] !== undefined) out.push(`[${m[1].toLowerCase()}]`);
    else if (m[2] !== undefined) cjkBigrams(m[2], out);
    else if (m[3] !== undefined) {
      const word = m[3].toLowerCase();
      if (keepWord(word)) out.push(word);
    }
  }
  return out;
}
