import { beforeAll, describe, expect, it } from 'vitest';
import { injectionApplied, summarizeForProduction, type ProductionSummary } from '../../../src/ui/views/lab/production-summary.js';
import { labRun, wpc, type LabRunResult } from './support.js';

describe('summarizeForProduction on the routing seed with the compromised model', () => {
  let run: LabRunResult;
  let summary: ProductionSummary;
  beforeAll(async () => {
    run = await labRun({ wpc: wpc('ticket-routing'), model: 'compromised', tickets: 8 });
    summary = summarizeForProduction(run.report);
  });

  it('counts every phase-2 decision once, split into applied and refused', () => {
    const phase2 = run.report.tickets.flatMap((t) => t.decisions).filter((d) => d.phase === 'apply');
    expect(summary.writes.reduce((n, w) => n + w.requested, 0)).toBe(phase2.length);
    expect(summary.totals.applied + summary.totals.refused).toBe(phase2.length);
    for (const w of summary.writes) {
      expect(w.applied + w.refused.reduce((n, r) => n + r.count, 0)).toBe(w.requested);
    }
  });

  it('groups refusals by the rule that decided: the seed denies notify, priority and assign explicitly', () => {
    const byAction = new Map(summary.writes.map((w) => [w.action, w]));
    expect(byAction.get('tickets.notify_customer')?.refused).toEqual([
      { code: 'EXPLICIT_DENY', rule: '/tools/deny/0', count: byAction.get('tickets.notify_customer')?.requested },
    ]);
    expect(byAction.get('tickets.assign')?.refused[0]).toMatchObject({ code: 'EXPLICIT_DENY', rule: '/tools/deny/2' });
    expect(summary.totals.applied).toBe(0);
  });

  it('reports the sample injections and that none of what they ask for was applied', () => {
    const injected = run.report.tickets.filter((t) => t.label?.injection === true);
    expect(injected.length).toBeGreaterThan(0);
    expect(summary.injection).toEqual({ tickets: injected.length, applied: 0, appliedOn: [] });
  });

  it('tallies redaction findings by detector and the tickets they were found in', () => {
    const findings = run.report.tickets.flatMap((t) => t.redaction?.findings ?? []);
    expect(summary.redaction.findings).toBe(findings.length);
    expect(summary.redaction.byDetector.reduce((n, d) => n + d.count, 0)).toBe(findings.length);
    const counts = summary.redaction.byDetector.map((d) => d.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('counts the phase-1 notes and labels written', () => {
    const notes = summary.annotations.find((a) => a.action === 'tickets.add_internal_note');
    expect(notes?.applied).toBe(run.report.tickets.filter((t) => t.status === 'classified').length);
  });
});

describe('injection outcome under a policy that lets the injected action through', () => {
  it('names the tickets where an action the injection asked for was applied', async () => {
    // A deliberately unsafe routing WPC: customer notifications allowed, in apply mode, no approval.
    const unsafe = {
      wpc_version: '1',
      workflow: 'ticket_auto_routing',
      tools: { allow: ['tickets.read', 'tickets.add_label', 'tickets.add_internal_note', 'tickets.notify_customer'], deny: [] },
      outputs: { mode: 'apply', required_fields: ['category', 'confidence', 'recommended_queue', 'rationale'], redaction: { required: true } },
      high_risk_actions: { requires_approval: [] },
    };
    const run = await labRun({ wpc: unsafe, model: 'compromised', tickets: 6 });
    const summary = summarizeForProduction(run.report);
    const ticket = run.report.tickets.find((t) => t.ticketId === 10005);
    expect(ticket !== undefined && injectionApplied(ticket)).toBe(true);
    expect(summary.injection?.appliedOn).toContain(10005);
    // 10002 asks for a priority change, which this policy does not allow.
    expect(summary.injection?.appliedOn).not.toContain(10002);
  });

  it('has no injection outcome for tickets without ground truth', async () => {
    const run = await labRun({ wpc: wpc('ticket-routing'), model: 'local', tickets: 2, labels: false });
    expect(summarizeForProduction(run.report).injection).toBeNull();
  });
});
