// Test helpers: load the WPC fixtures from fixtures/policies (read fresh each time: tests mutate copies).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateWpc } from '../../src/policy/validate.js';
import type { NormalizedPolicy } from '../../src/policy/normalized-policy.js';
import { normalizeWpc } from '../../src/policy/normalize.js';
import { WPC_SHAPE_SCHEMAS } from '../../src/policy/schema.js';

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

/**
 * The normalised policy of a WPC that passes the schema but not the semantic checks (e.g. one
 * naming an uncatalogued action): for pinning that the normaliser and the evaluator still fail
 * closed on what validateWpc would refuse.
 */
export function unvalidatedPolicyOf(doc: Record<string, unknown>): NormalizedPolicy {
  const shape = 'workflow' in doc ? 'routing' : 'zendesk';
  return normalizeWpc(WPC_SHAPE_SCHEMAS[shape].parse(doc), shape);
}
