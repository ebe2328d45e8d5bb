import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/hash.js';
import type { DecisionRecord, ProofBundle } from '../../../src/core/bundle/types.js';
import { checkTickets } from '../../../src/verify/checks/tickets.js';
import { contextOf, editRecords, editTickets, failCodes, reclose, recordsOf, run } from '../diff/bundles.js';

let auto: ProofBundle;
let assigned: DecisionRecord;

beforeAll(async () => {
  auto = await run({ approvals: 'auto' });
  assigned = recordsOf(auto).find((r): r is DecisionRecord => r.kind === 'decision' && r.action === 'tickets.assign' && r.applied)!;
});

const entryIndex = (b: ProofBundle, id: number): number => b.tickets.findIndex((t) => t.ticket_id === id);

describe('checkTickets', () => {
  it('passes when every after-state is its before-state plus the applied actions', async () => {
    const changed = auto.tickets.filter((t) => t.after.group_id !== t.before.group_id);
    expect(changed.length).toBeGreaterThan(0);
    const result = checkTickets(await contextOf(auto));
    expect(result.status).toBe('pass');
    expect(result.evidence).toHaveLength(auto.tickets.length);
  });

  it('[R-BUNDLE-22] names the edited field with expected and recorded values, even when ticket_done was re-signed to match', async () => {
    const bundle = editTickets(auto, (t) => {
      if (t.ticket_id === assigned.ticket_id) t.after.priority = 'urgent';
    });
    const result = checkTickets(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['TICKET_STATE_MISMATCH']);
    const i = entryIndex(auto, assigned.ticket_id);
    expect(result.issues[0]!.evidence[0]).toEqual({
      pointer: `/tickets/${i}/after/priority`,
      ticketId: assigned.ticket_id,
      expected: JSON.stringify(auto.tickets[i]!.before.priority),
      actual: '"urgent"',
    });
  });

  it('also catches an after-state that no longer matches its signed ticket_done hash', async () => {
    const bundle = editTickets(auto, (t) => {
      if (t.ticket_id === assigned.ticket_id) t.after.tags = [...t.after.tags, 'zz_extra'];
    }, false);
    const result = checkTickets(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['TICKET_STATE_MISMATCH', 'TICKET_STATE_MISMATCH']);
    expect(result.issues.map((i) => i.evidence[0]!.pointer)).toEqual([
      `/tickets/${entryIndex(auto, assigned.ticket_id)}/after/tags`,
      `/tickets/${entryIndex(auto, assigned.ticket_id)}/after`,
    ]);
  });

  it('finds a change with no applied action behind it (an apply hidden from the chain)', async () => {
    const bundle = editRecords(auto, (r) => (r.record_id === assigned.record_id ? [] : undefined));
    const result = checkTickets(await contextOf(bundle));
    const fields = result.issues.filter((i) => i.code === 'TICKET_STATE_MISMATCH').map((i) => i.evidence[0]!.pointer!.split('/').pop());
    expect(fields).toContain('group_id');
  });

  it('finds a content hash other than the one the intake record signed', async () => {
    const bundle = reclose({ ...auto, tickets: auto.tickets.map((t, i) => (i === 0 ? { ...t, content_hash: sha256('other ticket') } : t)) });
    const result = checkTickets(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['TICKET_CONTENT_MISMATCH']);
    expect(result.issues[0]!.evidence[1]).toMatchObject({ payloadPointer: '/content_hash', ticketId: auto.tickets[0]!.ticket_id });
  });

  it('accounts for every ticket: an entry without records, records without an entry', async () => {
    const [dropped, ...kept] = auto.tickets;
    const fake = { ...dropped!, ticket_id: 99999 };
    const result = checkTickets(await contextOf(reclose({ ...auto, tickets: [...kept, fake] })));
    expect(failCodes(result)).toEqual(['TICKET_UNACCOUNTED', 'TICKET_UNACCOUNTED']);
    expect(result.issues.map((i) => i.message)).toEqual([
      'ticket 99999 has an entry but no signed record',
      expect.stringMatching(new RegExp(`^ticket ${dropped!.ticket_id} has \\d+ signed record\\(s\\) but no entry`)),
    ]);
  });

  it('checks the ticket counts job_start and job_end sign', async () => {
    const result = checkTickets(await contextOf(reclose({ ...auto, tickets: auto.tickets.slice(1) })));
    expect(result.issues.map((i) => [i.code, i.evidence[0]!.payloadPointer])).toEqual([
      ['TICKET_UNACCOUNTED', undefined],
      ['TICKET_UNACCOUNTED', '/ticket_count'],
      ['TICKET_UNACCOUNTED', '/tickets_processed'],
    ]);
  });

  it('requires one intake first and one ticket_done last per ticket', async () => {
    const id = auto.tickets[0]!.ticket_id;
    const bundle = editRecords(auto, (r) => (r.kind === 'ticket_done' && r.ticket_id === id ? [] : undefined));
    const result = checkTickets(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['TICKET_LIFECYCLE_INVALID']);
  });
});
