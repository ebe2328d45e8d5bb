import { describe, expect, it } from 'vitest';
import type { ApprovalPayload, ReceiptPayload, RecordPayload } from '../../../src/core/bundle/types.js';
import { jobOrder, type JobItem } from '../../../src/format/v2/job-order.js';

const at = (s: number) => `2026-01-05T09:00:0${s}.000Z`;
const receipt = (id: string, s: number) => ({ receipt_id: id, at: at(s) }) as ReceiptPayload;
const record = (kind: string, s: number, extra: object = {}) => ({ kind, at: at(s), ...extra }) as RecordPayload;
const approval = (id: string, s: number) => ({ approval_id: id, at: at(s) }) as ApprovalPayload;
const show = (items: JobItem[]) => items.map((i) => `${i.kind}${i.index}`);

describe('jobOrder', () => {
  it('puts a receipt before the proposal naming it even when both have the same time', () => {
    const order = jobOrder({
      receipts: [receipt('r0', 1)],
      records: [record('intake', 1), record('proposal', 1, { receipt_id: 'r0' })],
      approvals: [],
      tickets: [],
    });
    expect(show(order)).toEqual(['record0', 'receipt0', 'record1']);
  });

  it('puts an unnamed receipt before the first record of a later time, and an approval before the decision naming it', () => {
    const order = jobOrder({
      receipts: [receipt('r0', 1)],
      records: [record('redaction', 1), record('decision', 2, { approval_id: 'a0' }), record('ticket_done', 3, { ticket_id: 7 })],
      approvals: [approval('a0', 2)],
      tickets: [{ ticket_id: 7 }],
    });
    expect(show(order)).toEqual(['record0', 'receipt0', 'approval0', 'record1', 'record2', 'ticket0']);
  });

  it('puts whatever no record places at the end, in order', () => {
    const order = jobOrder({ receipts: [receipt('r0', 5)], records: [record('job_start', 1)], approvals: [approval('a0', 6)], tickets: [{ ticket_id: 3 }] });
    expect(show(order)).toEqual(['record0', 'receipt0', 'approval0', 'ticket0']);
  });
});
