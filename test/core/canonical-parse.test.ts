import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIfCanonical } from '../../src/core/canonical-parse.js';
import { canonicalJson } from '../../src/core/canonical.js';
import { parseStrictJson, type JsonValue } from '../../src/core/json.js';

/** What the slow path says of `text`: its value when it is strict JSON in canonical form, else undefined. */
function strictCanonical(text: string, maxDepth: number): JsonValue | undefined {
  let value: JsonValue;
  try {
    value = parseStrictJson(text, { maxDepth });
  } catch {
    return undefined;
  }
  return canonicalJson(value) === text ? value : undefined;
}

/** The texts the quick path leaves to the strict one by design: a `\u` escape, or an index-like key (V8 reorders those). */
function leftToStrict(text: string): boolean {
  return text.includes('\\u') || /"\d+":/.test(text);
}

/** A yes from the quick path must be the strict path's yes, with the same value. */
function agrees(text: string, maxDepth = 64): void {
  const quick = parseIfCanonical(text, maxDepth);
  if (quick === undefined) return;
  const strict = strictCanonical(text, maxDepth);
  expect(strict, `quick path accepted ${JSON.stringify(text)} which the strict path refuses`).not.toBeUndefined();
  expect(quick).toStrictEqual(strict);
}

describe('parseIfCanonical', () => {
  it('accepts the canonical form of any JSON value, with the value the strict parser reads', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = canonicalJson(JSON.parse(JSON.stringify(value)) as JsonValue);
        agrees(text);
        if (!leftToStrict(text)) expect(parseIfCanonical(text, 64)).not.toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('never accepts a text the strict path refuses: whitespace, reordering and respelling of any value', () => {
    const respelled = fc.tuple(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 3 })).map(([value, how]) => {
      const text = JSON.stringify(value, null, how === 0 ? 1 : undefined);
      if (how === 1) return text.replace(/"([^"\\]*)":/, '"$1" :');
      if (how === 2) return text.replace(/(\d)(?=[,\]}]|$)/, '$1.0');
      return text;
    });
    fc.assert(fc.property(respelled, (text) => agrees(text)), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => agrees(text)), { numRuns: 2000 });
  });

  it.each([
    ['a duplicate key', '{"a":1,"a":1}'],
    ['keys out of order', '{"b":1,"a":2}'],
    ['negative zero', '-0'],
    ['a number beyond a double', '1e400'],
    ['a non-shortest number', '1.50'],
    ['an exponent where none is canonical', '1e2'],
    ['a lone surrogate escape', '"\\ud800"'],
    ['an escaped letter', '"\\u0041"'],
    ['whitespace', '{"a": 1}'],
    ['trailing data', '{"a":1} '],
    ['a BOM', '\ufeff{"a":1}'],
    ['nesting deeper than allowed', '[[[[1]]]]'],
  ])('gives no answer for %s', (_what, text) => {
    expect(parseIfCanonical(text, 3)).toBeUndefined();
    agrees(text, 3);
  });

  it('accepts nesting up to the limit, counting containers as the strict parser does', () => {
    expect(parseIfCanonical('[[[1]]]', 3)).toStrictEqual([[[1]]]);
    expect(parseIfCanonical('{"a":{"b":[{}]}}', 4)).toStrictEqual({ a: { b: [{}] } });
    expect(parseIfCanonical('{"a":{"b":[{}]}}', 3)).toBeUndefined();
    expect(() => parseStrictJson('{"a":{"b":[{}]}}', { maxDepth: 3 })).toThrow();
    expect(parseIfCanonical('"x"', 0)).toBe('x');
  });

  it('reads "__proto__" as an own member, like the strict parser, not as a prototype', () => {
    const value = parseIfCanonical('{"__proto__":{"x":1}}', 64) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    agrees('{"__proto__":{"x":1}}');
  });

  it('leaves index-like keys, which V8 orders numerically, to the strict path', () => {
    const text = '{"10":1,"9":2}';
    expect(parseIfCanonical(text, 64)).toBeUndefined();
    expect(strictCanonical(text, 64)).toStrictEqual({ '10': 1, '9': 2 });
  });

  it('agrees with the strict path on every RFC 8785 example (cyberphone/json-canonicalization)', () => {
    const dir = new URL('../vectors/jcs-cyberphone/', import.meta.url);
    for (const name of readdirSync(new URL('output/', dir))) {
      const canonical = readFileSync(new URL(`output/${name}`, dir), 'utf8').replace(/\n$/, '');
      const input = readFileSync(new URL(`input/${name}`, dir), 'utf8');
      agrees(canonical);
      agrees(input);
      if (!leftToStrict(canonical)) expect(parseIfCanonical(canonical, 64), name).not.toBeUndefined();
    }
  });
});
