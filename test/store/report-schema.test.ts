import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { reportSchema } from '../../src/store/report-schema.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import type { Report } from '../../src/verify/report.js';
import { DEMO_ROOT, makeBundle, otherRoot } from './support.js';

const ROOT = join(import.meta.dirname, '..', '..');

const verify = async (bytes: Uint8Array, root = DEMO_ROOT): Promise<Report> =>
  (await verifyBundle(bytes, root, { seenTokens: new Map() }));

let valid: Report;
beforeAll(async () => {
  valid = await verify(await makeBundle(1, 3));
});

/** A deep copy with one change made by `edit`. */
function edited(edit: (copy: Record<string, any>) => void): unknown {
  const copy = structuredClone(valid) as Record<string, any>;
  edit(copy);
  return copy;
}

describe('reportSchema', () => {
  it('accepts the reports the verifier writes: valid, unknown signer, damaged bundle and not a bundle at all', async () => {
    const bytes = await makeBundle(2);
    const damaged = new TextDecoder().decode(bytes).replace('"manifest"', '"manifest_"');
    const reports = [valid, await verify(bytes, otherRoot()), await verify(utf8Encode(damaged)), await verify(utf8Encode('not json'))];
    expect(reports.map((r) => r.verdict)).toEqual(['valid', 'unknown-signer', 'invalid', 'invalid']);
    expect(valid.tickets.length).toBeGreaterThan(0);
    expect(valid.timeline.length).toBeGreaterThan(0);
    for (const report of reports) expect(reportSchema.safeParse(structuredClone(report)).error).toBeUndefined();
  });

  it('accepts a report whose unexplained change carries the expected value, and the same report stored before diffs carried one', async () => {
    const tampered = await verify(readFileSync(join(ROOT, 'fixtures/bundles/tampered/ticket-after-edited.clawproof')));
    const change = tampered.tickets.flatMap((t) => t.changes).find((c) => !c.explained);
    expect(change?.expected?.cause).not.toBeNull();
    expect(reportSchema.safeParse(structuredClone(tampered)).error).toBeUndefined();

    const older = structuredClone(tampered) as Record<string, any>;
    for (const ticket of older['tickets']) for (const c of ticket.changes) delete c.expected;
    expect(reportSchema.safeParse(older).error).toBeUndefined();
  });

  it('rejects an expected value whose call lacks its record, naming where', async () => {
    const tampered = await verify(readFileSync(join(ROOT, 'fixtures/bundles/tampered/ticket-after-edited.clawproof')));
    // Through JSON, as an exported report: the expected call is then a copy, not the cause object itself.
    const copy = JSON.parse(JSON.stringify(tampered)) as Record<string, any>;
    const i = copy['tickets'][0].changes.findIndex((c: { explained: boolean }) => !c.explained);
    delete copy['tickets'][0].changes[i].expected.cause.apply;
    expect(reportSchema.safeParse(copy).error?.issues[0]?.path).toEqual(['tickets', 0, 'changes', i, 'expected', 'cause', 'apply']);
  });

  it.each([
    ['a verdict it does not know', (r: Record<string, any>) => (r['verdict'] = 'probably-fine'), ['verdict']],
    ['a check id it does not know', (r: Record<string, any>) => (r['checks'][0].id = 'vibes'), ['checks', 0, 'id']],
    ['checks that are not a list', (r: Record<string, any>) => (r['checks'] = { 0: r['checks'][0] }), ['checks']],
    ['evidence with a numeric pointer', (r: Record<string, any>) => (r['checks'][0].evidence = [{ pointer: 7 }]), ['checks', 0, 'evidence', 0, 'pointer']],
    ['a timeline entry of an unknown kind', (r: Record<string, any>) => (r['timeline'][0].kind = 'rumour'), ['timeline', 0, 'kind']],
    ['a ticket diff without its after state', (r: Record<string, any>) => delete r['tickets'][0].after, ['tickets', 0, 'after']],
    ['a cause without its sentence', (r: Record<string, any>) => (r['causes'] = [{ check: 'receipts', issue: 0, code: 'RECEIPT_CHAIN_BROKEN', message: 'm', pointers: [], consequences: [] }]), ['causes', 0, 'sentence']],
    ['a trust root hash that is no digest', (r: Record<string, any>) => (r['trustRoot'].hash = 'sha1:abc'), ['trustRoot', 'hash']],
  ])('rejects %s, naming where', (_what, edit, path) => {
    const result = reportSchema.safeParse(edited(edit));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('opens a report stored before causes existed, giving it the causes of its own checks', async () => {
    const bundle = JSON.parse(new TextDecoder().decode(await makeBundle(2))) as { tickets: { after: { status: string } }[] };
    bundle.tickets[0]!.after.status = bundle.tickets[0]!.after.status === 'open' ? 'pending' : 'open';
    const tampered = await verify(utf8Encode(JSON.stringify(bundle)));
    expect(tampered.causes.length).toBeGreaterThan(0);
    const { causes, ...old } = structuredClone(tampered);
    const read = reportSchema.safeParse(old);
    expect(read.error).toBeUndefined();
    // Same grouping and the same sentences (the list lengths aside, which the stored report lacks).
    expect(read.data?.causes.map((c) => [c.check, c.issue, c.consequences.length])).toEqual(causes.map((c) => [c.check, c.issue, c.consequences.length]));
    expect(read.data?.summary).toBe(tampered.summary);
    // A report that has causes keeps them as stored.
    expect(reportSchema.parse(structuredClone(tampered)).causes).toEqual(causes);
  });
});
