import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { ClawproofError } from '../../src/core/errors.js';
import { parseStrictJson, textPositionAt } from '../../src/core/json.js';

function caught(fn: () => unknown): ClawproofError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClawproofError) return e;
    throw e;
  }
  throw new Error('expected a ClawproofError');
}

/** Asserts that parsing `input` fails with `code` at the given 0-based offset (line/column derived). */
function expectFailure(input: string, code: string, offset: number, line = 1, column = offset + 1): ClawproofError {
  const e = caught(() => parseStrictJson(input));
  expect(e.code).toBe(code);
  expect(e.position).toEqual({ offset, line, column });
  expect(e.message).toContain(`line ${line}, column ${column}`);
  return e;
}

describe('parseStrictJson: accepted documents', () => {
  it.each([
    ['null', null],
    ['true', true],
    ['false', false],
    ['0', 0],
    ['-0', -0],
    ['1.5e3', 1500],
    ['-12.25E-2', -0.1225],
    ['1E+2', 100],
    ['"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"', 'a"b\\c/d\b\f\n\r\t'],
    ['"\\u00e9\\u00E9"', '\u00e9\u00e9'],
    ['"\\ud83d\\ude00"', '\u{1f600}'],
    ['"\u{1f600}"', '\u{1f600}'],
    ['[]', []],
    ['{}', {}],
    [' \t\r\n[ 1 , { "a" : [ ] } ] \n', [1, { a: [] }]],
  ])('%j', (input, expected) => {
    expect(parseStrictJson(input)).toEqual(expected);
  });

  it('keeps -0 as negative zero', () => {
    expect(Object.is(parseStrictJson('-0'), -0)).toBe(true);
  });

  it('accepts numbers that underflow to zero (only overflow is an error)', () => {
    expect(parseStrictJson('1e-400')).toBe(0);
  });

  it('parses UTF-8 bytes the same as text', () => {
    const text = '{"k\u00e9y":["\u20ac",1,true,null]}';
    expect(parseStrictJson(utf8Encode(text))).toEqual(parseStrictJson(text));
  });

  it('agrees with JSON.parse on the JCS test inputs', () => {
    const dir = new URL('../vectors/jcs-cyberphone/input/', import.meta.url);
    const names = readdirSync(dir);
    expect(names.length).toBe(6);
    for (const name of names) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    }
  });

  it('makes "__proto__" an own data property without touching the prototype', () => {
    const value = parseStrictJson('{"__proto__":{"polluted":true},"a":1}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('accepts nesting up to maxDepth exactly', () => {
    expect(parseStrictJson('['.repeat(64) + ']'.repeat(64))).toBeDefined();
    expect(parseStrictJson('[[[1]]]', { maxDepth: 3 })).toEqual([[[1]]]);
  });
});

// [R-ENC-1] [R-ENC-11] The strict parser's refusals, each of which another implementation must share.
describe('parseStrictJson: errors and their positions', () => {
  it('[R-ENC-4] JSON_SYNTAX: a byte order mark', () => {
    expectFailure('\ufeff{}', 'JSON_SYNTAX', 0);
    const e = caught(() => parseStrictJson(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])));
    expect(e.code).toBe('JSON_SYNTAX');
    expect(e.message).toContain('byte order mark');
  });

  it.each([
    ['empty input', '', 0],
    ['only whitespace', ' \t ', 3],
    ['a trailing comma in an array', '[1,]', 3],
    ['a trailing comma in an object', '{"a":1,}', 7],
    ['a missing comma', '[1 2]', 3],
    ['a missing colon', '{"a" 1}', 5],
    ['an unquoted key', '{a:1}', 1],
    ['a single-quoted string', "['a']", 1],
    ['a line comment', '[1]//x', -1],
    ['a block comment', '/*x*/1', 0],
    ['a leading zero', '[01]', 1],
    ['a leading zero after minus', '-01', 1],
    ['a leading plus', '+1', 0],
    ['a bare decimal point', '.5', 0],
    ['a trailing decimal point', '1.', 2],
    ['an empty exponent', '1e', 2],
    ['an exponent sign without digits', '1e+', 3],
    ['a minus alone', '-', 1],
    ['NaN', 'NaN', 0],
    ['Infinity', 'Infinity', 0],
    ['-Infinity', '-Infinity', 1],
    ['a hex number', '[0x10]', 2],
    ['an unterminated string', '"abc', 4],
    ['an unterminated array', '[1', 2],
    ['an unterminated object', '{"a":1', 6],
    ['a raw tab in a string', '"a\tb"', 2],
    ['a raw newline in a string', '"a\nb"', 2],
    ['a raw NUL in a string', '"\u0000"', 1], // [R-ENC-12] with the raw tab and newline above
    ['an unknown escape', '"\\x41"', 1],
    ['an escaped single quote', '"\\\'"', 1],
    ['a short \\u escape', '"\\u12"', 5],
    ['a non-hex \\u escape', '"\\u12g4"', 5],
    ['a capitalised literal', 'True', 0],
    ['a truncated literal', 'nul', 0],
    ['a vertical tab as whitespace', '\u000b1', 0],
    ['a no-break space as whitespace', '\u00a01', 0],
    ['a closing bracket for an object', '{"a":1]', 6],
  ])('JSON_SYNTAX: %s', (_name, input, offset) => {
    if (offset < 0) {
      // "[1]" is complete; what follows is trailing data rather than a syntax error inside the value.
      expect(caught(() => parseStrictJson(input)).code).toBe('JSON_TRAILING_DATA');
      return;
    }
    expectFailure(input, 'JSON_SYNTAX', offset);
  });

  it('reports line and column on later lines (LF, CRLF and CR line ends)', () => {
    expectFailure('{\n  "a": 1,\n  "b": x\n}', 'JSON_SYNTAX', 19, 3, 8);
    expectFailure('[\r\n1,\r\n]', 'JSON_SYNTAX', 7, 3, 1);
    expectFailure('[\r1,\r]', 'JSON_SYNTAX', 5, 3, 1);
  });

  it('JSON_DUPLICATE_KEY points at the second occurrence', () => {
    const e = expectFailure('{"a":1,"b":2,"a":3}', 'JSON_DUPLICATE_KEY', 13);
    expect(e.message).toContain('"a"');
  });

  it('JSON_DUPLICATE_KEY compares names after unescaping', () => {
    expectFailure('{"a":1,"\\u0061":2}', 'JSON_DUPLICATE_KEY', 7);
    expectFailure('{"\u00e9":1,"\\u00E9":2}', 'JSON_DUPLICATE_KEY', 7);
    expectFailure('{"__proto__":1,"__proto__":2}', 'JSON_DUPLICATE_KEY', 15);
  });

  it('does not treat equal names in different objects as duplicates', () => {
    expect(parseStrictJson('{"a":{"a":1},"b":{"a":2}}')).toEqual({ a: { a: 1 }, b: { a: 2 } });
  });

  it('does not treat Unicode-equivalent but different names as duplicates (no normalisation)', () => {
    expect(Object.keys(parseStrictJson('{"\u00e9":1,"e\u0301":2}') as object)).toHaveLength(2);
  });

  it.each([
    ['a lone high surrogate escape', '"\\ud800"', 1],
    ['a lone low surrogate escape', '"x\\udc00"', 2],
    ['a high escape followed by a non-surrogate escape', '"\\ud800\\u0041"', 1],
    ['two high surrogate escapes', '"\\ud800\\ud800"', 1],
    ['a reversed pair of escapes', '"\\ude00\\ud83d"', 1],
    ['a lone surrogate escape in a key', '{"\\udfff":1}', 2],
    ['a raw lone high surrogate', '"ab\ud800"', 3],
    ['a raw lone low surrogate', '["\udc00"]', 2],
    ['an escaped high surrogate followed by a raw low one', '"\\ud83d\ude00"', 1],
  ])('JSON_LONE_SURROGATE: %s', (_name, input, offset) => {
    expectFailure(input, 'JSON_LONE_SURROGATE', offset);
  });

  it.each([
    ['1e400', 0],
    ['[-1e309]', 1],
    ['{"n":1' + '0'.repeat(400) + '}', 5],
  ])('JSON_NUMBER_INVALID: %s overflows to Infinity', (input, offset) => {
    expectFailure(input, 'JSON_NUMBER_INVALID', offset);
  });

  it.each([
    ['{} {}', 3],
    ['1 2', 2],
    ['[1]]', 3],
    ['"a""b"', 3],
    ['null\u0000', 4],
    ['true,', 4],
  ])('JSON_TRAILING_DATA: %j', (input, offset) => {
    expectFailure(input, 'JSON_TRAILING_DATA', offset);
  });

  it('JSON_TOO_DEEP: one level past maxDepth, at the bracket that goes too deep', () => {
    expectFailure('['.repeat(65) + ']'.repeat(65), 'JSON_TOO_DEEP', 64);
    const e = caught(() => parseStrictJson('{"a":{"b":[[1]]}}', { maxDepth: 3 }));
    expect(e.code).toBe('JSON_TOO_DEEP');
    expect(e.position?.offset).toBe(11);
  });

  it('[R-ENC-13] JSON_TOO_DEEP: 100,000 nested brackets fail cleanly, no stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(caught(() => parseStrictJson(deep)).code).toBe('JSON_TOO_DEEP');
    const deepObjects = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    expect(caught(() => parseStrictJson(deepObjects)).code).toBe('JSON_TOO_DEEP');
    // With the limit lifted the parser still does not recurse.
    expect(parseStrictJson(deep, { maxDepth: 100_000 })).toBeInstanceOf(Array);
  });

  it('JSON_TOO_LARGE: counts UTF-8 bytes of text and raw bytes of byte input', () => {
    expect(parseStrictJson('"abc"', { maxBytes: 5 })).toBe('abc');
    expect(caught(() => parseStrictJson('"abcd"', { maxBytes: 5 })).code).toBe('JSON_TOO_LARGE');
    // "\u00e9" is one UTF-16 unit but two UTF-8 bytes: 4 bytes in all.
    expect(parseStrictJson('"\u00e9"', { maxBytes: 4 })).toBe('\u00e9');
    expect(caught(() => parseStrictJson('"\u00e9"', { maxBytes: 3 })).code).toBe('JSON_TOO_LARGE');
    expect(caught(() => parseStrictJson(utf8Encode('[1,2]'), { maxBytes: 4 })).code).toBe('JSON_TOO_LARGE');
  });

  it('JSON_TOO_LARGE: the 64 MiB default', () => {
    const big = new Uint8Array(64 * 1024 * 1024 + 1).fill(0x20);
    const e = caught(() => parseStrictJson(big));
    expect(e.code).toBe('JSON_TOO_LARGE');
    expect(e.message).toContain(String(64 * 1024 * 1024));
  });

  it('ENCODING_INVALID: byte input that is not UTF-8', () => {
    expect(caught(() => parseStrictJson(new Uint8Array([0x22, 0xc0, 0xaf, 0x22]))).code).toBe('ENCODING_INVALID');
  });

  it('INPUT_INVALID: a wrong input type or a bad limit', () => {
    expect(caught(() => parseStrictJson(42 as unknown as string)).code).toBe('INPUT_INVALID');
    expect(caught(() => parseStrictJson('1', { maxDepth: -1 })).code).toBe('INPUT_INVALID');
    expect(caught(() => parseStrictJson('1', { maxBytes: 1.5 })).code).toBe('INPUT_INVALID');
  });
});

describe('textPositionAt', () => {
  it('counts CRLF as one line break', () => {
    expect(textPositionAt('a\r\nb', 3)).toEqual({ offset: 3, line: 2, column: 1 });
    expect(textPositionAt('a\r\nb', 2)).toEqual({ offset: 2, line: 1, column: 3 });
  });
});

describe('parseStrictJson: speed', () => {
  it('parses a ~20 MB document quickly (single pass)', () => {
    const row = '{"id":123456,"name":"ticket \\"quoted\\" \\u00e9 text","tags":["a","b"],"ok":true,"score":-1.25e-3}';
    const rows = 200_000;
    const text = `{"blob":"${'A'.repeat(5_000_000)}","rows":[${Array(rows).fill(row).join(',')}]}`;
    expect(text.length).toBeGreaterThan(20_000_000);
    const start = performance.now();
    const value = parseStrictJson(text) as { rows: unknown[]; blob: string };
    const elapsed = performance.now() - start;
    expect(value.rows).toHaveLength(rows);
    expect(value.blob).toHaveLength(5_000_000);
    expect(value.rows[rows - 1]).toEqual(JSON.parse(row));
    // Generous bound (shared CI machine); a per-character regex or quadratic concatenation takes far longer.
    expect(elapsed).toBeLessThan(10_000);
  });
});
