import { beforeAll, describe, expect, it } from 'vitest';
import type { DecisionRecord, ProofBundle, RecordPayload } from '../../../src/core/bundle/types.js';
import { decisionPlanIssues } from '../../../src/verify/checks/decision-plan.js';
import { recordIndex } from '../../../src/verify/diff/records.js';
import { contextOf, editRecords, run } from '../diff/bundles.js';

let bundle: ProofBundle; // compromised model, auto approvals: notes, labels, assigns, denied notifies

beforeAll(async () => {
  bundle = await run({ approvals: 'auto', model: 'compromised' });
});

const isDecision = (r: RecordPayload): r is DecisionRecord => r.kind === 'decision';
const codesAfter = async (edited: ProofBundle) => decisionPlanIssues(recordIndex(await contextOf(edited))).map((i) => i.code);

describe('the decisions of a ticket are what its proposal asks for', () => {
  it('holds for every ticket the runtime ran', async () => {
    expect(await codesAfter(bundle)).toEqual([]);
  });

  it('PROPOSED_ACTION_UNRECORDED when a decision on a requested action is deleted (a denied attempt hidden)', async () => {
    let hidden: DecisionRecord | undefined;
    const edited = editRecords(bundle, (r) => {
      if (hidden === undefined && isDecision(r) && r.outcome === 'deny') {
        hidden = r;
        return [];
      }
    });
    const issues = decisionPlanIssues(recordIndex(await contextOf(edited)));
    expect(issues.map((i) => i.code)).toEqual(['PROPOSED_ACTION_UNRECORDED']);
    expect(issues[0]!.message).toMatch(new RegExp(`^Ticket ${hidden!.ticket_id}: the model asked for ${hidden!.action.replace('.', '\\.')}.*, but no decision on it is recorded: the attempt is hidden$`));
  });

  it('DECISION_NOT_PROPOSED for a decision nobody asked for, before or after the proposal', async () => {
    let added = false;
    const edited = editRecords(bundle, (r) => {
      if (!added && isDecision(r) && r.action === 'tickets.add_label') {
        added = true;
        return [r, { ...r, record_id: `${r.record_id}x`, args: { label: 'vip' } }];
      }
    });
    expect(await codesAfter(edited)).toEqual(['DECISION_NOT_PROPOSED']);
    let moved = false;
    const early = editRecords(bundle, (r) => {
      if (!moved && isDecision(r) && r.proposal_hash === null) {
        moved = true;
        return [r, { ...r, record_id: `${r.record_id}y` }];
      }
    });
    expect(await codesAfter(early)).toEqual(['DECISION_NOT_PROPOSED']);
  });

  it('DECISION_PHASE_INVALID for a write recorded in phase propose; DECISION_BINDING_INVALID for a dangling approval_id or proposal_hash', async () => {
    const phase = editRecords(bundle, (r) => {
      if (isDecision(r) && r.action === 'tickets.assign') r.phase = 'propose';
    });
    expect(new Set(await codesAfter(phase))).toEqual(new Set(['DECISION_PHASE_INVALID']));
    const dangling = editRecords(bundle, (r) => {
      if (isDecision(r) && r.outcome === 'deny') r.approval_id = 'apr_nobody';
    });
    expect(new Set(await codesAfter(dangling))).toEqual(new Set(['DECISION_BINDING_INVALID']));
    const note = editRecords(bundle, (r) => {
      if (isDecision(r) && r.proposal_hash === null) r.approval_id = 'apr_nobody';
    });
    expect(new Set(await codesAfter(note))).toEqual(new Set(['DECISION_BINDING_INVALID']));
  });
});
