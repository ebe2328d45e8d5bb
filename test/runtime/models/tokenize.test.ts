import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/runtime/models/tokenize.js';

describe('tokenize', () => {
  it('lower-cases words and drops stopwords and one-letter words', () => {
    expect(tokenize('I was charged TWICE for the Pro plan')).toEqual(['charged', 'twice', 'pro', 'plan']);
  });

  it('keeps letters with accents and umlauts inside one word', () => {
    expect(tokenize('Rückerstattung für défectueux, reembolso tardío')).toEqual(['rückerstattung', 'défectueux', 'reembolso', 'tardío']);
  });

  it('applies NFKC first, so full-width Latin reads like ASCII', () => {
    expect(tokenize('ＲＥＦＵＮＤ')).toEqual(['refund']);
  });

  it('turns a placeholder into one token of its kind, without its number', () => {
    expect(tokenize('mail [EMAIL_1] or [EMAIL_12], key [AWS_KEY_2] [TRUNCATED]')).toEqual([
      'mail',
      '[email]',
      '[email]',
      'key',
      '[aws_key]',
      '[truncated]',
    ]);
  });

  it('reads lower-case bracketed words as words, not placeholders', () => {
    expect(tokenize('[system] priority')).toEqual(['system', 'priority']);
  });

  it('splits Japanese into bigrams, keeping those with a kanji or katakana character', () => {
    expect(tokenize('返金をお願いします')).toEqual(['返金', '金を', 'お願', '願い']);
    expect(tokenize('ログインできません')).toEqual(['ログ', 'グイ', 'イン', 'ンで']);
    expect(tokenize('ます')).toEqual([]);
    expect(tokenize('注')).toEqual(['注']);
  });

  it('separates Latin and Japanese written without a space', () => {
    expect(tokenize('Lumora Hubを注文')).toEqual(['hub', 'を注', '注文']);
  });

  it('drops long numbers and over-long runs (ids, leftover tokens) but keeps short codes', () => {
    expect(tokenize('error 404 order 88812345 ' + 'x'.repeat(31))).toEqual(['error', '404', 'order']);
  });

  it('is deterministic and never throws on odd input', () => {
    const odd = '\u0000\uD800 \uFFFF 🙂 [[[]]] ' + 'a'.repeat(100_000);
    expect(tokenize(odd)).toEqual(tokenize(odd));
    expect(tokenize('')).toEqual([]);
  });
});
