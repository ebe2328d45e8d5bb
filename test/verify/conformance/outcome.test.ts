import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outcomeOfReport } from '../../../src/verify/conformance/outcome.js';
import { verifyBundle } from '../../../src/verify/verify-bundle.js';
import { ROOT } from '../support.js';

const read = (path: string) => new Uint8Array(readFileSync(join(ROOT, path)));
const DEMO_ROOT = read('fixtures/trust/demo-trust-root.json');

describe('outcomeOfReport', () => {
  it('reads a real report: the failing checks with every code, the warnings, the unknown signers', async () => {
    const report = await verifyBundle(read('fixtures/bundles/tampered/receipt-removed.clawproof'), DEMO_ROOT);
    const reading = outcomeOfReport(JSON.parse(JSON.stringify(report)));
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.outcome.verdict).toBe('invalid');
    expect(reading.outcome.failing.map((f) => f.check)).toEqual(['receipts', 'model_views', 'proposals', 'schedule', 'manifest']);
    expect(reading.outcome.failing[0]).toEqual({ check: 'receipts', code: 'RECEIPT_CHAIN_BROKEN', codes: ['RECEIPT_CHAIN_BROKEN', 'RECEIPT_COUNT_MISMATCH'] });
    expect(reading.outcome.warnings).toEqual([
      { check: 'trust', code: 'TRUST_ROOT_DEMO_ONLY' },
      { check: 'approvals', code: 'APPROVAL_AUTOMATIC' },
    ]);
    expect(reading.outcome.unknownSigners).toEqual([]);
  });

  it('names the key ids of KEY_NOT_TRUSTED issues as unknown signers, once each and sorted', () => {
    const issue = (keyid: string) => ({ severity: 'fail', code: 'KEY_NOT_TRUSTED', evidence: [{ keyid }] });
    const reading = outcomeOfReport({
      verdict: 'unknown-signer',
      checks: [{ id: 'trust', status: 'fail', code: 'KEY_NOT_TRUSTED', issues: [issue('sha256:bb'), issue('sha256:aa'), issue('sha256:bb')] }],
    });
    expect(reading.ok && reading.outcome.unknownSigners).toEqual(['sha256:aa', 'sha256:bb']);
  });

  it('reads the minimal report: checks without issues give their code, and a warn status its warning', () => {
    const reading = outcomeOfReport({
      verdict: 'invalid',
      checks: [
        { id: 'structure', status: 'fail', code: 'INPUT_NOT_JSON' },
        { id: 'trust', status: 'warn', code: 'TRUST_ROOT_DEMO_ONLY' },
        { id: 'wpc', status: 'skipped', code: 'SKIPPED' },
      ],
    });
    expect(reading).toEqual({
      ok: true,
      outcome: {
        verdict: 'invalid',
        failing: [{ check: 'structure', code: 'INPUT_NOT_JSON', codes: ['INPUT_NOT_JSON'] }],
        warnings: [{ check: 'trust', code: 'TRUST_ROOT_DEMO_ONLY' }],
        unknownSigners: [],
      },
    });
  });

  it.each([
    [[], 'the report is not a JSON object'],
    [{ verdict: 'VALID', checks: [] }, 'the report\'s verdict is "VALID", not one of valid, invalid, unknown-signer'],
    [{ verdict: 'valid' }, 'the report has no checks array'],
    [{ verdict: 'valid', checks: [{ status: 'pass', code: 'OK' }] }, 'checks[0] has no id'],
    [{ verdict: 'valid', checks: [{ id: 'trust', status: 'ok', code: 'OK' }] }, 'check "trust" has status "ok", not pass, fail, warn or skipped'],
    [{ verdict: 'valid', checks: [{ id: 'trust', status: 'pass' }] }, 'check "trust" has no code'],
    [{ verdict: 'valid', checks: [{ id: 'trust', status: 'pass', code: 'OK' }, { id: 'trust', status: 'pass', code: 'OK' }] }, 'the report lists check "trust" twice'],
    [{ verdict: 'valid', checks: [{ id: 'trust', status: 'pass', code: 'OK', issues: [{ code: 'X' }] }] }, 'issue 0 of check "trust" has no severity or code'],
  ])('refuses a report it cannot read: %j', (report, problem) => {
    expect(outcomeOfReport(report)).toEqual({ ok: false, problem });
  });
});
