import { describe, expect, it } from 'vitest';
import { locatePointer, rangeForPointer } from '../../src/policy/text-locator.js';
import type { TextRange } from '../../src/policy/problems.js';

const slice = (text: string, range: TextRange | null | undefined) => (range ? text.slice(range.start.offset, range.end.offset) : null);

describe('locatePointer', () => {
  const text = '{\n  "a": {"b": [1, {"c": "x"}, [true, null]]},\n  "m~n": 2, "a/b": -1.5e3,\n  "\\u0071": "q"\n}';

  it.each([
    ['', text],
    ['/a', '{"b": [1, {"c": "x"}, [true, null]]}'],
    ['/a/b', '[1, {"c": "x"}, [true, null]]'],
    ['/a/b/0', '1'],
    ['/a/b/1/c', '"x"'],
    ['/a/b/2/1', 'null'],
    ['/m~0n', '2'],
    ['/a~1b', '-1.5e3'],
    ['/q', '"q"'],
  ])('finds the value at %j', (pointer, expected) => {
    expect(slice(text, locatePointer(text, pointer)?.value)).toBe(expected);
  });

  it('gives the member name with its quotes, and line/column positions', () => {
    const location = locatePointer(text, '/a/b');
    expect(slice(text, location?.key)).toBe('"b"');
    expect(location?.value.start).toEqual({ offset: 15, line: 2, column: 14 });
  });

  it.each(['/missing', '/a/b/3', '/a/b/01', '/a/b/-', '/a/b/0/x', 'no-slash', '/~2'])('returns null for %j', (pointer) => {
    expect(locatePointer(text, pointer)).toBeNull();
  });

  it('gives up on text that is not JSON instead of guessing', () => {
    expect(locatePointer('{"a": ', '/a')).toBeNull();
    expect(locatePointer('{"a" 1}', '/a')).toBeNull();
    expect(locatePointer('{"a": [1, 2', '/a')).toBeNull();
  });

  it('does not mistake brackets inside strings for structure', () => {
    const t = '{"x": "]}[{\\"", "y": 3}';
    expect(slice(t, locatePointer(t, '/y')?.value)).toBe('3');
  });
});

describe('rangeForPointer', () => {
  const text = '{"outputs": {"redaction": {"required": true}}, "tools": {}}';

  it('prefers the member name when asked', () => {
    expect(slice(text, rangeForPointer(text, '/tools', true))).toBe('"tools"');
    expect(slice(text, rangeForPointer(text, '/tools'))).toBe('{}');
  });

  it('falls back to the nearest enclosing member for a missing field', () => {
    expect(slice(text, rangeForPointer(text, '/outputs/mode'))).toBe('"outputs"');
    expect(slice(text, rangeForPointer(text, '/outputs/redaction/dlp_rules/0'))).toBe('"redaction"');
  });

  it('falls back to the opening brace for a missing top-level field', () => {
    expect(slice(text, rangeForPointer(text, '/workflow'))).toBe('{');
  });
});
