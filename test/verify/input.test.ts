import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { canonicalBytes } from '../../src/core/canonical.js';
import { sha256 } from '../../src/core/hash.js';
import { readBundleInput } from '../../src/verify/input.js';

const LIMITS = { maxBytes: 1024, maxDepth: 8 };

function codeOf(input: unknown, limits = LIMITS): string {
  const result = readBundleInput(input, limits);
  return result.ok ? 'OK' : result.issue.code;
}

describe('readBundleInput', () => {
  it('reads bytes, text and a parsed object into the same strict document, hashing what it was given', () => {
    const text = '{ "b": [1, 2], "a": "é" }';
    const bytes = utf8Encode(text);
    const fromBytes = readBundleInput(bytes, LIMITS);
    const fromText = readBundleInput(text, LIMITS);
    const fromValue = readBundleInput({ b: [1, 2], a: 'é' }, LIMITS);
    for (const r of [fromBytes, fromText, fromValue]) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.document).toEqual({ a: 'é', b: [1, 2] });
    }
    expect(fromBytes.hash).toBe(sha256(bytes));
    expect(fromText.hash).toBe(sha256(bytes));
    expect(fromValue.hash).toBe(sha256(canonicalBytes({ a: 'é', b: [1, 2] })));
    expect([fromBytes.bytes, fromText.bytes]).toEqual([bytes.length, bytes.length]);
  });

  it('works on its own copy of a parsed value: later changes by the caller do not reach it', () => {
    const value = { list: [1] };
    const r = readBundleInput(value, LIMITS);
    value.list.push(2);
    expect(r.ok && r.document).toEqual({ list: [1] });
  });

  it('[R-ENC-11] refuses text that is not strict JSON with INPUT_NOT_JSON and the position', () => {
    const r = readBundleInput('{"a": 1,}', LIMITS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issue.code).toBe('INPUT_NOT_JSON');
      expect(r.issue.evidence[0]?.position).toEqual({ offset: 8, line: 1, column: 9 });
      expect(r.hash).toBe(sha256('{"a": 1,}'));
    }
    for (const bad of ['', '{"a":1} x', "{'a':1}", '{"a":NaN}', '\ufeff{}']) expect(codeOf(bad)).toBe('INPUT_NOT_JSON');
  });

  it('[R-ENC-11] names duplicate member names, ill-formed UTF-8, too deep and too large input by their own codes', () => {
    expect(codeOf('{"a":1,"a":2}')).toBe('INPUT_DUPLICATE_KEY');
    expect(codeOf(Uint8Array.of(0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d))).toBe('INPUT_NOT_UTF8');
    expect(codeOf('['.repeat(9) + ']'.repeat(9))).toBe('INPUT_TOO_DEEP');
    expect(codeOf(`{"a":"${'x'.repeat(2000)}"}`)).toBe('INPUT_TOO_LARGE');
    expect(codeOf(new Uint8Array(1025))).toBe('INPUT_TOO_LARGE');
  });

  it('does not hash input above the size limit (that is the work the limit bounds)', () => {
    const r = readBundleInput(new Uint8Array(5000), LIMITS);
    expect(r).toMatchObject({ ok: false, hash: null, bytes: 5000 });
  });

  it('refuses a document that is not an object with INPUT_NOT_OBJECT', () => {
    for (const doc of ['[]', '1', '"bundle"', 'null', 'true']) expect(codeOf(doc)).toBe('INPUT_NOT_OBJECT');
    for (const doc of [[], 1, 'x', null, true]) {
      // A parsed string is text to parse, not a value: "x" is not JSON.
      expect(codeOf(doc)).toBe(doc === 'x' ? 'INPUT_NOT_JSON' : 'INPUT_NOT_OBJECT');
    }
  });

  it('refuses parsed values that are not JSON data with INPUT_NOT_JSON_DATA and a pointer', () => {
    const cases: [unknown, string | undefined][] = [
      [undefined, undefined],
      [{ a: undefined }, '/a'],
      [{ a: () => 1 }, '/a'],
      [{ a: new Date(0) }, '/a'],
      [{ a: new Map() }, '/a'],
      [{ a: Number.NaN }, '/a'],
      [{ a: 10n }, '/a'],
      [{ a: [1, , 3] }, '/a/1'], // eslint-disable-line no-sparse-arrays
      [{ a: '\ud800' }, '/a'],
    ];
    for (const [value, pointer] of cases) {
      const r = readBundleInput(value, LIMITS);
      expect(r.ok, String(pointer)).toBe(false);
      if (!r.ok) {
        expect(r.issue.code).toBe('INPUT_NOT_JSON_DATA');
        if (pointer !== undefined) expect(r.issue.evidence[0]?.pointer).toBe(pointer);
      }
    }
  });

  it('never calls a getter of a parsed value', () => {
    let called = false;
    const value = {
      get trap() {
        called = true;
        return 1;
      },
    };
    expect(codeOf(value)).toBe('INPUT_NOT_JSON_DATA');
    expect(called).toBe(false);
  });

  it('refuses a cycle, and bounds depth and size of parsed values', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(codeOf(cyclic)).toBe('INPUT_NOT_JSON_DATA');
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expect(codeOf(deep)).toBe('INPUT_TOO_DEEP');
    expect(codeOf({ list: new Array(10_000).fill(0) })).toBe('INPUT_TOO_LARGE');
  });

  it('measures a value made of one shared array referenced 2^40 times in linear time, and refuses it as too large', () => {
    let node: unknown = [1];
    for (let i = 0; i < 40; i++) node = [node, node];
    const started = Date.now();
    expect(codeOf({ node }, { maxBytes: 1024 * 1024, maxDepth: 64 })).toBe('INPUT_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('accepts shared sub-values within the limits (they are written twice, as JSON would)', () => {
    const shared = { x: 1 };
    const r = readBundleInput({ a: shared, b: shared }, LIMITS);
    expect(r.ok && r.document).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('counts the depth of a shared sub-value at its deepest use', () => {
    const leaf = [[[[1]]]]; // 4 levels
    expect(codeOf({ a: leaf }, { maxBytes: 1024, maxDepth: 5 })).toBe('OK');
    expect(codeOf({ a: leaf, b: [[leaf]] }, { maxBytes: 1024, maxDepth: 5 })).toBe('INPUT_TOO_DEEP');
  });
});
