import { readdirSync, readFileSync } from 'node:fs';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexDecode, hexEncode } from '../../src/core/bytes.js';
import { CANONICAL_MAX_DEPTH, canonicalBytes, canonicalJson } from '../../src/core/canonical.js';
import { ClawproofError } from '../../src/core/errors.js';
import { parseStrictJson } from '../../src/core/json.js';

function caught(fn: () => unknown): ClawproofError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClawproofError) return e;
    throw e;
  }
  throw new Error('expected a ClawproofError');
}

const vectors = new URL('../vectors/', import.meta.url);

/** The IEEE 754 binary64 whose big-endian bit pattern is `hex` (leading zeros may be stripped). */
function doubleFromHex(hex: string): number {
  const bits = BigInt('0x' + hex);
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

describe('RFC 8785 test data (cyberphone/json-canonicalization)', () => {
  const inputDir = new URL('jcs-cyberphone/input/', vectors);
  const names = readdirSync(inputDir).sort();

  it('has all six input/output pairs', () => {
    expect(names).toEqual(['arrays.json', 'french.json', 'structures.json', 'unicode.json', 'values.json', 'weird.json']);
  });

  it.each(names)('%s canonicalises to the expected bytes', (name) => {
    const input = readFileSync(new URL(name, inputDir));
    const expected = new Uint8Array(readFileSync(new URL(`jcs-cyberphone/output/${name}`, vectors)));
    const outhex = readFileSync(new URL(`jcs-cyberphone/outhex/${name.replace('.json', '.txt')}`, vectors), 'utf8');
    // The hex listing is a second, independent spelling of the expected bytes.
    expect(hexEncode(expected)).toBe(outhex.trim().split(/\s+/).join('').toLowerCase());
    const actual = canonicalBytes(parseStrictJson(new Uint8Array(input)));
    expect(hexEncode(actual)).toBe(hexEncode(expected));
  });
});

describe('RFC 8785 number serialisation', () => {
  it('matches all 100,000 lines of es6testfile_100k.txt', () => {
    const text = readFileSync(new URL('jcs-cyberphone/es6testfile_100k.txt', vectors), 'latin1');
    const lines = text.split('\n');
    expect(lines.pop()).toBe(''); // the file ends with a newline
    expect(lines).toHaveLength(100_000);
    const view = new DataView(new ArrayBuffer(8));
    const mismatches: string[] = [];
    for (const line of lines) {
      const comma = line.indexOf(',');
      const hex = line.slice(0, comma).padStart(16, '0');
      // Two 32-bit halves: much faster than BigInt for 100k lines.
      view.setUint32(0, Number.parseInt(hex.slice(0, 8), 16));
      view.setUint32(4, Number.parseInt(hex.slice(8), 16));
      const value = view.getFloat64(0);
      if (canonicalJson(value) !== line.slice(comma + 1)) mismatches.push(line);
    }
    expect(mismatches).toEqual([]);
  });

  const appendixB = JSON.parse(
    readFileSync(new URL('rfc8785-jcs/rfc8785_appendix_b_numbers.json', vectors), 'utf8'),
  ) as { vectors: { ieee_hex: string; expected: string | null; error?: boolean }[] };

  it('has the 24 samples and 2 error rows of Appendix B', () => {
    expect(appendixB.vectors.filter((v) => v.error !== true)).toHaveLength(24);
    expect(appendixB.vectors.filter((v) => v.error === true)).toHaveLength(2);
  });

  it.each(appendixB.vectors.map((v) => [v.ieee_hex, v] as const))('Appendix B %s', (_hex, v) => {
    const value = doubleFromHex(v.ieee_hex);
    if (v.error === true) {
      const e = caught(() => canonicalJson(value));
      expect(e.code).toBe('CANONICAL_JSON_UNSUPPORTED');
      expect(e.pointer).toBe('');
      expect(caught(() => canonicalJson({ n: [value] })).pointer).toBe('/n/0');
    } else {
      expect(canonicalJson(value)).toBe(v.expected);
      expect(canonicalJson([value])).toBe(`[${v.expected}]`);
    }
  });

  it('rejects -Infinity too', () => {
    expect(caught(() => canonicalJson(-Infinity)).code).toBe('CANONICAL_JSON_UNSUPPORTED');
  });
});

describe('RFC 8785 section 3.2.3 property sorting', () => {
  const sorting = JSON.parse(
    readFileSync(new URL('rfc8785-jcs/rfc8785_section3_2_3_sorting.json', vectors), 'utf8'),
  ) as { input_json: string; expected_value_order: string[]; expected_canonical_utf8_hex: string };

  it('orders members by UTF-16 code units, as the RFC example lists', () => {
    // Read the order off the text: re-parsing would let JS enumerate the integer-like key "1" first.
    const canonical = canonicalJson(parseStrictJson(sorting.input_json));
    const found = sorting.expected_value_order.map((v) => canonical.indexOf(`:${JSON.stringify(v)}`));
    expect(found.every((at) => at > 0)).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
  });

  it('produces the expected bytes', () => {
    expect(hexEncode(canonicalBytes(parseStrictJson(sorting.input_json)))).toBe(sorting.expected_canonical_utf8_hex);
  });

  it('sorts a supplementary character (surrogates D83D..) before U+FB33, unlike code point order', () => {
    expect(canonicalJson({ '\ufb33': 1, '\u{1f600}': 2 })).toBe('{"\u{1f600}":2,"\ufb33":1}');
  });

  it('sorts nested objects and keeps array order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }, 1], a: null })).toBe('{"a":null,"b":[3,{"a":2,"z":1},1]}');
  });
});

describe('canonicalJson: string escaping (RFC 8785 section 3.2.2.2)', () => {
  it('escapes only quote, backslash and controls, using \\b \\t \\n \\f \\r where they exist', () => {
    expect(canonicalJson('"\\/\b\t\n\f\r\u0000\u001f\u007f\u00e9\u2028')).toBe(
      '"\\"\\\\/\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\u00e9\u2028"',
    );
  });

  it('writes supplementary characters as raw UTF-8', () => {
    expect(hexEncode(canonicalBytes('\u{1f600}'))).toBe('22f09f988022');
  });

  it('accepts -0 and writes it as 0', () => {
    expect(canonicalJson(-0)).toBe('0');
  });
});

describe('[R-ENC-14] canonicalJson: rejects anything that is not pure JSON data', () => {
  class Ticket {
    id = 1;
  }
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = { back: cyclic };
  const withGetter = Object.defineProperty({}, 'x', { get: () => 1, enumerable: true });
  const withSymbol = { a: 1, [Symbol('s')]: 2 };
  const sparse = [1, , 3];
  class MyArray extends Array<number> {}

  it.each<[string, unknown, string]>([
    ['undefined at the root', undefined, ''],
    ['an undefined member', { a: 1, b: undefined }, '/b'],
    ['undefined in an array', [1, undefined], '/1'],
    ['an array hole', sparse, '/1'],
    ['a function', { f: () => 1 }, '/f'],
    ['a symbol', [Symbol('x')], '/0'],
    ['a bigint', { n: 10n }, '/n'],
    ['NaN', { deep: { x: [0, NaN] } }, '/deep/x/1'],
    ['Infinity', Infinity, ''],
    ['an object with toJSON', { t: { toJSON: () => 'x' } }, '/t'],
    ['a Date (which has toJSON)', { when: new Date(0) }, '/when'],
    ['a Map', { m: new Map() }, '/m'],
    ['a Set', [new Set()], '/0'],
    ['a Uint8Array', { b: new Uint8Array(2) }, '/b'],
    ['a class instance', { t: new Ticket() }, '/t'],
    ['a boxed string', [new String('x')], '/0'],
    ['an array subclass', { a: MyArray.from([1]) }, '/a'],
    ['a getter', { g: withGetter }, '/g/x'],
    ['symbol keys', { s: withSymbol }, '/s'],
    ['a lone surrogate in a string', { s: 'a\ud800' }, '/s'],
    ['a lone surrogate in a key', { o: { 'k\udc00': 1 } }, '/o/k\udc00'],
    ['a cycle', cyclic, '/self/back'],
    ['a cycle through an array', (() => { const a: unknown[] = []; a.push([a]); return a; })(), '/0/0'],
    ['"~" and "/" escaped in the pointer', { 'a/b': { 'c~d': undefined } }, '/a~1b/c~0d'],
  ])('%s', (_name, value, pointer) => {
    const e = caught(() => canonicalJson(value));
    expect(e.code).toBe('CANONICAL_JSON_UNSUPPORTED');
    expect(e.pointer).toBe(pointer);
    expect(e.message).toContain(pointer === '' ? 'the root' : pointer);
  });

  it('accepts shared (non-cyclic) subtrees and null-prototype objects', () => {
    const shared = { x: 1 };
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 2, a: 1 });
    expect(canonicalJson({ p: shared, q: [shared], r: bare })).toBe('{"p":{"x":1},"q":[{"x":1}],"r":{"a":1,"b":2}}');
  });

  it('accepts a "__proto__" own property from the strict parser', () => {
    expect(canonicalJson(parseStrictJson('{"z":0,"__proto__":{"a":1}}'))).toBe('{"__proto__":{"a":1},"z":0}');
  });

  it(`rejects nesting deeper than ${CANONICAL_MAX_DEPTH} instead of overflowing the stack`, () => {
    const build = (depth: number): unknown => {
      let v: unknown = 0;
      for (let i = 0; i < depth; i++) v = [v];
      return v;
    };
    expect(canonicalJson(build(CANONICAL_MAX_DEPTH))).toBe('['.repeat(CANONICAL_MAX_DEPTH) + '0' + ']'.repeat(CANONICAL_MAX_DEPTH));
    expect(caught(() => canonicalJson(build(CANONICAL_MAX_DEPTH + 1))).code).toBe('CANONICAL_JSON_UNSUPPORTED');
    expect(caught(() => canonicalJson(build(100_000))).code).toBe('CANONICAL_JSON_UNSUPPORTED');
  });
});

describe('canonicalBytes', () => {
  it('is the UTF-8 of canonicalJson', () => {
    const value = { '\u20ac': 'caf\u00e9', n: [1e21, 0.000001] };
    expect(canonicalJson(value)).toBe('{"n":[1e+21,0.000001],"\u20ac":"caf\u00e9"}');
    expect(canonicalBytes(value)).toEqual(hexDecode('7b226e223a5b31652b32312c302e3030303030315d2c22e282ac223a22636166c3a9227d'));
  });
});

describe('canonicalJson: members already in order take JSON.stringify, with the same text', () => {
  // The `canonicalize` package is the reference; JSON.stringify is only used when keys are sorted.
  const reference = (value: unknown): string => canonicalize(value) as string;

  it('gives the reference text for any JSON value, with its keys in any order and in canonical order', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (generated) => {
        const value = JSON.parse(JSON.stringify(generated)) as unknown;
        expect(canonicalJson(value)).toBe(reference(value));
        const sorted = JSON.parse(reference(value)) as unknown;
        expect(canonicalJson(sorted)).toBe(reference(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('does not trust the insertion order of index-like keys, which V8 puts first numerically', () => {
    const value = { '10': 1, '9': 2, a: { '2': 0, '10': 0 } };
    expect(canonicalJson(value)).toBe('{"10":1,"9":2,"a":{"10":0,"2":0}}');
  });

  it('writes control characters, U+2028 and non-ASCII as RFC 8785 does on the sorted path', () => {
    const value = { a: '\u0000\u0008\u001f\u007f\u2028\u00e9\ud83d\ude00"\\', b: [-0, 1e21, 1e-7, 0.1] };
    expect(canonicalJson(value)).toBe(reference(value));
  });
});
