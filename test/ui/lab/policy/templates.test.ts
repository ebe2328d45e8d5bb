/// <reference types="vite/client" />
// (templates.ts imports the policy files with Vite's `?raw`.)
/**
 * The policies the Lab's editor starts from: the seeds and variants are valid and raise no warning
 * (a warning on a policy that is fine teaches people to ignore warnings), the invalid examples
 * show errors, and every template is shown formatted without changing its policy hash.
 */
import { describe, expect, it } from 'vitest';
import { parseStrictJson } from '../../../../src/core/json.js';
import { policyHash } from '../../../../src/policy/policy-hash.js';
import { validateWpcText } from '../../../../src/policy/validate-text.js';
import { formatJsonText } from '../../../../src/ui/views/lab/editor/format-json.js';
import { DEFAULT_TEMPLATE_ID, WPC_TEMPLATES, templateById } from '../../../../src/ui/views/lab/policy/templates.js';
import { fixtureText } from '../support.js';

const usable = WPC_TEMPLATES.filter((t) => t.group !== 'Invalid examples');
const invalid = WPC_TEMPLATES.filter((t) => t.group === 'Invalid examples');

describe('Lab WPC templates', () => {
  it('offer the two seeds, the variants and the invalid examples', () => {
    expect(usable.length).toBeGreaterThanOrEqual(6);
    expect(invalid.length).toBeGreaterThanOrEqual(2);
    expect(templateById(DEFAULT_TEMPLATE_ID)?.group).toBe('Seed templates');
  });

  it.each(usable.map((t) => [t.name, t] as const))('%s is valid and raises no warning', (_name, template) => {
    const result = validateWpcText(template.text);
    expect(result.ok ? result.warnings.map((w) => `${w.code} ${w.pointer}`) : result.problems.map((p) => p.message)).toEqual([]);
  });

  it.each(invalid.map((t) => [t.name, t] as const))('%s shows errors', (_name, template) => {
    const result = validateWpcText(template.text);
    expect(!result.ok && result.problems.some((p) => p.severity === 'error')).toBe(true);
  });

  it.each(WPC_TEMPLATES.map((t) => [t.name, t] as const))('%s is shown formatted', (_name, template) => {
    expect(formatJsonText(template.text)).toEqual({ ok: true, text: template.text });
  });

  it('shows the flat routing seed pretty-printed, with the policy hash of the file', () => {
    const file = fixtureText('fixtures/policies/ticket-routing.wpc.json');
    const shown = templateById('routing-seed')!.text;
    expect(file.split('\n')[1]).toBe('"wpc_version": "1",');
    expect(shown.split('\n')[1]).toBe('  "wpc_version": "1",');
    expect(policyHash(parseStrictJson(shown))).toBe(policyHash(parseStrictJson(file)));
  });
});
