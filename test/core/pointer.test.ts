import { describe, expect, it } from 'vitest';
import { escapePointerToken, formatPointer, parsePointer } from '../../src/core/pointer.js';

describe('JSON Pointer (RFC 6901)', () => {
  it('escapes ~ as ~0 before / as ~1 (section 3), so a literal "~1" does not come back as "/"', () => {
    expect(escapePointerToken('a/b')).toBe('a~1b');
    expect(escapePointerToken('m~n')).toBe('m~0n');
    expect(escapePointerToken('~1')).toBe('~01');
    expect(escapePointerToken('/~')).toBe('~1~0');
    expect(escapePointerToken('~~//')).toBe('~0~0~1~1');
    expect(escapePointerToken(7)).toBe('7');
    expect(escapePointerToken('')).toBe('');
  });

  it('formats paths; [] is the whole document and an empty member name is a token too', () => {
    expect(formatPointer([])).toBe('');
    expect(formatPointer([''])).toBe('/');
    expect(formatPointer(['receipts', 2, 'signatures', 0])).toBe('/receipts/2/signatures/0');
    expect(formatPointer(['a/b', 'm~n'])).toBe('/a~1b/m~0n');
  });

  it('gives the RFC 6901 section 5 examples', () => {
    const cases: [string, string[]][] = [
      ['', []],
      ['/foo', ['foo']],
      ['/foo/0', ['foo', '0']],
      ['/', ['']],
      ['/a~1b', ['a/b']],
      ['/c%d', ['c%d']],
      ['/e^f', ['e^f']],
      ['/g|h', ['g|h']],
      ['/i\\j', ['i\\j']],
      ['/k"l', ['k"l']],
      ['/ ', [' ']],
      ['/m~0n', ['m~n']],
    ];
    for (const [pointer, tokens] of cases) {
      expect(parsePointer(pointer), pointer).toEqual(tokens);
      expect(formatPointer(tokens), pointer).toBe(pointer);
    }
  });

  it('parses what it formats, for names made of ~, / and 0 and 1', () => {
    for (const path of [[''], ['', ''], ['~1'], ['~01'], ['/~0/'], ['~', '/', '~/~'], ['0', '1']]) {
      expect(parsePointer(formatPointer(path))).toEqual(path);
    }
  });

  it('unescapes ~1 before ~0 (section 4): ~01 is "~1", never "/"', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
    expect(parsePointer('/~10')).toEqual(['/0']);
    expect(parsePointer('/~0~1')).toEqual(['~/']);
  });

  it.each(['tools', 'a/b', '/a~2', '/a~', '/~/b', '/ok/~x'])('rejects the invalid pointer %j', (pointer) => {
    expect(parsePointer(pointer)).toBeNull();
  });
});
