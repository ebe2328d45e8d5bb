import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import type { ApprovalPayload, DecisionRecord, ProofBundle, ProposalRecord, ReceiptPayload } from '../../../src/core/bundle/types.js';
import { ticketDiffs } from '../../../src/verify/diff/index.js';
import type { TicketDiff } from '../../../src/verify/diff/types.js';
import { ROOT, approvalsOf, contextOf, editTickets, hashOfRecord, payloadOf, recordsOf, run } from './bundles.js';

let auto: ProofBundle;
let diffs: TicketDiff[];
let assign: DecisionRecord;

beforeAll(async () => {
  auto = await run({ approvals: 'auto' });
  diffs = ticketDiffs(await contextOf(auto));
  assign = recordsOf(auto).find((r): r is DecisionRecord => r.kind === 'decision' && r.action === 'tickets.assign' && r.applied)!;
});

describe('ticketDiffs', () => {
  it('lists one diff per ticket entry, with its pointer, and every change explained on an honest run', () => {
    expect(diffs.map((d) => [d.ticketId, d.pointer])).toEqual(auto.tickets.map((t, i) => [t.ticket_id, `/tickets/${i}`]));
    expect(diffs.every((d) => d.consistent && d.changes.every((c) => c.explained && c.causes.length > 0))).toBe(true);
  });

  it('links an applied assign to its record, proposal, model call receipt and approval', () => {
    const diff = diffs.find((d) => d.ticketId === assign.ticket_id)!;
    const change = diff.changes.find((c) => c.field === 'group_id')!;
    expect(change).toMatchObject({ pointer: `${diff.pointer}/after/group_id`, before: diff.before.group_id, after: diff.after.group_id });
    const [cause] = change.causes;
    const records = recordsOf(auto);
    const seq = records.findIndex((r) => r.record_id === assign.record_id);
    expect(cause!.apply).toMatchObject({ recordId: assign.record_id, pointer: `/records/${seq}`, action: 'tickets.assign', args: assign.args });

    const proposalIndex = records.findIndex((r, i) => r.kind === 'proposal' && hashOfRecord(auto, i) === assign.proposal_hash);
    const proposal = records[proposalIndex] as ProposalRecord;
    expect(cause!.proposal).toMatchObject({ recordId: proposal.record_id, pointer: `/records/${proposalIndex}`, hash: assign.proposal_hash });

    const receiptIndex = auto.receipts.findIndex((e) => payloadOf<ReceiptPayload>(e).receipt_id === proposal.receipt_id);
    const receipt = payloadOf<ReceiptPayload>(auto.receipts[receiptIndex]!);
    expect(cause!.receipt).toEqual({
      receiptId: receipt.receipt_id,
      pointer: `/receipts/${receiptIndex}`,
      at: receipt.at,
      model: 'local',
      requestHash: receipt.request_hash,
      responseHash: receipt.response_hash,
    });

    const approvalIndex = approvalsOf(auto).findIndex((a) => a.proposal_hash === assign.proposal_hash);
    const approval = approvalsOf(auto)[approvalIndex] as ApprovalPayload;
    expect(cause!.approval).toEqual({ approvalId: approval.approval_id, pointer: `/approvals/${approvalIndex}`, at: approval.at, decision: 'approved', mode: 'auto' });
  });

  it('links phase-1 annotations without an approval, and lists added tags', () => {
    const diff = diffs.find((d) => d.ticketId === assign.ticket_id)!;
    const tags = diff.changes.find((c) => c.field === 'tags')!;
    expect(tags.added!.length).toBeGreaterThan(0);
    expect(tags.removed).toEqual([]);
    expect(tags.causes.map((c) => [c.apply.action, c.apply.phase, c.approval])).toEqual(tags.added!.map(() => ['tickets.add_label', 'propose', null]));
    const notes = diff.changes.find((c) => c.field === 'internal_notes')!;
    expect(notes.after).toBe((notes.before as number) + 1);
    expect(notes.causes.map((c) => c.apply.action)).toEqual(['tickets.add_internal_note']);
  });

  it('marks a change no applied action explains', async () => {
    const tampered = editTickets(auto, (t) => {
      if (t.ticket_id === assign.ticket_id) t.after.status = 'solved';
    });
    const diff = ticketDiffs(await contextOf(tampered)).find((d) => d.ticketId === assign.ticket_id)!;
    expect(diff.consistent).toBe(false);
    const status = diff.changes.find((c) => c.field === 'status')!;
    expect(status).toMatchObject({ after: 'solved', explained: false, causes: [] });
    // No applied call touches the status, so the replay expects the before value, from no call.
    expect(status.expected).toEqual({ value: diff.before.status, cause: null });
  });

  it('carries no expected value on an explained change', () => {
    expect(diffs.flatMap((d) => d.changes).filter((c) => c.expected !== undefined)).toEqual([]);
  });
});

describe('ticketDiffs: expected against found', () => {
  it('on the tampered fixture whose after-state names another group: the group the applied assign gives, from its record and receipt', async () => {
    const bundle = JSON.parse(readFileSync(join(ROOT, 'fixtures/bundles/tampered/ticket-after-edited.clawproof'), 'utf8')) as JsonObject;
    const [diff] = ticketDiffs(await contextOf(bundle as unknown as ProofBundle));
    expect(diff!.consistent).toBe(false);
    const unexplained = diff!.changes.filter((c) => !c.explained);
    expect(unexplained.map((c) => c.field)).toEqual(['group_id']);
    const [group] = unexplained;
    const records = recordsOf(bundle as unknown as ProofBundle);
    const assignAt = records.findIndex((r) => r.kind === 'decision' && r.action === 'tickets.assign' && r.applied);
    const assignCall = records[assignAt] as DecisionRecord;
    expect(group!.after).not.toBe(group!.expected!.value);
    expect(group!.expected!.value).toBe(assignCall.args['group_id']);
    expect(group!.expected!.cause).toMatchObject({
      apply: { recordId: assignCall.record_id, pointer: `/records/${assignAt}`, action: 'tickets.assign' },
      receipt: { pointer: '/receipts/0' },
      fields: expect.arrayContaining(['group_id']),
    });
    // The call is the same one listed as the cause of the change.
    expect(group!.causes.map((c) => c.apply.recordId)).toEqual([assignCall.record_id]);
  });

  it('for a list field, the entries the applied calls give, and the last call that added one', async () => {
    const diff0 = diffs.find((d) => d.ticketId === assign.ticket_id)!;
    const tags = diff0.changes.find((c) => c.field === 'tags')!;
    // Drop the label the last add_label call added: the replay still gives it, from that call.
    const dropped = tags.causes.at(-1)!.apply.args['label'] as string;
    const tampered = editTickets(auto, (t) => {
      if (t.ticket_id === assign.ticket_id) t.after.tags = t.after.tags.filter((x) => x !== dropped);
    });
    const diff = ticketDiffs(await contextOf(tampered)).find((d) => d.ticketId === assign.ticket_id)!;
    const change = diff.changes.find((c) => c.field === 'tags')!;
    expect(change.explained).toBe(false);
    expect(change.expected!.value).toEqual(diff0.after.tags);
    expect(change.expected!.cause!.apply).toMatchObject({ action: 'tickets.add_label', args: { label: dropped } });
    expect(change.removed).toEqual([]);
    expect(change.added).toEqual(tags.added!.filter((t) => t !== dropped));
  });
});
