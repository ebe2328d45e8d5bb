import { describe, expect, it } from 'vitest';
import type { VerifyContext } from '../../src/verify/context.js';
import { CHECK_IDS, type CheckCode, type CheckIssue, type CheckResult } from '../../src/verify/report.js';
import { checkResult, skippedResult } from '../../src/verify/checks/result.js';
import { verdictOf } from '../../src/verify/verdict.js';

type Status = 'valid' | 'untrusted' | 'invalid';
/** Just the parts verdictOf reads: each signed part's pointer and signature status. */
function context(parts: { wpc?: Status; receipts?: Status[]; records?: Status[] } = {}): VerifyContext {
  const view = (pointer: string, status: Status = 'valid') => ({ pointer, signatureStatus: status });
  return {
    wpc: view('/wpc', parts.wpc),
    cst: view('/cst'),
    manifest: view('/manifest'),
    receipts: (parts.receipts ?? ['valid']).map((s, i) => view(`/receipts/${i}`, s)),
    records: (parts.records ?? ['valid']).map((s, i) => view(`/records/${i}`, s)),
    approvals: [],
  } as unknown as VerifyContext;
}

const fail = (code: CheckCode, pointer?: string): CheckIssue => ({ severity: 'fail', code, message: code, evidence: pointer === undefined ? [] : [{ pointer }] });

/** All checks passing, with `results` replacing theirs. */
function checks(...results: CheckResult[]): CheckResult[] {
  return CHECK_IDS.map((id) => results.find((r) => r.id === id) ?? checkResult(id, [], [], 'ok'));
}

describe('verdictOf', () => {
  it('is valid when every check passes or only warns', () => {
    const warn: CheckIssue = { severity: 'warn', code: 'TRUST_ROOT_DEMO_ONLY', message: 'demo', evidence: [] };
    expect(verdictOf(checks(checkResult('trust', [warn], [], 'w')), context())).toBe('valid');
  });

  it('is invalid when a check was skipped, even with no failure (a skipped check proved nothing)', () => {
    expect(verdictOf(checks(skippedResult('redaction', 'not run')), context())).toBe('invalid');
  });

  it('is unknown-signer when every failure is an untrusted key, a signature it left unchecked, or an _UNVERIFIABLE check', () => {
    const result = verdictOf(
      checks(
        checkResult('trust', [fail('KEY_NOT_TRUSTED', '/wpc')], [], ''),
        checkResult('wpc', [fail('SIGNATURE_UNVERIFIED', '/wpc')], [], ''),
        checkResult('limits', [fail('LIMITS_UNVERIFIABLE', '/wpc')], [], ''),
        skippedResult('redaction', 'not run'),
      ),
      context({ wpc: 'untrusted' }),
    );
    expect(result).toBe('unknown-signer');
  });

  it('counts an issue pointing only into unread parts as a consequence, and an unsigned entry when all that explains it is unread', () => {
    const ctx = context({ receipts: ['untrusted', 'untrusted'], records: ['untrusted'] });
    const base = [checkResult('trust', [fail('KEY_NOT_TRUSTED', '/receipts/0')], [], '')];
    expect(verdictOf(checks(...base, checkResult('receipts', [fail('RECEIPT_CHAIN_BROKEN', '/receipts/1/signatures')], [], '')), ctx)).toBe('unknown-signer');
    expect(verdictOf(checks(...base, checkResult('tickets', [fail('TICKET_UNACCOUNTED', '/tickets/0')], [], '')), ctx)).toBe('unknown-signer');
    expect(verdictOf(checks(...base, checkResult('decisions', [fail('RECORD_CHAIN_INCOMPLETE', '/records')], [], '')), ctx)).toBe('unknown-signer');
  });

  it('is invalid as soon as one failure is not explained by the unknown signer', () => {
    const ctx = context({ receipts: ['untrusted', 'valid'] });
    const trust = checkResult('trust', [fail('KEY_NOT_TRUSTED', '/receipts/0')], [], '');
    expect(verdictOf(checks(trust, checkResult('receipts', [fail('RECEIPT_CHAIN_BROKEN', '/receipts/1')], [], '')), ctx)).toBe('invalid');
    // Ticket entries are explained by records, which are readable here.
    expect(verdictOf(checks(trust, checkResult('tickets', [fail('TICKET_STATE_MISMATCH', '/tickets/0')], [], '')), ctx)).toBe('invalid');
    // A failure without any evidence cannot be traced to the unread parts.
    expect(verdictOf(checks(trust, checkResult('manifest', [fail('MERKLE_ROOT_MISMATCH')], [], '')), ctx)).toBe('invalid');
    // A signature that does not verify under a trusted key is tampering, not an unknown signer.
    const tampered = checkResult('trust', [fail('KEY_NOT_TRUSTED', '/receipts/0'), fail('SIGNATURE_INVALID', '/receipts/1')], [], '');
    expect(verdictOf(checks(tampered), ctx)).toBe('invalid');
  });

  it('is invalid, not unknown-signer, when nothing is signed by an unknown key', () => {
    expect(verdictOf(checks(checkResult('limits', [fail('LIMITS_UNVERIFIABLE', '/wpc')], [], '')), context())).toBe('invalid');
  });
});
