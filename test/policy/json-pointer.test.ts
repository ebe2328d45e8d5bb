import { describe, expect, it } from 'vitest';
import { childPointer, formatPointer, parsePointer } from '../../src/policy/json-pointer.js';

describe('JSON Pointer (RFC 6901)', () => {
  it('formats paths, escaping ~ and / (section 3)', () => {
    expect(formatPointer([])).toBe('');
    expect(formatPointer(['tools', 'deny', 0])).toBe('/tools/deny/0');
    expect(formatPointer(['a/b', 'm~n'])).toBe('/a~1b/m~0n');
    expect(childPointer('/tools', 'allow', 2)).toBe('/tools/allow/2');
  });

  it('parses what it formats', () => {
    for (const path of [[], [''], ['a/b', 'm~n', '0'], ['~1'], ['~01']]) {
      expect(parsePointer(formatPointer(path))).toEqual(path);
    }
  });

  it('unescapes ~1 before ~0 (section 4), so ~01 is ~1 and not /', () => {
    expect(parsePointer('/~01')).toEqual(['~1']);
  });

  it.each(['tools', '/a~2', '/a~'])('rejects the invalid pointer %j', (pointer) => {
    expect(parsePointer(pointer)).toBeNull();
  });
});
