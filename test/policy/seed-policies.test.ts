/**
 * The seed and variant WPCs people start from raise no problem at all: a warning on a policy that
 * is fine teaches authors to ignore warnings.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_CATALOG, canonicalActionName } from '../../src/policy/actions.js';
import { validateWpcText } from '../../src/policy/validate-text.js';
import { fixture, fixtureNames, fixtureText } from './fixtures.js';

const CATALOG = new Set(ACTION_CATALOG.map((a) => a.name));

function actionsOf(doc: Record<string, any>): string[] {
  const lists = [doc.tools?.allow, doc.tools?.deny, doc.high_risk_actions?.requires_approval, doc.allowed_actions, doc.denied_actions];
  return lists.flatMap((list: unknown) => (Array.isArray(list) ? (list as string[]) : []));
}

describe('seed policies (fixtures/policies/*.wpc.json)', () => {
  it('are at least the two seeds and their variants', () => {
    expect(fixtureNames()).toEqual(expect.arrayContaining(['ticket-routing.wpc.json', 'zendesk.wpc.json']));
    expect(fixtureNames().length).toBeGreaterThanOrEqual(7);
  });

  it.each(fixtureNames())('%s is valid and raises no warning', (name) => {
    const result = validateWpcText(fixtureText(name));
    expect(result.ok ? result.warnings.map((w) => `${w.code} ${w.pointer}`) : 'invalid').toEqual([]);
  });

  it.each(fixtureNames())('%s names only catalogued actions', (name) => {
    const actions = actionsOf(fixture(name));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => !CATALOG.has(canonicalActionName(a) ?? a))).toEqual([]);
  });
});
