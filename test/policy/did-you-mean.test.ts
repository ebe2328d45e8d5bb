import { describe, expect, it } from 'vitest';
import { ACTION_CATALOG } from '../../src/policy/actions.js';
import { closestName, editDistance, maxSuggestionDistance } from '../../src/policy/did-you-mean.js';

const NAMES = ACTION_CATALOG.map((a) => a.name);

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['add_lable', 'add_label', 1], // one transposition, not two substitutions
    ['asign', 'assign', 1],
    ['ca', 'abc', 3], // OSA, unlike full Damerau-Levenshtein (2), does not edit a transposed pair again
    ['tickets.read', 'tickets.read', 0],
  ])('%j -> %j is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closestName', () => {
  it.each([
    ['tickets.add_lable', 'tickets.add_label'],
    ['tickets.asign', 'tickets.assign'],
    ['tickets.set_priorty', 'tickets.set_priority'],
    ['ticket.read', 'tickets.read'],
    ['tickets.notify_customers', 'tickets.notify_customer'],
  ])('suggests %s -> %s', (name, expected) => {
    expect(closestName(name, NAMES)).toBe(expected);
  });

  it('suggests nothing when no name is close', () => {
    expect(closestName('billing.refund', NAMES)).toBeNull();
    expect(closestName('tickets.escalate', NAMES)).toBeNull();
  });

  it('does not suggest a name to itself', () => {
    expect(closestName('tickets.read', ['tickets.read'])).toBeNull();
  });

  it('keeps short names to short distances, so "ab" is not "did you mean xy"', () => {
    expect(maxSuggestionDistance('ab')).toBe(0);
    expect(closestName('ab', ['xy', 'ac'])).toBeNull();
    expect(maxSuggestionDistance('tickets.add_lable')).toBe(3);
  });

  it('breaks a tie by the order of the candidates', () => {
    expect(closestName('tickets.x', ['tickets.a', 'tickets.b'])).toBe('tickets.a');
    expect(closestName('tickets.x', ['tickets.b', 'tickets.a'])).toBe('tickets.b');
  });
});
