import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/hash.js';
import type { DecisionRecord, ProofBundle } from '../../../src/core/bundle/types.js';
import { checkApprovals } from '../../../src/verify/checks/approvals.js';
import { approvalsOf, codes, contextOf, editRecords, failCodes, recordsOf, run, withApprovals, withRecords } from '../diff/bundles.js';

let auto: ProofBundle;
let queued: ProofBundle;

beforeAll(async () => {
  // Routing in apply mode where tickets.assign needs an approval of its proposal.
  [auto, queued] = await Promise.all([
    run({ approvals: 'auto' }),
    // A reviewer approves even tickets, rejects odd ones.
    run({ approvals: { decide: (request) => (request.ticketId % 2 === 0 ? 'approved' : 'rejected') } }),
  ]);
});

const appliedAssigns = (b: ProofBundle): DecisionRecord[] =>
  recordsOf(b).filter((r): r is DecisionRecord => r.kind === 'decision' && r.action === 'tickets.assign' && r.applied);

describe('checkApprovals on honest runs', () => {
  it('passes reviewed approvals, and does not count rejected ones as unused', async () => {
    expect(appliedAssigns(queued).length).toBeGreaterThan(0);
    expect(approvalsOf(queued).some((a) => a.decision === 'rejected')).toBe(true);
    const result = checkApprovals(await contextOf(queued));
    expect(result.status).toBe('pass');
    expect(result.evidence[0]).toMatchObject({ note: `${appliedAssigns(queued).length} applied write${appliedAssigns(queued).length === 1 ? '' : 's'}` });
  });

  it('warns that automatic approvals had no reviewer, listing each', async () => {
    const result = checkApprovals(await contextOf(auto));
    expect(result.status).toBe('warn');
    expect(codes(result)).toEqual(['APPROVAL_AUTOMATIC']);
    expect(result.issues[0]!.evidence.map((e) => e.approvalId)).toEqual(approvalsOf(auto).map((a) => a.approval_id));
  });
});

describe('checkApprovals finds applied writes without a bound approval', () => {
  it('APPROVAL_MISSING when the approvals are gone, and APPROVAL_WITHHELD for each proposal the approver was asked about', async () => {
    const result = checkApprovals(await contextOf(withApprovals(queued, [])));
    const asked = new Set(approvalsOf(queued).map((a) => a.ticket_id));
    expect(failCodes(result).filter((c) => c === 'APPROVAL_MISSING')).toEqual(Array(appliedAssigns(queued).length).fill('APPROVAL_MISSING'));
    expect(result.issues.filter((i) => i.code === 'APPROVAL_WITHHELD').map((i) => i.message.match(/^Ticket (\d+)/)?.[1])).toEqual([...asked].map(String));
    expect(new Set(failCodes(result))).toEqual(new Set(['APPROVAL_MISSING', 'APPROVAL_WITHHELD']));
  });

  it('APPROVAL_NOT_BOUND when an approval names another proposal', async () => {
    // Ticket A's approval re-pointed at ticket B's proposal: A's apply is left with no approval of its own.
    const [a, b] = approvalsOf(queued).filter((x) => x.decision === 'approved');
    const swapped = approvalsOf(queued).map((x) => (x.approval_id === a!.approval_id ? { ...x, proposal_hash: b!.proposal_hash } : x));
    const result = checkApprovals(await contextOf(withApprovals(queued, swapped)));
    expect(failCodes(result)[0]).toBe('APPROVAL_NOT_BOUND');
    expect(result.issues[0]!.evidence[0]).toMatchObject({ ticketId: a!.ticket_id, expected: a!.proposal_hash });
    // And the re-pointed answer is seen for what it is: A's proposal lost its answer, and the answer names a proposal not of A's ticket.
    expect(new Set(failCodes(result))).toEqual(new Set(['APPROVAL_NOT_BOUND', 'APPROVAL_WITHHELD', 'APPROVAL_ORPHAN']));
  });

  it('APPROVAL_NOT_BOUND when the approval does not cover the action', async () => {
    const approvals = approvalsOf(auto).map((a) => ({ ...a, actions: ['tickets.set_priority'] }));
    const result = checkApprovals(await contextOf(withApprovals(auto, approvals)));
    expect(new Set(failCodes(result))).toEqual(new Set(['APPROVAL_NOT_BOUND', 'APPROVAL_REQUEST_MISMATCH']));
    expect(result.issues[0]!.message).toContain('approves tickets.set_priority, not tickets.assign');
    expect(result.issues.find((i) => i.code === 'APPROVAL_REQUEST_MISMATCH')!.message).toContain('answers for tickets.set_priority, but the proposal put tickets.assign to the approver');
  });

  it('APPROVAL_REJECTED when the bound approval said no', async () => {
    const approvals = approvalsOf(auto).map((a) => ({ ...a, decision: 'rejected' as const }));
    const result = checkApprovals(await contextOf(withApprovals(auto, approvals)));
    expect(new Set(failCodes(result))).toEqual(new Set(['APPROVAL_REJECTED']));
  });

  it('APPROVAL_LATE when the approval is dated after the apply', async () => {
    const approvals = approvalsOf(auto).map((a) => ({ ...a, at: '2026-01-05T23:00:00.000Z' }));
    const result = checkApprovals(await contextOf(withApprovals(auto, approvals)));
    expect(new Set(failCodes(result))).toEqual(new Set(['APPROVAL_LATE']));
  });

  it('APPROVAL_ID_MISMATCH when the decision names another approval than the bound one', async () => {
    const target = appliedAssigns(auto)[0]!;
    const bundle = editRecords(auto, (r) => {
      if (r.record_id === target.record_id && r.kind === 'decision') r.approval_id = 'apr_somebody_else';
    });
    const result = checkApprovals(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['APPROVAL_ID_MISMATCH']);
    expect(result.issues[0]!.evidence[0]).toMatchObject({ recordId: target.record_id, actual: 'apr_somebody_else' });
  });

  it('fails a second answer to one proposal (APPROVAL_DUPLICATE) and warns that it authorised nothing', async () => {
    const extra = { ...approvalsOf(queued)[0]!, approval_id: 'apr_extra', actions: ['tickets.set_priority'], decision: 'approved' as const };
    const result = checkApprovals(await contextOf(withApprovals(queued, [...approvalsOf(queued), extra])));
    expect(result.status).toBe('fail');
    expect(result.issues.map((i) => i.code)).toEqual(['APPROVAL_DUPLICATE', 'APPROVAL_UNUSED']);
    expect(result.issues[0]!.evidence.map((e) => e.approvalId)).toEqual([approvalsOf(queued)[0]!.approval_id, 'apr_extra']);
    expect(result.issues[1]!.evidence[0]!.approvalId).toBe('apr_extra');
  });
});

describe('checkApprovals requires an earlier proposal', () => {
  it('APPLY_WITHOUT_PROPOSAL when the decision names no recorded proposal', async () => {
    const target = appliedAssigns(queued)[0]!;
    const bundle = editRecords(queued, (r) => {
      if (r.record_id === target.record_id && r.kind === 'decision') r.proposal_hash = sha256('nothing');
    });
    const result = checkApprovals(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['APPLY_WITHOUT_PROPOSAL']);
    expect(result.issues[0]!.message).toContain('no signed proposal record has payload hash');
  });

  it('APPLY_WITHOUT_PROPOSAL when the proposal is recorded after the apply', async () => {
    // A chain cannot hold this (the decision would have to name a hash that depends on itself), so
    // the records are signed as they are and the chain is broken; the approvals check still says why.
    const target = appliedAssigns(queued)[0]!;
    const records = recordsOf(queued);
    const proposal = records.find((r) => r.kind === 'proposal' && r.ticket_id === target.ticket_id)!;
    const rest = records.filter((r) => r !== proposal);
    const at = rest.findIndex((r) => r.record_id === target.record_id);
    const moved = [...rest.slice(0, at + 1), proposal, ...rest.slice(at + 1)];
    const result = checkApprovals(await contextOf(withRecords(queued, moved)));
    expect(failCodes(result)).toEqual(['APPLY_WITHOUT_PROPOSAL']);
    expect(result.issues[0]!.message).toContain('comes after it in the chain');
  });

  it('APPLY_WITHOUT_PROPOSAL when the proposal does not list the applied call', async () => {
    const target = appliedAssigns(queued)[0]!;
    const bundle = editRecords(queued, (r) => {
      if (r.record_id === target.record_id && r.kind === 'decision') r.args = { queue: 'privacy' };
    });
    const result = checkApprovals(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['APPLY_WITHOUT_PROPOSAL']);
    expect(result.issues[0]!.message).toContain('does not list it with these arguments');
  });
});
