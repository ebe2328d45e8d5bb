// Test helpers: load the WPC fixtures from fixtures/policies (read fresh each time: tests mutate copies).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateWpc } from '../../src/policy/validate.js';
import type { NormalizedPolicy } from '../../src/policy/normalized-policy.js';

export const POLICY_FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'policies');

export function fixtureText(name: string): string {
  return readFileSync(join(POLICY_FIXTURES_DIR, name), 'utf8');
}

/** A fresh, mutable copy of a fixture document. */
export function fixture(name: string): Record<string, any> {
  return JSON.parse(fixtureText(name)) as Record<string, any>;
}

export function fixtureNames(subdir = ''): string[] {
  return readdirSync(join(POLICY_FIXTURES_DIR, subdir))
    .filter((f) => f.endsWith('.wpc.json'))
    .sort();
}

/** The normalised policy of a WPC that must be valid. */
export function policyOf(doc: unknown): NormalizedPolicy {
  const result = validateWpc(doc);
  if (!result.ok) throw new Error(`expected a valid WPC: ${JSON.stringify(result.problems, null, 2)}`);
  return result.policy;
}
