import { describe, expect, it } from 'vitest';
import { checksFailuresFirst, countByDisplayStatus, displayStatus, isFailure } from '../../../src/ui/lib/check-status.js';
import { fixtureReport } from './support.js';

describe('display status', () => {
  it('shows a skipped check, and a failure of an unknown-signer report, as "not checked"', () => {
    expect(displayStatus('skipped', 'valid')).toBe('unchecked');
    expect(displayStatus('fail', 'unknown-signer')).toBe('unchecked');
    expect(displayStatus('fail', 'invalid')).toBe('fail');
    expect(displayStatus('warn', 'unknown-signer')).toBe('warn');
    expect(displayStatus('pass', 'invalid')).toBe('pass');
  });

  it('counts "not checked" as a failure for the filter, a warning not', () => {
    expect(isFailure('fail')).toBe(true);
    expect(isFailure('unchecked')).toBe(true);
    expect(isFailure('warn')).toBe(false);
    expect(isFailure('pass')).toBe(false);
  });
});

describe('failures first', () => {
  it('puts the failing checks of a tampered bundle first, then warnings, then passes, each in report order', async () => {
    const report = await fixtureReport('tampered/receipt-removed.clawproof');
    const ordered = checksFailuresFirst(report.checks, report.verdict);
    expect(ordered.map((s) => s.check.id)).toEqual([
      'receipts', 'model_views', 'proposals', 'schedule', 'manifest',
      'trust', 'approvals',
      'structure', 'wpc', 'cst', 'redaction', 'decisions', 'limits', 'tickets', 'replay',
    ]);
    expect(ordered.map((s) => s.status).slice(0, 6)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail', 'warn']);
  });

  it('keeps every check (the order changes, the set does not)', async () => {
    const report = await fixtureReport('tiny-example.clawproof');
    const ordered = checksFailuresFirst(report.checks, report.verdict);
    expect(ordered.map((s) => s.check.id).sort()).toEqual(report.checks.map((c) => c.id).sort());
    expect(ordered[0]?.status).toBe('warn');
  });

  it('counts an unknown-signer report\'s failures as not checked', async () => {
    const report = await fixtureReport('tampered/signed-by-unknown-key.clawproof');
    expect(report.verdict).toBe('unknown-signer');
    expect(countByDisplayStatus(report.checks, report.verdict)).toEqual({ fail: 0, unchecked: 2, warn: 1, pass: 12 });
  });
});
