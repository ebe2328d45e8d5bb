import { describe, expect, it } from 'vitest';
import { contextStart, hasContextBefore, lineEndWithin, lineStartWithin, spansAfterContext } from '../../../src/dlp/detectors/context.js';

describe('context words', () => {
  it('come from the same line or the one before, at most maxDistance back', () => {
    const text = 'one\ntwo SSN\nthree 123';
    const at = text.indexOf('123');
    expect(contextStart(text, at, 100)).toBe(text.indexOf('two'));
    expect(contextStart(text, at, 4)).toBe(at - 4);
    expect(hasContextBefore(text, at, /SSN/, 100)).toBe(true);
    expect(hasContextBefore(text, at, /one/, 100)).toBe(false);
  });

  it('find line starts and ends within a bound, so a line without breaks is not rescanned', () => {
    const text = 'a'.repeat(100);
    expect(lineStartWithin(text, 90, 10)).toBe(80);
    expect(lineStartWithin('ab\ncd', 5, 10)).toBe(3);
    expect(lineEndWithin(text, 10, 10)).toBe(20);
    expect(lineEndWithin('ab\ncd', 0, 10)).toBe(2);
  });

  it('pair values with the context words before them, searching from the words', () => {
    const text = 'key: AAAA, later BBBB\nkey\nCCCC\n\nDDDD';
    const spans = spansAfterContext(text, /key/g, /[A-D]{4}/g, 20, 4).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['AAAA', 'BBBB', 'CCCC']);
  });

  it('stays linear when a context word repeats without a value', () => {
    const text = 'key '.repeat(250_000);
    const t0 = performance.now();
    expect(spansAfterContext(text, /key/g, /[0-9]{9}/g, 60, 9)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
