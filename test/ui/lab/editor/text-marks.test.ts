import { describe, expect, it } from 'vitest';
import { validateWpcText, type Problem } from '../../../../src/policy/index.js';
import { lineCount, lineSeverities, textSegments } from '../../../../src/ui/views/lab/editor/text-marks.js';
import { fixtureText } from '../support.js';

function at(text: string, offset: number): { offset: number; line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { offset, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

function problem(text: string, start: number, end: number, severity: 'error' | 'warning' = 'error'): Problem {
  return { pointer: '/x', code: 'WPC_VALUE', message: 'm', severity, range: { start: at(text, start), end: at(text, end) } };
}

describe('textSegments', () => {
  it('gives back the text unchanged when joined, marks or not', () => {
    const text = fixtureText('fixtures/policies/invalid/allow-deny-contradiction.wpc.json');
    const validation = validateWpcText(text);
    expect(validation.ok).toBe(false);
    const problems = validation.ok ? [] : validation.problems;
    expect(textSegments(text, problems).map((s) => s.text).join('')).toBe(text);
  });

  it('starts a mark at the start of every located problem of a real invalid WPC', () => {
    const text = fixtureText('fixtures/policies/invalid/allow-deny-contradiction.wpc.json');
    const validation = validateWpcText(text);
    const problems = validation.ok ? [] : validation.problems;
    const located = problems.filter((p) => p.range !== undefined);
    expect(located.length).toBeGreaterThan(2);
    const starts = new Set<number>();
    let offset = 0;
    for (const s of textSegments(text, problems)) {
      if (s.severity !== null) starts.add(offset);
      offset += s.text.length;
    }
    for (const p of located) expect(starts.has(p.range!.start.offset)).toBe(true);
  });

  it('marks only the first line of a range that spans several', () => {
    const text = '{\n  "a": {\n    "b": 1\n  }\n}';
    const start = text.indexOf('{', 1);
    const segments = textSegments(text, [problem(text, start, text.lastIndexOf('}'))]);
    const marked = segments.filter((s) => s.severity !== null);
    expect(marked).toEqual([{ text: '{', severity: 'error', problem: 0, empty: false }]);
  });

  it('underlines the character at a point problem, and shows an empty mark at the end of the text', () => {
    const text = '{"a": tru}';
    const inside = textSegments(text, [problem(text, 6, 6)]);
    expect(inside.find((s) => s.severity !== null)).toEqual({ text: 't', severity: 'error', problem: 0, empty: false });
    const atEnd = textSegments(text, [problem(text, text.length, text.length)]);
    expect(atEnd[atEnd.length - 1]).toEqual({ text: '', severity: 'error', problem: 0, empty: true });
  });

  it('lets an error win over a warning where they overlap', () => {
    const text = '"abcdef"';
    const segments = textSegments(text, [problem(text, 1, 5, 'warning'), problem(text, 3, 7, 'error')]);
    expect(segments.filter((s) => s.severity !== null).map((s) => [s.text, s.severity])).toEqual([
      ['ab', 'warning'],
      ['cdef', 'error'],
    ]);
  });

  it('ignores problems without a place in the text', () => {
    const text = '{}';
    expect(textSegments(text, [{ pointer: '', code: 'WPC_SHAPE_UNKNOWN', message: 'm', severity: 'error' }])).toEqual([
      { text: '{}', severity: null, problem: null, empty: false },
    ]);
  });
});

describe('lineCount and lineSeverities', () => {
  it('counts a trailing newline as the start of one more line', () => {
    expect(lineCount('')).toBe(1);
    expect(lineCount('a\nb')).toBe(2);
    expect(lineCount('a\nb\n')).toBe(3);
  });

  it('keeps the strongest severity per line', () => {
    const text = 'ab\ncd';
    const lines = lineSeverities([problem(text, 0, 1, 'warning'), problem(text, 3, 4, 'warning'), problem(text, 4, 5, 'error')]);
    expect([...lines]).toEqual([
      [1, 'warning'],
      [2, 'error'],
    ]);
  });
});
