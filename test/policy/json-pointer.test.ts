import { describe, expect, it } from 'vitest';
import * as core from '../../src/core/pointer.js';
import { childPointer, escapePointerToken, formatPointer, parsePointer } from '../../src/policy/json-pointer.js';

describe('WPC pointers', () => {
  it('extend a base pointer, escaping each new segment', () => {
    expect(childPointer('/tools', 'allow', 2)).toBe('/tools/allow/2');
    expect(childPointer('', 'a/b', 'm~n')).toBe('/a~1b/m~0n');
    expect(childPointer('/tools')).toBe('/tools');
  });

  it('escape and parse with the one RFC 6901 implementation of src/core', () => {
    expect(escapePointerToken).toBe(core.escapePointerToken);
    expect(formatPointer).toBe(core.formatPointer);
    expect(parsePointer).toBe(core.parsePointer);
  });
});
