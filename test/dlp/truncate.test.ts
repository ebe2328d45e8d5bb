import { describe, expect, it } from 'vitest';
import { TRUNCATION_MARKER } from '../../src/dlp/placeholders.js';
import { redact } from '../../src/dlp/redact.js';
import { scanDocument, viewChars } from '../../src/dlp/scan-document.js';
import type { JsonObject } from '../../src/dlp/types.js';
import { ALL } from './helpers.js';

const cut = (doc: JsonObject, maxChars: number) => redact(doc, { detectors: ALL, redactFields: [], maxChars });

describe('maxChars truncation', () => {
  it('keeps a document whose strings total exactly maxChars, and cuts at one less', () => {
    const doc = { a: 'x'.repeat(30) };
    expect(cut(doc, 30)).toMatchObject({ view: doc, truncated: false, chars: 30 });
    const one = cut(doc, 29);
    expect(one).toMatchObject({ truncated: true, chars: 29 });
    expect(one.view['a']).toBe(`${'x'.repeat(18)}${TRUNCATION_MARKER}`);
  });

  it('writes just the marker when maxChars is its length, and empties everything below that', () => {
    const doc = { a: 'hello world, long text', b: 'more' };
    expect(cut(doc, 11).view).toEqual({ a: TRUNCATION_MARKER, b: '' });
    expect(cut(doc, 10)).toMatchObject({ view: { a: '', b: '' }, truncated: true, chars: 0 });
    expect(cut({ a: 'short' }, 5)).toMatchObject({ view: { a: 'short' }, truncated: false, chars: 5 });
  });

  it('counts strings in document order, keeps the marker in budget and empties every string after the cut', () => {
    const out = cut({ c: 'cccccccccc', a: 'aaaaaaaaaa', b: ['bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'after'], n: 12345 }, 35);
    expect(out.view).toEqual({ c: '', a: 'aaaaaaaaaa', b: [`${'b'.repeat(14)}${TRUNCATION_MARKER}`, ''], n: 12345 });
    expect(out.chars).toBe(35);
  });

  it('puts the marker on a string boundary when the cut falls exactly between strings', () => {
    const out = cut({ a: 'aaaaaaaaaa', b: 'b'.repeat(16) }, 21); // content budget 10: all of a, none of b
    expect(out.view).toEqual({ a: 'aaaaaaaaaa', b: TRUNCATION_MARKER });
  });

  it('never exceeds maxChars and always reports chars = characters in the view, for every budget', () => {
    const doc = { s: 'Mail a@example.com or +49 30 1234567 😀 today', t: ['card 4111 1111 1111 1111', 'ok'], u: 'tail' };
    const full = redact(doc, { detectors: ALL, redactFields: [] }).chars;
    for (let max = 0; max <= full + 2; max++) {
      const out = cut(doc, max);
      expect(out.chars, `maxChars ${max}`).toBeLessThanOrEqual(max);
      expect(out.chars).toBe(viewChars(out.view));
      expect(out.truncated).toBe(max < full);
      expect(scanDocument(out.view, ALL)).toEqual([]);
      const json = JSON.stringify(out.view);
      // A truncated view always shows the marker, once, unless even the marker does not fit.
      expect(json.split(TRUNCATION_MARKER).length - 1).toBe(out.truncated && max >= TRUNCATION_MARKER.length ? 1 : 0);
    }
  });

  it('never cuts through a placeholder: the cut moves before it', () => {
    const doc = { a: 'mail a@example.com now' }; // view: "mail [EMAIL_1] now" (18)
    for (let max = 11; max < 18; max++) {
      const v = cut(doc, max).view['a'] as string;
      expect(v.endsWith(TRUNCATION_MARKER), `maxChars ${max}`).toBe(true);
      const kept = v.slice(0, -TRUNCATION_MARKER.length);
      expect('mail [EMAIL_1] now'.startsWith(kept)).toBe(true);
      expect(kept).toMatch(/^(?:[^[\]]|\[EMAIL_1\])*$/); // every '[' opens a whole placeholder
    }
    expect(cut(doc, 17).view['a']).toBe(`mail ${TRUNCATION_MARKER}`);
    expect(cut(doc, 18).view['a']).toBe('mail [EMAIL_1] now');
  });

  it('never cuts a surrogate pair in half', () => {
    const doc = { a: `ab😀cd${'e'.repeat(20)}` };
    const v = cut(doc, 14).view['a'] as string; // room 3: "ab" + half of 😀 would be 3
    expect(v).toBe(`ab${TRUNCATION_MARKER}`);
    expect(cut(doc, 15).view['a']).toBe(`ab😀${TRUNCATION_MARKER}`);
  });

  it('redacts a value that only becomes detectable once cut (a long digit run cut to a valid card)', () => {
    const doc = { a: 'n 41111111111111111234 and more text' }; // 20 digits: not a card as written
    expect(redact(doc, { detectors: ALL, redactFields: [] }).view).toEqual(doc);
    const out = cut(doc, 29); // "n " + 16 digits + marker would end in a Luhn-valid Visa number
    expect(JSON.stringify(out.view)).not.toContain('4111111111111111');
    expect(out.findings.map((f) => [f.detector, f.start, f.end])).toEqual([['pii.card', 2, 18]]);
    expect(scanDocument(out.view, ALL)).toEqual([]);
    expect(out.chars).toBeLessThanOrEqual(29);
  });

  it('counts redacted-field placeholders like any other string, and never cuts one', () => {
    const doc = { a: 'secret stuff', b: 'visible' }; // view: "[REDACTED_FIELD_1]" (18) + "visible" (7)
    const fits = redact(doc, { detectors: [], redactFields: ['a'], maxChars: 25 });
    expect(fits).toMatchObject({ view: { a: '[REDACTED_FIELD_1]', b: 'visible' }, truncated: false, chars: 25 });
    const over = redact(doc, { detectors: [], redactFields: ['a'], maxChars: 24 }); // content budget 13 < 18
    expect(over).toMatchObject({ view: { a: TRUNCATION_MARKER, b: '' }, truncated: true, chars: 11 });
    expect(over.findings.map((f) => f.placeholder)).toEqual(['[REDACTED_FIELD_1]']);
  });
});
