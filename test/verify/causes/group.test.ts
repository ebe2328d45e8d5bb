/** The grouping rule of root causes (src/verify/causes/group.ts) on synthetic issue lists. */
import { describe, expect, it } from 'vitest';
import { rootCauses } from '../../../src/verify/causes/group.js';
import { CHECK_IDS, CHECK_TITLES, type CheckCode, type CheckId, type CheckIssue, type CheckResult, type Evidence } from '../../../src/verify/report.js';

const fail = (code: CheckCode, message: string, ...evidence: Evidence[]): CheckIssue => ({ severity: 'fail', code, message, evidence });
const warn = (code: CheckCode, message: string, ...evidence: Evidence[]): CheckIssue => ({ severity: 'warn', code, message, evidence });

/** A report's checks with the given issues (every other check passes). */
function checks(issues: Partial<Record<CheckId, CheckIssue[]>>): CheckResult[] {
  return CHECK_IDS.map((id) => {
    const list = issues[id] ?? [];
    const first = list.find((i) => i.severity === 'fail') ?? list[0];
    const status = list.some((i) => i.severity === 'fail') ? 'fail' : list.length > 0 ? 'warn' : 'pass';
    return { id, title: CHECK_TITLES[id], status, code: first?.code ?? 'OK', message: '', evidence: [], issues: list };
  });
}

const seqBreak = (index: number, seq: number) =>
  fail('RECEIPT_CHAIN_BROKEN', `receipt at position ${index} has seq ${seq}`, { pointer: `/receipts/${index}`, payloadPointer: '/seq', expected: String(index), actual: String(seq) });
const prevBreak = (index: number) => fail('RECEIPT_CHAIN_BROKEN', `receipt ${index} does not chain`, { pointer: `/receipts/${index}`, payloadPointer: '/prev' });

describe('rootCauses', () => {
  it('gives no causes when nothing failed, warnings or not', () => {
    expect(rootCauses({ checks: checks({ trust: [warn('TRUST_ROOT_DEMO_ONLY', 'demo')] }) })).toEqual([]);
  });

  it('groups issues about the same part under its most specific one: a fact before the re-derivation it breaks', () => {
    const causes = rootCauses({
      checks: checks({
        decisions: [fail('DECISION_MISMATCH', 're-evaluates differently', { pointer: '/records/7', ticketId: 4 })],
        approvals: [fail('APPROVAL_MISSING', 'tickets.assign on ticket 4 needed an approval', { pointer: '/records/7', recordId: 'rec_1', ticketId: 4 })],
      }),
    });
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ check: 'approvals', issue: 0, code: 'APPROVAL_MISSING', pointers: ['/records/7'] });
    expect(causes[0]!.consequences).toEqual([{ check: 'decisions', issue: 0, code: 'DECISION_MISMATCH', message: 're-evaluates differently', pointer: '/records/7' }]);
    // Without the applied call in the ticket diffs, the action is read from the message.
    expect(causes[0]!.sentence).toBe('Ticket 4 was assigned to another queue without the approval the policy requires.');
  });

  it('links through a ticket or an id named in the evidence, not through a whole list', () => {
    const causes = rootCauses({
      checks: checks({
        tickets: [
          fail('TICKET_STATE_MISMATCH', 'ticket 1: after.status is closed', { pointer: '/tickets/0/after', ticketId: 1 }),
          fail('TICKET_STATE_MISMATCH', 'ticket 2: after.status is closed', { pointer: '/tickets/1/after', ticketId: 2 }),
          fail('TICKET_UNACCOUNTED', 'the job ticket counts disagree', { pointer: '/tickets' }),
        ],
      }),
    });
    expect(causes.map((c) => c.pointers)).toEqual([['/tickets/0/after'], ['/tickets/1/after'], ['/tickets']]);
  });

  it('keeps independent faults apart, facts first and then in bundle order', () => {
    const causes = rootCauses({
      checks: checks({
        model_views: [fail('MODEL_VIEW_HASH_MISMATCH', 'view changed', { pointer: '/model_views/2/request', receiptId: 'rct_c' })],
        trust: [fail('SIGNATURE_INVALID', 'bad signature', { pointer: '/receipts/0', keyid: `sha256:${'ab'.repeat(32)}` })],
        schedule: [fail('SCHEDULE_MISMATCH', 'a record out of place', { pointer: '/records/30' })],
      }),
      counts: { receipts: 3, model_views: 3 },
    });
    expect(causes.map((c) => c.code)).toEqual(['SIGNATURE_INVALID', 'MODEL_VIEW_HASH_MISMATCH', 'SCHEDULE_MISMATCH']);
    expect(causes[0]!.sentence).toBe(`The signature on receipt 1 of 3 does not verify with the proxy key sha256:abababab…ababab: the part was changed after it was signed, or the signature was forged.`);
    expect(causes[1]!.sentence).toMatch(/^Model view 3 of 3 \(the text sent to the model\) is not what the proxy receipted/);
  });

  it('puts a restated seal under the cause whose list it points into, and makes it a cause only when alone', () => {
    const merkle = fail('MERKLE_ROOT_MISMATCH', 'the Merkle root over the bundle\'s parts is not the one the manifest signs', { pointer: '/manifest' });
    const count = fail('MANIFEST_COUNT_MISMATCH', 'the manifest commits to 3 approvals; the bundle holds 2', { pointer: '/approvals', payloadPointer: '/counts/approvals' });
    const alone = rootCauses({ checks: checks({ manifest: [merkle] }) });
    expect(alone).toHaveLength(1);
    expect(alone[0]!.sentence).toBe("The manifest's seal does not match the bundle: the Merkle root over the bundle's parts is not the one the manifest signs.");
    const withOthers = rootCauses({
      checks: checks({
        receipts: [seqBreak(1, 2)],
        approvals: [fail('APPROVAL_ORPHAN', 'an approval of nothing', { pointer: '/approvals/1', approvalId: 'apr_x' })],
        manifest: [count, merkle],
      }),
    });
    expect(withOthers.map((c) => [c.code, c.consequences.map((q) => q.code)])).toEqual([
      ['RECEIPT_CHAIN_BROKEN', ['MERKLE_ROOT_MISMATCH']],
      ['APPROVAL_ORPHAN', ['MANIFEST_COUNT_MISMATCH']],
    ]);
  });

  it('follows a known implication across parts that share nothing: a swapped policy explains the decisions made under it', () => {
    const causes = rootCauses({
      checks: checks({
        wpc: [fail('POLICY_HASH_MISMATCH', 'pin differs', { pointer: '/cst', payloadPointer: '/policy_hash', expected: `sha256:${'1'.repeat(64)}`, actual: `sha256:${'2'.repeat(64)}` })],
        decisions: [fail('DECISION_MISMATCH', 'denied now', { pointer: '/records/9', ticketId: 5 })],
        tickets: [fail('TICKET_STATE_MISMATCH', 'ticket 5: after.priority is high', { pointer: '/tickets/0/after', ticketId: 6 })],
      }),
    });
    expect(causes.map((c) => [c.code, c.consequences.map((q) => q.code)])).toEqual([
      ['POLICY_HASH_MISMATCH', ['DECISION_MISMATCH']],
      ['TICKET_STATE_MISMATCH', []],
    ]);
    expect(causes[0]!.sentence).toBe(
      "The WPC in the bundle is not the policy the run was held to: the capability token's policy pin names policy sha256:22222222…222222, but the WPC hashes to sha256:11111111…111111.",
    );
  });

  it('reads one deleted receipt as one fault, and a second gap further on as another', () => {
    const one = rootCauses({ checks: checks({ receipts: [seqBreak(3, 4), prevBreak(3), seqBreak(4, 5), seqBreak(5, 6)] }), counts: { receipts: 6 } });
    expect(one).toHaveLength(1);
    expect(one[0]!.sentence).toBe('Receipt 4 of 7 is missing: the chain jumps from receipt 3 to receipt 5.');
    expect(one[0]!.consequences).toHaveLength(3);
    const two = rootCauses({ checks: checks({ receipts: [seqBreak(3, 4), prevBreak(3), seqBreak(4, 5), seqBreak(5, 7), prevBreak(5)] }) });
    expect(two.map((c) => c.sentence)).toEqual([
      // No list lengths (a report read back from storage): the ordinals stand alone.
      'Receipt 4 is missing: the chain jumps from receipt 3 to receipt 5.',
      'Receipts 6 to 7 are missing: the chain jumps from receipt 5 to receipt 8.',
    ]);
  });

  it('reads a swap as one fault, the link after it included', () => {
    const causes = rootCauses({ checks: checks({ receipts: [seqBreak(2, 3), prevBreak(2), seqBreak(3, 2), prevBreak(3), prevBreak(4)] }), counts: { receipts: 8 } });
    expect(causes).toHaveLength(1);
    expect(causes[0]!.sentence).toBe('Receipts 3 and 4 of 8 are swapped: receipt 4 comes before receipt 3.');
  });

  it('falls back to the check title and the issue message for a code without a sentence builder', () => {
    const causes = rootCauses({ checks: checks({ replay: [fail('CST_JTI_REUSED', 'the CST jti was seen for job job_b', { pointer: '/cst' })] }) });
    expect(causes[0]!.sentence).toBe(`${CHECK_TITLES.replay}: the CST jti was seen for job job_b.`);
  });

  it('makes every failing issue a cause or a consequence of exactly one, never a warning', () => {
    const causes = rootCauses({
      checks: checks({
        trust: [warn('TRUST_ROOT_DEMO_ONLY', 'demo'), fail('KEY_NOT_TRUSTED', 'unknown key', { pointer: '/manifest', keyid: 'sha256:k' })],
        manifest: [fail('SIGNATURE_UNVERIFIED', 'not read', { pointer: '/manifest' })],
        approvals: [warn('APPROVAL_AUTOMATIC', '1 applied write(s) were approved automatically', { pointer: '/approvals/0' })],
      }),
      trustRootName: 'Ours',
    });
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ check: 'trust', issue: 1, consequences: [{ check: 'manifest', issue: 0, code: 'SIGNATURE_UNVERIFIED' }] });
    expect(causes[0]!.sentence).toBe('The manifest is signed by key sha256:k, which your trust root "Ours" does not list for the harness role: its content was not checked.');
  });
});
