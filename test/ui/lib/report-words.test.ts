import { describe, expect, it } from 'vitest';
import type { CheckResult, CheckStatus } from '../../../src/verify/report.js';
import { countChips, countSentence, countWords } from '../../../src/ui/lib/report-words.js';
import { fixtureReport } from './support.js';

/** Checks with the given statuses (only the status matters to the wording). */
function checks(...statuses: CheckStatus[]): CheckResult[] {
  return statuses.map((status, i) => ({ id: 'structure', title: `check ${i}`, status, code: 'OK', message: '', evidence: [], issues: [] }) as CheckResult);
}

describe('count words', () => {
  it('gets the plurals right', () => {
    expect(countWords('warn', 1)).toBe('1 warning');
    expect(countWords('warn', 2)).toBe('2 warnings');
    expect(countWords('fail', 1)).toBe('1 failed');
    expect(countWords('unchecked', 3)).toBe('3 not checked');
    expect(countWords('pass', 1_200)).toBe('1,200 passed');
  });
});

describe('the banner sentence and the chips agree', () => {
  it('a valid report with warnings never says "all checks passed"', async () => {
    const report = await fixtureReport('tiny-example.clawproof');
    const chips = countChips(report.checks, report.verdict).map((c) => c.label);
    expect(chips).toEqual(['2 warnings', '13 passed']);
    const sentence = countSentence(report.checks, report.verdict);
    expect(sentence).toBe('None of the 15 checks failed: 13 passed, 2 warnings.');
    for (const chip of chips) expect(sentence).toContain(chip);
  });

  it('a tampered report leads with the failures, then the chips\' other counts', async () => {
    const report = await fixtureReport('tampered/receipt-removed.clawproof');
    const chips = countChips(report.checks, report.verdict);
    expect(chips.map((c) => c.status)).toEqual(['fail', 'warn', 'pass']);
    expect(countSentence(report.checks, report.verdict)).toBe('5 of 15 checks failed; 2 warnings, 8 passed.');
  });

  it('an unknown signer reads as not checked, never as failed or as a warning', async () => {
    const report = await fixtureReport('tampered/signed-by-unknown-key.clawproof');
    expect(countChips(report.checks, report.verdict).map((c) => c.label)).toEqual(['2 not checked', '1 warning', '12 passed']);
    expect(countSentence(report.checks, report.verdict)).toBe('2 of 15 checks could not be checked; 1 warning, 12 passed.');
  });

  it('says "all" only when every check passed, and counts one check as one', () => {
    expect(countSentence(checks('pass', 'pass', 'pass'), 'valid')).toBe('All 3 checks passed.');
    expect(countSentence(checks('pass'), 'valid')).toBe('The check passed.');
    expect(countSentence(checks('fail', 'fail'), 'invalid')).toBe('All 2 checks failed.');
    expect(countSentence(checks('fail', 'pass'), 'invalid')).toBe('1 of 2 checks failed; 1 passed.');
    expect(countSentence(checks('skipped', 'pass', 'warn'), 'invalid')).toBe('1 of 3 checks could not be checked; 1 warning, 1 passed.');
  });

  it('the chip counts add up to the number of checks', async () => {
    for (const file of ['tiny-example.clawproof', 'tampered/receipt-removed.clawproof', 'tampered/truncated.clawproof']) {
      const report = await fixtureReport(file);
      const total = countChips(report.checks, report.verdict).reduce((n, c) => n + c.count, 0);
      expect(total).toBe(report.checks.length);
    }
  });
});
