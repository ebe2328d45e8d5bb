import { beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { timeline } from '../../../src/verify/diff/index.js';
import type { TimelineEntry } from '../../../src/verify/diff/types.js';
import { approvalsOf, contextOf, degradedRun, recordsOf, run } from './bundles.js';

let auto: ProofBundle;
let entries: TimelineEntry[];

beforeAll(async () => {
  auto = await run({ approvals: 'auto' });
  entries = timeline(await contextOf(auto));
});

const position = (pred: (e: TimelineEntry) => boolean): number => entries.findIndex(pred);

describe('timeline', () => {
  it('holds every receipt, proposal, decision, approval and limit event, in time order', () => {
    const records = recordsOf(auto);
    const expected = auto.receipts.length + auto.approvals.length + records.filter((r) => ['proposal', 'decision', 'limit'].includes(r.kind)).length;
    expect(entries).toHaveLength(expected);
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('puts each model call just before the proposal note and proposal made from it, and links them', () => {
    for (const proposal of entries.filter((e) => e.kind === 'proposal')) {
      const call = position((e) => e.kind === 'model_call' && e.receiptId === proposal.receiptId);
      expect(call).toBe(entries.indexOf(proposal) - 2);
      expect(entries[call]).toMatchObject({ proposalRecordId: proposal.recordId, ticketId: proposal.ticketId });
      expect(entries[call + 1]).toMatchObject({ kind: 'decision', action: 'tickets.add_internal_note', phase: 'propose', ticketId: proposal.ticketId });
    }
  });

  it('puts each approval after the proposal it binds, just before the first phase-2 decision', () => {
    const approvals = approvalsOf(auto);
    expect(approvals.length).toBeGreaterThan(0);
    for (const a of approvals) {
      const at = position((e) => e.kind === 'approval' && e.approvalId === a.approval_id);
      const entry = entries[at]!;
      if (entry.kind !== 'approval') throw new Error('not an approval');
      const proposal = position((e) => e.kind === 'proposal' && e.recordId === entry.proposalRecordId);
      const apply = position((e) => e.kind === 'decision' && e.approvalId === a.approval_id);
      expect(proposal).toBeGreaterThanOrEqual(0);
      expect(proposal).toBeLessThan(at);
      expect(at).toBeLessThan(apply);
      expect(entries[at + 1]).toMatchObject({ kind: 'decision', phase: 'apply', ticketId: a.ticket_id });
      expect(entries[apply]).toMatchObject({ action: 'tickets.assign', applied: true, code: 'APPROVED' });
    }
  });

  it('shows the degrade among the decisions it changed', async () => {
    const list = timeline(await contextOf(await degradedRun()));
    const degrade = list.findIndex((e) => e.kind === 'limit' && e.effect === 'degraded_classify_only');
    const assigns = list.flatMap((e, i) => (e.kind === 'decision' && e.action === 'tickets.assign' ? [[i, e.code]] : []));
    expect(assigns.filter(([i]) => (i as number) < degrade).map(([, code]) => code)).toEqual(['ALLOWED', 'ALLOWED']);
    expect(assigns.filter(([i]) => (i as number) > degrade).every(([, code]) => code === 'DEGRADED_CLASSIFY_ONLY')).toBe(true);
  });
});
