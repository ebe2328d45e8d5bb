import { describe, expect, it } from 'vitest';
import { isClawproofError } from '../../src/core/errors.js';
import { initialStates, isMatched, parseFieldPaths, stepStates, type FieldPath } from '../../src/dlp/field-paths.js';

type Step = { name: string } | { index: number };

/** True if `paths` match the node reached by `steps` from the root. */
function reaches(paths: readonly string[], steps: readonly Step[]): boolean {
  const parsed: FieldPath[] = parseFieldPaths(paths);
  let states = initialStates(parsed);
  for (const step of steps) states = stepStates(parsed, states, step);
  return isMatched(parsed, states);
}

describe('redactFields paths', () => {
  it('matches a dotted member path exactly', () => {
    expect(reaches(['requester.email'], [{ name: 'requester' }, { name: 'email' }])).toBe(true);
    expect(reaches(['requester.email'], [{ name: 'requester' }])).toBe(false);
    expect(reaches(['requester.email'], [{ name: 'requester' }, { name: 'phone' }])).toBe(false);
    expect(reaches(['requester.email'], [{ name: 'submitter' }, { name: 'email' }])).toBe(false);
  });

  it("matches every array item and every object member with '*'", () => {
    expect(reaches(['custom_fields.*'], [{ name: 'custom_fields' }, { index: 3 }])).toBe(true);
    expect(reaches(['custom_fields.*'], [{ name: 'custom_fields' }, { name: 'plan' }])).toBe(true);
    expect(reaches(['custom_fields.*'], [{ name: 'custom_fields' }])).toBe(false);
    expect(reaches(['*.email'], [{ name: 'cc' }, { name: 'email' }])).toBe(true);
  });

  it('matches an array index given as a canonical integer only', () => {
    expect(reaches(['comments.0.body'], [{ name: 'comments' }, { index: 0 }, { name: 'body' }])).toBe(true);
    expect(reaches(['comments.0.body'], [{ name: 'comments' }, { index: 1 }, { name: 'body' }])).toBe(false);
    expect(reaches(['comments.00.body'], [{ name: 'comments' }, { index: 0 }, { name: 'body' }])).toBe(false);
  });

  it('applies a member name to every item of an array it meets (comments.body)', () => {
    expect(reaches(['comments.body'], [{ name: 'comments' }, { index: 2 }, { name: 'body' }])).toBe(true);
    expect(reaches(['comments.body'], [{ name: 'comments' }, { index: 2 }, { index: 0 }, { name: 'body' }])).toBe(true);
  });

  it('treats a numeric segment as a member name on objects', () => {
    expect(reaches(['codes.0'], [{ name: 'codes' }, { name: '0' }])).toBe(true);
  });

  it.each([[['']], [['a..b']], [['.a']], [['a.']], [[7]], ['requester.email']])('rejects malformed paths %j', (paths) => {
    try {
      parseFieldPaths(paths);
      expect.unreachable();
    } catch (e) {
      expect(isClawproofError(e) && e.code).toBe('DLP_CONFIG_INVALID');
    }
  });
});
