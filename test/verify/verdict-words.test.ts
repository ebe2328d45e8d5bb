/** The shared vocabulary of verdicts and counts (src/verify/verdict-words.ts). */
import { describe, expect, it } from 'vitest';
import { countChecks, countLabel, countsLine, isUnreadable, verdictHeadline } from '../../src/verify/verdict-words.js';
import { CHECK_IDS, CHECK_TITLES, type CheckResult, type CheckStatus } from '../../src/verify/report.js';

function withStatuses(statuses: Partial<Record<string, CheckStatus>>, structureCode = 'OK'): CheckResult[] {
  return CHECK_IDS.map((id) => ({
    id,
    title: CHECK_TITLES[id],
    status: statuses[id] ?? 'pass',
    code: id === 'structure' ? (structureCode as CheckResult['code']) : 'OK',
    message: '',
    evidence: [],
    issues: id === 'structure' && structureCode !== 'OK' ? [{ severity: 'fail', code: structureCode as 'INPUT_NOT_JSON', message: 'x', evidence: [] }] : [],
  }));
}

describe('verdict words', () => {
  it('gets plurals right', () => {
    expect([countLabel('warn', 1), countLabel('warn', 2), countLabel('fail', 1), countLabel('pass', 13), countLabel('skipped', 14)]).toEqual([
      '1 warning',
      '2 warnings',
      '1 failed',
      '13 passed',
      '14 skipped',
    ]);
  });

  it('counts checks per status and lists the non-zero counts failures first', () => {
    const counts = countChecks(withStatuses({ trust: 'warn', receipts: 'fail', manifest: 'fail' }));
    expect(counts).toEqual({ pass: 12, fail: 2, warn: 1, skipped: 0 });
    expect(countsLine(counts)).toBe('2 failed · 1 warning · 12 passed');
  });

  it('calls a bundle that could not be read "Cannot verify", whatever the verdict field says', () => {
    const unreadable = withStatuses(Object.fromEntries(CHECK_IDS.slice(1).map((id) => [id, 'skipped'])), 'INPUT_NOT_JSON');
    unreadable[0] = { ...unreadable[0]!, status: 'fail' };
    expect(isUnreadable(unreadable)).toBe(true);
    expect(verdictHeadline('invalid', unreadable)).toBe('Cannot verify');
    expect(verdictHeadline('invalid', withStatuses({ receipts: 'fail' }))).toBe('Invalid');
    expect(verdictHeadline('unknown-signer', withStatuses({ trust: 'fail' }))).toBe('Unknown signer');
    expect(verdictHeadline('valid', withStatuses({}))).toBe('Valid');
  });
});
