import { describe, expect, it } from 'vitest';
import { validateWpcText } from '../../src/policy/validate-text.js';
import type { Problem } from '../../src/policy/problems.js';
import { fixtureText } from './fixtures.js';

const slice = (text: string, p: Problem | undefined) => (p?.range ? text.slice(p.range.start.offset, p.range.end.offset) : null);

describe('validateWpcText', () => {
  it('validates the seeds from their text without warnings', () => {
    for (const name of ['ticket-routing.wpc.json', 'zendesk.wpc.json']) {
      const result = validateWpcText(fixtureText(name));
      expect(result.ok && result.warnings).toEqual([]);
    }
  });

  it('places each warning in the source', () => {
    const text = fixtureText('ticket-routing.wpc.json').replace('"propose_only"', '"apply"');
    const result = validateWpcText(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => slice(text, w))).toEqual(['"tickets.assign"', '"tickets.set_priority"', '"tickets.notify_customer"']);
    expect(result.warnings[0]?.range?.start.line).toBe(27);
  });

  it('reports a trailing comma at the comma, not at the brace after it', () => {
    const text = '{\n  "wpc_version": "1",\n}';
    const result = validateWpcText(text);
    expect(result.ok).toBe(false);
    const problem = !result.ok ? result.problems[0] : undefined;
    expect(problem).toMatchObject({ pointer: '', code: 'JSON_SYNTAX', severity: 'error' });
    expect(problem?.range?.start).toMatchObject({ line: 2, column: 21 });
    expect(slice(text, problem)).toBe(',');
    expect(problem?.message).toMatch(/trailing ','/);
  });

  it('reports a comma missing at the end of line 3 at the end of line 3, where the parser only notices it on line 4', () => {
    const text = '{\n  "wpc_version": "1",\n  "workflow": "ticket_auto_routing"\n  "tools": {}\n}';
    const result = validateWpcText(text);
    const problem = !result.ok ? result.problems[0] : undefined;
    expect(problem?.code).toBe('JSON_SYNTAX');
    // Just after the closing quote of "ticket_auto_routing": line 3, column 36.
    expect(problem?.range?.start).toMatchObject({ line: 3, column: 36 });
    expect(problem?.range?.end).toEqual(problem?.range?.start);
    expect(text.slice(0, problem?.range?.start.offset).endsWith('"ticket_auto_routing"')).toBe(true);
    expect(problem?.message).toMatch(/a ',' is missing here.*line 3.*line 4/);
  });

  it('reports a missing comma between array elements and a missing colon after the value or name before it', () => {
    const array = validateWpcText('{"tools": {"allow": ["tickets.read"\n    "tickets.add_label"]}}');
    expect(!array.ok && array.problems[0]?.range?.start).toMatchObject({ line: 1, column: 36 });
    const colon = validateWpcText('{\n  "wpc_version" "1"\n}');
    const problem = !colon.ok ? colon.problems[0] : undefined;
    expect(problem?.range?.start).toMatchObject({ line: 2, column: 16 });
    expect(problem?.message).toMatch(/a ':' is missing/);
  });

  it('keeps the parser\'s position for other syntax errors', () => {
    const text = '{"wpc_version": tru}';
    const result = validateWpcText(text);
    expect(!result.ok && slice(text, result.problems[0])).toBe('t');
  });

  it('lists errors first, then warnings, each by line and column', () => {
    const text = fixtureText('routing-auto-assign-approval.wpc.json')
      .replace('"tickets.notify_customer", "tickets.set_priority"', '"tickets.notify_customer", "tickets.set_priority", "tickets.assign"')
      .replace('"category", "confidence"', '"category", "category"')
      .replace('"tickets.read", "tickets.add_label"', '"tickets.read", "tickets.add_lable"');
    const result = validateWpcText(text);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => [p.severity, p.code])).toEqual([
      ['error', 'WPC_UNKNOWN_ACTION'],
      ['error', 'WPC_CONTRADICTION_ALLOW_DENY'],
      ['warning', 'WPC_DUPLICATE_ENTRY'],
      ['warning', 'WPC_APPROVAL_FOR_DENIED_ACTION'],
    ]);
    const starts = problems.map((p) => [p.range?.start.line ?? 0, p.range?.start.column ?? 0] as const);
    expect(starts[0]![0]).toBe(5);
    expect(starts[1]![0]).toBe(6);
    expect(starts[2]![0]).toBeLessThan(starts[3]![0]);
    expect(problems[0]?.message).toContain('did you mean `tickets.add_label`?');
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
