import { describe, expect, it } from 'vitest';
import { validateWpcText } from '../../src/policy/validate-text.js';
import type { Problem } from '../../src/policy/problems.js';
import { fixtureText } from './fixtures.js';

const slice = (text: string, p: Problem | undefined) => (p?.range ? text.slice(p.range.start.offset, p.range.end.offset) : null);

describe('validateWpcText', () => {
  it('validates the seeds from their text and places each warning in the source', () => {
    const text = fixtureText('ticket-routing.wpc.json');
    const result = validateWpcText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => slice(text, w))).toEqual(['"tickets.assign"', '"tickets.set_priority"', '"tickets.notify_customer"']);
    expect(result.warnings[0]?.range?.start.line).toBe(27);
    expect(validateWpcText(fixtureText('zendesk.wpc.json')).ok).toBe(true);
  });

  it('reports a JSON syntax error with its code and place', () => {
    const text = '{\n  "wpc_version": "1",\n}';
    const result = validateWpcText(text);
    expect(result.ok).toBe(false);
    const problem = !result.ok ? result.problems[0] : undefined;
    expect(problem).toMatchObject({ pointer: '', code: 'JSON_SYNTAX', severity: 'error' });
    expect(problem?.range?.start.line).toBe(3);
    expect(slice(text, problem)).toBe('}');
  });

  it('[R-WPC-1] rejects duplicate keys (two readers must not see two different policies)', () => {
    const text = fixtureText('zendesk.wpc.json').replace('"write_approval": "human_in_the_loop"', '"write_approval": "human_in_the_loop", "write_approval": "none"');
    const result = validateWpcText(text);
    expect(!result.ok && result.problems[0]?.code).toBe('JSON_DUPLICATE_KEY');
  });

  it('underlines the name of an unknown or foreign field and the value of a wrong one', () => {
    const text = fixtureText('invalid/mixed-shape.wpc.json').replace('"human_in_the_loop"', '"always"');
    const result = validateWpcText(text);
    const problems = result.ok ? [] : result.problems;
    expect(slice(text, problems.find((p) => p.code === 'WPC_MIXED_SHAPE'))).toBe('"tools"');
    expect(slice(text, problems.find((p) => p.code === 'WPC_VALUE'))).toBe('"always"');
  });

  it('places a missing field at the member that should hold it', () => {
    const text = '{"wpc_version": "1", "workflow": "w", "tools": {}, "outputs": {"redaction": {"required": false}}}';
    const result = validateWpcText(text);
    const missing = !result.ok ? result.problems.find((p) => p.code === 'WPC_MISSING_FIELD') : undefined;
    expect(missing?.pointer).toBe('/outputs/mode');
    expect(slice(text, missing)).toBe('"outputs"');
  });

  it('reports a document that is valid JSON but not an object', () => {
    const result = validateWpcText('[1, 2]');
    expect(!result.ok && result.problems.map((p) => [p.code, slice('[1, 2]', p)])).toEqual([['WPC_NOT_OBJECT', '[1, 2]']]);
  });

  it('throws a typed error when not given text', () => {
    expect(() => validateWpcText(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'INPUT_INVALID' }));
  });
});
