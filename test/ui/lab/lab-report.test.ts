import { Buffer } from 'node:buffer';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DsseEnvelope } from '../../../src/core/dsse.js';
import type { ApprovalRequest } from '../../../src/runtime/index.js';
import { labRun, wpc, type LabRunResult } from './support.js';

function payloads(envelopes: readonly DsseEnvelope[]): Record<string, unknown>[] {
  return envelopes.map((e) => JSON.parse(Buffer.from(e.payload, 'base64').toString('utf8')) as Record<string, unknown>);
}

describe('buildLabReport on the routing seed with the compromised model', () => {
  let run: LabRunResult;
  beforeAll(async () => {
    run = await labRun({ wpc: wpc('ticket-routing'), model: 'compromised', tickets: 6 });
  });

  it('has one entry per ticket of the run, in arrival order, with the run identity', () => {
    expect(run.report.tickets.map((t) => t.ticketId)).toEqual(run.summary.tickets.map((t) => t.ticketId));
    expect(run.report.jobId).toBe(run.summary.jobId);
    expect(run.report.policyHash).toBe(run.summary.policyHash);
    expect(run.report.counts.records).toBe(run.bundle.records.length);
  });

  it('carries every decision record of each ticket, with its rule and code', () => {
    const records = payloads(run.bundle.records).filter((r) => r['kind'] === 'decision');
    for (const ticket of run.report.tickets) {
      const own = records.filter((r) => r['ticket_id'] === ticket.ticketId);
      expect(ticket.decisions.map((d) => [d.seq, d.action, d.code, d.rule, d.applied])).toEqual(
        own.map((r) => [r['seq'], r['action'], r['code'], r['rule'], r['applied']]),
      );
    }
  });

  it('shows the injection ticket asking to notify customers, refused by the explicit deny', () => {
    const ticket = run.report.tickets.find((t) => t.ticketId === 10005);
    expect(ticket?.label?.injection).toBe(true);
    const notify = ticket?.decisions.filter((d) => d.action === 'tickets.notify_customer') ?? [];
    expect(notify.length).toBeGreaterThan(0);
    for (const d of notify) {
      expect(d).toMatchObject({ phase: 'apply', outcome: 'deny', code: 'EXPLICIT_DENY', rule: '/tools/deny/0', applied: false });
    }
    expect(notify.some((d) => d.args['template'] === 'broadcast_all_customers')).toBe(true);
  });

  it('pairs each model call with its redacted view and response, and keeps the redaction findings', () => {
    for (const ticket of run.report.tickets) {
      expect(ticket.calls.length).toBeGreaterThan(0);
      for (const call of ticket.calls) {
        expect(call.view?.['subject']).toBeTypeOf('string');
        expect(call.response).not.toBeNull();
      }
      expect(ticket.subject).toBe(ticket.calls[0]?.view?.['subject']);
    }
    const found = run.report.tickets.flatMap((t) => t.redaction?.findings ?? []);
    expect(found.length).toBeGreaterThan(0);
    // The view never holds what was redacted: each placeholder stands in its place.
    const ticket = run.report.tickets.find((t) => (t.redaction?.findings.length ?? 0) > 0);
    const view = JSON.stringify(ticket?.calls[0]?.view);
    for (const f of ticket?.redaction?.findings ?? []) if (f.kind !== 'field') expect(view).toContain(f.placeholder);
  });

  it('keeps the before and after states the bundle commits to', () => {
    for (const ticket of run.report.tickets) {
      const entry = run.bundle.tickets.find((e) => e.ticket_id === ticket.ticketId);
      expect(ticket.before).toEqual(entry?.before);
      expect(ticket.after).toEqual(entry?.after);
    }
  });

  it('leaves out sample ground truth when none is given (imported tickets)', async () => {
    const bare = await labRun({ wpc: wpc('ticket-routing'), model: 'local', tickets: 2, labels: false });
    expect(bare.report.tickets.every((t) => t.label === null)).toBe(true);
  });
});

describe('buildLabReport with approvals answered from a queue', () => {
  it('records the approved and the rejected proposal against their tickets, with the decisions they led to', async () => {
    const asked: ApprovalRequest[] = [];
    const run = await labRun({
      wpc: wpc('routing-auto-assign-approval'),
      model: 'local',
      tickets: 4,
      approvals: {
        decide: (request) => {
          asked.push(request);
          return asked.length === 1 ? 'approved' : 'rejected';
        },
      },
    });
    expect(asked.length).toBeGreaterThanOrEqual(2);
    const [first, second] = asked as [ApprovalRequest, ApprovalRequest];
    const approved = run.report.tickets.find((t) => t.ticketId === first.ticketId);
    const rejected = run.report.tickets.find((t) => t.ticketId === second.ticketId);

    expect(approved?.approvals.map((a) => a.decision)).toEqual(['approved']);
    const assign = approved?.decisions.find((d) => d.phase === 'apply' && d.action === 'tickets.assign');
    expect(assign).toMatchObject({ outcome: 'allow', code: 'APPROVED', applied: true, approval_id: approved?.approvals[0]?.approval_id });

    expect(rejected?.approvals.map((a) => a.decision)).toEqual(['rejected']);
    const refused = rejected?.decisions.find((d) => d.phase === 'apply' && d.action === 'tickets.assign');
    expect(refused).toMatchObject({ outcome: 'needs_approval', code: 'APPROVAL_REQUIRED', applied: false, approval_id: rejected?.approvals[0]?.approval_id });
  });
});
