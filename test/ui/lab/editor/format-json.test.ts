import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../../../src/core/json.js';
import { policyHash } from '../../../../src/policy/policy-hash.js';
import { FORMAT_WIDTH, formatJson, formatJsonText } from '../../../../src/ui/views/lab/editor/format-json.js';
import { ROOT, fixtureText } from '../support.js';

const POLICIES = readdirSync(join(ROOT, 'fixtures/policies')).filter((f) => f.endsWith('.wpc.json'));

describe('formatJsonText', () => {
  it('pretty-prints the flat routing seed with 2-space indentation', () => {
    const result = formatJsonText(fixtureText('fixtures/policies/ticket-routing.wpc.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lines = result.text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '{',
      '  "wpc_version": "1",',
      '  "workflow": "ticket_auto_routing",',
      '  "tools": {',
      '    "allow": ["tickets.read", "tickets.add_label", "tickets.add_internal_note"],',
    ]);
    expect(result.text).toContain('      "dlp_rules": [\n        { "type": "secret", "pattern": "api_key_like" },\n');
    expect(result.text.endsWith('}\n')).toBe(true);
  });

  it('leaves a fixture already in the house style as it is', () => {
    const text = fixtureText('fixtures/policies/routing-auto-assign-approval.wpc.json');
    expect(formatJsonText(text)).toEqual({ ok: true, text });
  });

  it.each(POLICIES)('keeps the meaning and the policy hash of %s, is idempotent and stays within the width', (name) => {
    const text = fixtureText(`fixtures/policies/${name}`);
    const result = formatJsonText(text);
    if (!result.ok) throw new Error(result.reason);
    expect(parseStrictJson(result.text)).toEqual(parseStrictJson(text));
    expect(policyHash(parseStrictJson(result.text))).toBe(policyHash(parseStrictJson(text)));
    expect(formatJsonText(result.text)).toEqual(result);
    for (const line of result.text.split('\n')) expect(line.length).toBeLessThanOrEqual(FORMAT_WIDTH);
  });

  it('breaks a list too long for one line into one entry a line', () => {
    const list = Array.from({ length: 12 }, (_, i) => `tickets.action_number_${i}`);
    const text = formatJson({ tools: { deny: list } });
    expect(text.trimEnd().split('\n')).toHaveLength(list.length + 6);
    expect(text).toContain('    "deny": [\n      "tickets.action_number_0",\n');
  });

  it('writes empty containers and nested lists compactly', () => {
    expect(formatJson({ a: {}, b: [], c: [[1, 2], [3]] })).toBe('{\n  "a": {},\n  "b": [],\n  "c": [\n    [1, 2],\n    [3]\n  ]\n}\n');
  });

  it('keeps text that does not parse, and says why', () => {
    const result = formatJsonText('{\n  "a": 1\n  "b": 2\n}');
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.reason).toMatch(/expected ',' or '}'/);
    expect(formatJsonText('{"a": 1, "a": 2}')).toMatchObject({ ok: false, reason: expect.stringMatching(/duplicate/) });
  });
});
