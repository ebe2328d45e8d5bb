import { describe, expect, it } from 'vitest';
import { MAX_CONTINUATIONS, WRAP_WIDTH, prefixedTokenSpans, type PrefixedRule } from '../../../src/dlp/detectors/prefixed-token.js';
import { BASE62, Rng } from '../helpers.js';

const r = new Rng(21);
const RULE: PrefixedRule = { prefix: 'tok_', body: 'A-Za-z0-9', min: 30, max: 40 };
const spans = (text: string, rule = RULE) => prefixedTokenSpans(rule, text).map((s) => text.slice(s.start, s.end));
const filler = (n: number) => 'see the attached log, the failing request was made with '.repeat(2).slice(0, n);

describe('prefixed tokens', () => {
  it('finds a token whose body is within [min, max] and ends at a non-body character', () => {
    const token = `tok_${r.chars(BASE62, 32)}`;
    expect(spans(`key ${token}, thanks`)).toEqual([token]);
    expect(spans(`tok_${r.chars(BASE62, 29)} too short`)).toEqual([]);
    expect(spans(`tok_${r.chars(BASE62, 41)} too long`)).toEqual([]);
    expect(spans(`x${token} glued to a word`)).toEqual([]);
  });

  it('holds the body to an entropy floor, so documentation placeholders are not tokens', () => {
    expect(spans(`tok_${'X'.repeat(32)}`)).toEqual([]);
    expect(spans(`tok_${'ab'.repeat(16)}`)).toEqual([]);
  });

  it('follows a token that cannot end at the line break onto the next line, after indentation and quote marks', () => {
    const body = r.chars(BASE62, 34);
    const wrapped = `tok_${body.slice(0, 12)}\n>   ${body.slice(12)}`;
    expect(spans(`short line ${wrapped} end`)).toEqual([wrapped]);
  });

  it('follows a complete token only when its line is full and the next line looks machine-made', () => {
    const body = r.chars(BASE62, 30) + '7Q2x9';
    const first = `tok_${body.slice(0, 30)}`;
    const longLine = `${filler(WRAP_WIDTH)} ${first}\n${body.slice(30)}8a9b and more`;
    expect(spans(longLine)).toEqual([`${first}\n${body.slice(30)}8a9b`]);
    // A short line did not wrap: the next line is a new line of text.
    expect(spans(`short: ${first}\n${body.slice(30)}8a9b and more`)).toEqual([first]);
    // A word on the next line is prose, not the rest of the token.
    expect(spans(`${filler(WRAP_WIDTH)} ${first}\nThanks again`)).toEqual([first]);
  });

  it('follows at most MAX_CONTINUATIONS line breaks', () => {
    const rule: PrefixedRule = { prefix: 'tok_', body: 'A-Za-z0-9', min: 100, max: 400 };
    const pieces = Array.from({ length: MAX_CONTINUATIONS + 3 }, () => r.chars(BASE62, 12));
    expect(spans(`tok_${pieces.join('\n')}`, rule)).toEqual([`tok_${pieces.slice(0, MAX_CONTINUATIONS + 1).join('\n')}`]);
    const tooShort = Array.from({ length: MAX_CONTINUATIONS + 3 }, () => r.chars(BASE62, 5));
    expect(spans(`tok_${tooShort.join('\n')}`, rule)).toEqual([]);
  });

  it('drops a sentence-ending character its body allows', () => {
    const rule: PrefixedRule = { prefix: 'tok-', body: 'A-Za-z0-9.', min: 30, max: 40, trimEnd: '.' };
    const token = `tok-${r.chars(BASE62, 32)}`;
    expect(spans(`It was ${token}.`, rule)).toEqual([token]);
  });

  it('reads a run of prefixes once each (linear time)', () => {
    const rule: PrefixedRule = { prefix: 'tok-', body: 'A-Za-z0-9-', min: 30, max: 300 };
    const text = 'tok-'.repeat(50_000);
    const t0 = performance.now();
    prefixedTokenSpans(rule, text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
