import { beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { approvalRequestIssues } from '../../../src/verify/checks/approval-requests.js';
import { recordIndex } from '../../../src/verify/diff/records.js';
import { approvalsOf, contextOf, editRecords, run, withApprovals } from '../diff/bundles.js';

let auto: ProofBundle;
let none: ProofBundle;

beforeAll(async () => {
  [auto, none] = await Promise.all([run({ approvals: 'auto' }), run({ approvals: 'none' })]);
});

async function codes(bundle: ProofBundle): Promise<string[]> {
  const ctx = await contextOf(bundle);
  return approvalRequestIssues(recordIndex(ctx), ctx.wpc.policy!, ctx.cst.claims!.scope).map((i) => i.code);
}

describe('the approver was asked exactly when the format says', () => {
  it('holds for runs with automatic approvals and with none', async () => {
    expect(approvalsOf(auto).length).toBeGreaterThan(0);
    expect(await codes(auto)).toEqual([]);
    expect(approvalsOf(none)).toEqual([]);
    expect(await codes(none)).toEqual([]);
  });

  it('[R-BUNDLE-21] APPROVAL_MODE_MISMATCH for an auto-approved run that says its approvals came from the queue', async () => {
    const edited = editRecords(auto, (r) => {
      if (r.kind === 'job_start') r.approval_mode = 'queue';
    });
    expect(new Set(await codes(edited))).toEqual(new Set(['APPROVAL_MODE_MISMATCH']));
  });

  it('APPROVAL_UNREQUESTED for approvals in a run whose approval mode is none', async () => {
    const edited = editRecords(auto, (r) => {
      if (r.kind === 'job_start') r.approval_mode = 'none';
    });
    expect(new Set(await codes(edited))).toEqual(new Set(['APPROVAL_UNREQUESTED']));
  });

  it('APPROVAL_WITHHELD when the approver was to be asked but its answer is missing', async () => {
    const edited = editRecords(none, (r) => {
      if (r.kind === 'job_start') r.approval_mode = 'auto';
    });
    expect(new Set(await codes(edited))).toEqual(new Set(['APPROVAL_WITHHELD']));
  });

  it('APPROVAL_REQUEST_MISMATCH when the approval answers for more than was asked', async () => {
    const wider = approvalsOf(auto).map((a) => ({ ...a, actions: [...a.actions, 'tickets.set_priority'] }));
    expect(new Set(await codes(withApprovals(auto, wider)))).toEqual(new Set(['APPROVAL_REQUEST_MISMATCH']));
  });
});
