import { describe, expect, it } from 'vitest';
import { base64Decode } from '../../../src/core/bytes.js';
import { sha256 } from '../../../src/core/hash.js';
import { ApprovalQueue, type ApprovalRequest } from '../../../src/runtime/approvals.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import type { RunJobOptions } from '../../../src/runtime/job/options.js';
import { approvalsOf, recordsOf, recordsOfKind } from '../bundle-reader.js';
import { AUTO_ASSIGN_WPC, KEYRING, START, fixedModel, makeTickets } from '../support.js';

const model = fixedModel([
  { action: 'tickets.assign', args: { queue: 'billing' } },
  { action: 'tickets.set_priority', args: { priority: 'urgent' } },
]);

const options = (approvals: RunJobOptions['approvals'], tickets = 2): RunJobOptions => ({
  wpc: AUTO_ASSIGN_WPC(),
  tickets: makeTickets(tickets),
  model,
  keyring: KEYRING,
  seed: 3,
  start: START,
  approvals,
});

describe('approvals', () => {
  it('auto: one signed approval per proposal, bound to the hash of the proposal record payload', async () => {
    const { bundle } = await runJob(options('auto'));
    const approvals = approvalsOf(bundle);
    const proposals = bundle.records.flatMap((envelope) => {
      const bytes = base64Decode(envelope.payload);
      const payload = JSON.parse(new TextDecoder().decode(bytes)) as { kind: string; ticket_id: number };
      return payload.kind === 'proposal' ? [{ ticket: payload.ticket_id, hash: sha256(bytes) }] : [];
    });
    expect(approvals.map((a) => [a.ticket_id, a.proposal_hash, a.actions, a.decision, a.mode])).toEqual(
      proposals.map((p) => [p.ticket, p.hash, ['tickets.assign'], 'approved', 'auto']),
    );
    const decisions = recordsOfKind(bundle, 'decision').filter((d) => d.phase === 'apply');
    // assign needs approval and is approved; set_priority is denied outright and never put to the approver.
    expect(decisions.map((d) => [d.ticket_id, d.action, d.code, d.applied, d.approval_id])).toEqual([
      [1, 'tickets.assign', 'APPROVED', true, approvals[0]!.approval_id],
      [1, 'tickets.set_priority', 'EXPLICIT_DENY', false, null],
      [2, 'tickets.assign', 'APPROVED', true, approvals[1]!.approval_id],
      [2, 'tickets.set_priority', 'EXPLICIT_DENY', false, null],
    ]);
    for (const d of decisions) expect(d.proposal_hash).toBe(proposals.find((p) => p.ticket === d.ticket_id)!.hash);
    expect(bundle.tickets[0]!.after.group_id).toBe(360001000101);
    expect(bundle.tickets[0]!.after.priority).toBe(bundle.tickets[0]!.before.priority);
  });

  it('none: nobody is asked, no approval is recorded and the write stays refused', async () => {
    const { bundle } = await runJob(options('none'));
    expect(bundle.approvals).toEqual([]);
    const assigns = recordsOfKind(bundle, 'decision').filter((d) => d.action === 'tickets.assign');
    expect(assigns.map((d) => [d.outcome, d.code, d.applied, d.approval_id])).toEqual([
      ['needs_approval', 'APPROVAL_REQUIRED', false, null],
      ['needs_approval', 'APPROVAL_REQUIRED', false, null],
    ]);
    expect(bundle.tickets.every((t) => t.after.group_id === t.before.group_id)).toBe(true);
    expect(recordsOfKind(bundle, 'job_start')[0]!.approval_mode).toBe('none');
  });

  it('queue: the caller answers each request; a rejection is signed and recorded, and nothing is applied for it', async () => {
    const seen: ApprovalRequest[] = [];
    const { bundle } = await runJob(
      options({
        decide: (request) => {
          seen.push(request);
          return request.ticketId === 1 ? 'approved' : 'rejected';
        },
      }),
    );
    expect(seen.map((r) => [r.ticketId, r.actions.map((a) => a.action)])).toEqual([
      [1, ['tickets.assign']],
      [2, ['tickets.assign']],
    ]);
    const approvals = approvalsOf(bundle);
    expect(approvals.map((a) => [a.ticket_id, a.decision, a.mode, a.proposal_hash])).toEqual(seen.map((r) => [r.ticketId, r.ticketId === 1 ? 'approved' : 'rejected', 'queue', r.proposalHash]));
    const assigns = recordsOfKind(bundle, 'decision').filter((d) => d.action === 'tickets.assign');
    expect(assigns.map((d) => [d.ticket_id, d.code, d.applied, d.approval_id])).toEqual([
      [1, 'APPROVED', true, approvals[0]!.approval_id],
      [2, 'APPROVAL_REQUIRED', false, approvals[1]!.approval_id],
    ]);
  });

  it('ApprovalQueue lets a consumer iterate and answer pending requests while the run waits', async () => {
    const queue = new ApprovalQueue();
    const answered: number[] = [];
    const consumer = (async () => {
      for await (const pending of queue) {
        answered.push(pending.request.ticketId);
        pending.approve();
        if (answered.length === 3) break;
      }
    })();
    const { bundle } = await runJob(options(queue, 3));
    await consumer;
    expect(answered).toEqual([1, 2, 3]);
    expect(approvalsOf(bundle).every((a) => a.decision === 'approved' && a.mode === 'queue')).toBe(true);
  });

  it('closing the queue fails the run instead of leaving it waiting forever', async () => {
    const queue = new ApprovalQueue();
    const run = runJob(options(queue));
    for await (const _ of queue) {
      queue.close();
    }
    await expect(run).rejects.toMatchObject({ code: 'APPROVAL_QUEUE_CLOSED' });
  });

  it('phase 1 writes the note before the proposal and labels after it; approvals come between proposal and phase 2', async () => {
    const { bundle } = await runJob(options('auto', 1));
    const kinds = recordsOf(bundle).map((r) => (r.kind === 'decision' ? `${r.phase}:${r.action}` : r.kind));
    expect(kinds).toEqual([
      'job_start',
      'intake',
      'redaction',
      'propose:tickets.add_internal_note',
      'proposal',
      'propose:tickets.add_label',
      'apply:tickets.assign',
      'apply:tickets.set_priority',
      'ticket_done',
      'job_end',
    ]);
    const [note] = recordsOfKind(bundle, 'decision');
    expect(note!.proposal_hash).toBeNull();
    expect(bundle.tickets[0]!.after.internal_notes).toBe(bundle.tickets[0]!.before.internal_notes + 1);
    expect(bundle.tickets[0]!.after.tags).toContain('category_billing');
  });
});
