import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import type { VerifyContext } from '../../../src/verify/context.js';
import { compareWithExport, ticketDiffs } from '../../../src/verify/diff/index.js';
import type { Report } from '../../../src/verify/report.js';
import { ROOT, contextOf, run, sampleTickets } from './bundles.js';

type RawTicket = Record<string, unknown> & { id: number; tags: string[] };

const RAW: RawTicket[] = (JSON.parse(readFileSync(join(ROOT, 'fixtures', 'tickets', 'sample-tickets.json'), 'utf8')) as { tickets: RawTicket[] }).tickets;

let auto: ProofBundle;
let ctx: VerifyContext;

beforeAll(async () => {
  auto = await run({ approvals: 'auto' });
  ctx = await contextOf(auto);
});

/** The first `n` raw Zendesk tickets, with the bundle's after-state written back where the bundle covers them. */
function exportAfterRun(bundle: ProofBundle, n = 11): RawTicket[] {
  const after = new Map(bundle.tickets.map((t) => [t.ticket_id, t.after]));
  return RAW.slice(0, n).map((raw) => {
    const a = after.get(raw.id);
    if (a === undefined) return structuredClone(raw);
    const plainTags = a.tags.filter((t) => !t.includes('['));
    return { ...structuredClone(raw), status: a.status, priority: a.priority, type: a.type, assignee_id: a.assignee_id, group_id: a.group_id, tags: [...new Set([...raw.tags, ...plainTags])] };
  });
}

describe('compareWithExport', () => {
  it('finds no unexplained field on an export that matches, and says honestly that raw Zendesk JSON does not correlate', () => {
    const result = compareWithExport(ctx, { tickets: exportAfterRun(auto) });
    expect(result.changes.filter((c) => c.kind === 'field')).toEqual([]);
    expect(result.changes.map((c) => c.kind)).toEqual(Array(auto.tickets.length).fill('not_correlated'));
    expect(result).toMatchObject({ compared: auto.tickets.length, correlated: 0, outsideBundle: 3, missingFromExport: [], problems: [] });
  });

  it('finds planted changes and says why no applied action explains them', () => {
    const tickets = exportAfterRun(auto);
    const assigned = auto.tickets.find((t) => t.after.group_id !== t.before.group_id)!;
    const untouched = auto.tickets.find((t) => t !== assigned)!;
    const a = tickets.findIndex((t) => t.id === assigned.ticket_id);
    const u = tickets.findIndex((t) => t.id === untouched.ticket_id);
    tickets[a]!.group_id = assigned.before.group_id; // the run's assign never reached the system of record
    tickets[u]!.priority = untouched.after.priority === 'urgent' ? 'low' : 'urgent'; // nothing in the run touched priority
    const fields = compareWithExport(ctx, { tickets }).changes.filter((c) => c.kind === 'field');
    const found = fields.map((c) => [c.ticketId, c.field, c.kind === 'field' && c.reason]);
    expect(found).toHaveLength(2);
    expect(found).toEqual(
      expect.arrayContaining([
        [assigned.ticket_id, 'group_id', 'not_reflected'],
        [untouched.ticket_id, 'priority', 'changed_outside_run'],
      ]),
    );
    const group = fields.find((c) => c.kind === 'field' && c.field === 'group_id')!;
    expect(group).toMatchObject({ exportPointer: `/tickets/${a}/group_id`, bundlePointer: `${ticketDiffs(ctx).find((d) => d.ticketId === assigned.ticket_id)!.pointer}/after/group_id` });

    tickets[a]!.group_id = 360001000110 === assigned.after.group_id ? 360001000109 : 360001000110;
    const third = compareWithExport(ctx, { tickets }).changes.find((c) => c.kind === 'field' && c.field === 'group_id');
    expect(third).toMatchObject({ reason: 'changed_after_run', exportValue: tickets[a]!.group_id, bundleAfter: assigned.after.group_id });
    // Group ids read with the queue they name, where the format's queue table knows it.
    expect(third!.message).toContain(`the export shows ${tickets[a]!.group_id} (${tickets[a]!.group_id === 360001000110 ? 'Privacy Office' : 'Tier 1 General'})`);

    tickets[a]!.group_id = 360001000199;
    const unknown = compareWithExport(ctx, { tickets }).changes.find((c) => c.kind === 'field' && c.field === 'group_id');
    expect(unknown!.message).toMatch(/the export shows 360001000199; /);
  });

  it('correlates tickets whose export object is the content the run read, and shows what the run changed', () => {
    const before = sampleTickets(8);
    const result = compareWithExport(ctx, { tickets: before });
    expect(result.correlated).toBe(8);
    const fields = result.changes.filter((c) => c.kind === 'field');
    expect(fields.length).toBeGreaterThan(0);
    expect(new Set(fields.map((c) => c.kind === 'field' && c.reason))).toEqual(new Set(['not_reflected']));
  });

  it('reads the diffs of a stored report the same way as a context', () => {
    const exportJson = { tickets: exportAfterRun(auto) };
    exportJson.tickets[0]!.status = 'closed';
    const report = { reportVersion: 1, tickets: ticketDiffs(ctx) } as unknown as Report;
    expect(compareWithExport(report, exportJson)).toEqual(compareWithExport(ctx, exportJson));
  });

  it('compares tags that hold PII by count, since the bundle carries them redacted', async () => {
    const [ticket] = sampleTickets(1);
    const withEmail = { ...ticket!, tags: [...ticket!.tags, 'jane.doe@example.com'] };
    const bundle = await run({ approvals: 'auto', tickets: [withEmail] });
    expect(bundle.tickets[0]!.before.tags.some((t) => t.includes('[EMAIL_'))).toBe(true);
    const c = await contextOf(bundle);
    const raw = { ...structuredClone(RAW[0]!), tags: [...RAW[0]!.tags, 'jane.doe@example.com'] };
    const exported = exportAfterRun(bundle, 1).map((t) => ({ ...t, tags: [...new Set([...raw.tags, ...t.tags])] }));
    expect(compareWithExport(c, { tickets: exported }).changes.filter((x) => x.kind === 'field')).toEqual([]);
    const dropped = exported.map((t) => ({ ...t, tags: t.tags.filter((x) => !x.includes('@')) }));
    expect(compareWithExport(c, { tickets: dropped }).changes.filter((x) => x.kind === 'field').map((x) => x.kind === 'field' && x.field)).toEqual(['tags']);
  });

  it('reports unreadable exports and entries instead of guessing, and keeps the latest of repeated tickets', () => {
    const ids = auto.tickets.map((t) => t.ticket_id);
    expect(compareWithExport(ctx, null)).toMatchObject({ compared: 0, missingFromExport: ids, problems: [{ pointer: '' }] });
    const tickets = exportAfterRun(auto);
    const stale = { ...structuredClone(tickets[0]!), status: 'new', updated_at: '2000-01-01T00:00:00Z' };
    const result = compareWithExport(ctx, { tickets: [...tickets, stale, { subject: 'no id' }] });
    expect(result.problems).toEqual([{ pointer: `/tickets/${tickets.length + 1}`, message: 'not a ticket object with a positive integer id' }]);
    expect(result.changes.filter((c) => c.kind === 'field')).toEqual([]);
  });

  it('keeps the repeated ticket updated last, reading updated_at as RFC 3339 instants (an unreadable one: the later entry)', () => {
    const fresh = { ...structuredClone(exportAfterRun(auto, 1)[0]!), updated_at: '2025-03-04T09:00:00Z' };
    // 10:30+02:00 is 08:30Z: older than the fresh copy, although its clock reads later.
    const stale = { ...structuredClone(fresh), status: 'new', updated_at: '2025-03-04T10:30:00+02:00' };
    const fields = (tickets: unknown[]) => compareWithExport(ctx, { tickets }).changes.flatMap((c) => (c.kind === 'field' ? [c.field] : []));
    expect(fields([fresh, stale])).toEqual([]);
    expect(fields([stale, fresh])).toEqual([]);
    // Not RFC 3339 (Date.parse would read it): no order can be told, so the later entry stands.
    expect(fields([fresh, { ...stale, updated_at: 'March 4, 2025' }])).toEqual(['status']);
  });
});
