import { describe, expect, it } from 'vitest';
import { isClawproofError } from '../../src/core/errors.js';
import { redact } from '../../src/dlp/redact.js';
import { scanDocument, viewChars } from '../../src/dlp/scan-document.js';
import { ALL } from './helpers.js';

describe('scanDocument', () => {
  it('reports detections in values with RFC 6901 pointers, in document order', () => {
    const view = { 'a/b': ['x', 'call +49 30 1234567'], 'm~n': { z: 'a@example.com' }, c: 7 };
    expect(scanDocument(view, ALL)).toEqual([
      { detector: 'pii.phone', kind: 'pii', start: 5, end: 19, pointer: '/a~1b/1', part: 'value' },
      { detector: 'pii.email', kind: 'pii', start: 0, end: 13, pointer: '/m~0n/z', part: 'value' },
    ]);
  });

  it('reports detections in member names, marked as such', () => {
    expect(scanDocument({ list: { 'a@example.com': true } }, ['pii.email'])).toEqual([
      { detector: 'pii.email', kind: 'pii', start: 0, end: 13, pointer: '/list/a@example.com', part: 'name' },
    ]);
  });

  it('finds nothing in a view that redact produced with the same detectors', () => {
    const doc = { s: 'a@example.com, 4111 1111 1111 1111, DE89 3704 0044 0532 0130 00, password: Xy9!abcd' };
    expect(scanDocument(doc, ALL)).toHaveLength(4);
    expect(scanDocument(redact(doc, { detectors: ALL, redactFields: [] }).view, ALL)).toEqual([]);
  });

  it('rejects a view that is not a JSON object and unknown detectors', () => {
    for (const [view, detectors, code] of [
      ['text', ALL, 'DLP_INPUT_INVALID'],
      [{ a: Number.POSITIVE_INFINITY }, ALL, 'DLP_INPUT_INVALID'],
      [{}, ['nope'], 'DLP_CONFIG_INVALID'],
    ] as const) {
      try {
        scanDocument(view as never, detectors as never);
        expect.unreachable();
      } catch (e) {
        expect(isClawproofError(e) && e.code).toBe(code);
      }
    }
  });
});

describe('viewChars', () => {
  it('counts UTF-16 code units of string values only', () => {
    expect(viewChars({ ab: 'xyz', n: 12345, t: true, z: null, l: ['😀', { k: 'é' }] })).toBe(3 + 2 + 1);
  });
});
