import { beforeAll, describe, expect, it } from 'vitest';
import type { InputSkippedItem, JobStartRecord, ProofBundle } from '../../../src/core/bundle/types.js';
import { checkTickets } from '../../../src/verify/checks/tickets.js';
import { verifyBundle } from '../../../src/verify/verify-bundle.js';
import { contextOf, editRecords, recordsOf, run, TRUST_ROOT } from '../diff/bundles.js';

const ITEMS: InputSkippedItem[] = [
  { source: 'export.json', kind: 'comment', pointer: '/tickets/4/comments/0', reason: 'comment skipped: created_at: Invalid input: expected string, received undefined' },
  { source: 'export.json', kind: 'ticket', pointer: '/tickets/9', reason: 'ticket skipped: id: Invalid input: expected number, received undefined' },
];

let clean: ProofBundle;
let skipped: ProofBundle;

const jobStart = (b: ProofBundle) => recordsOf(b)[0] as JobStartRecord;
/** The bundle with its job_start edited, re-signed, re-chained and re-sealed with the demo keys. */
const withJobStart = (b: ProofBundle, edit: (r: Record<string, unknown>) => void) =>
  editRecords(b, (r) => {
    if (r.kind !== 'job_start') return undefined;
    const copy = structuredClone(r) as unknown as Record<string, unknown>;
    edit(copy);
    return [copy as unknown as JobStartRecord];
  });

beforeAll(async () => {
  const bundle = await run();
  clean = withJobStart(bundle, (r) => (r['input_skipped'] = { count: 0, items: [] }));
  skipped = withJobStart(bundle, (r) => (r['input_skipped'] = { count: 3, items: ITEMS }));
});

describe('IMPORT_ITEMS_SKIPPED (tickets check)', () => {
  it('warns, with the count, the first item and evidence at the signed job_start member', async () => {
    expect(jobStart(skipped).input_skipped).toEqual({ count: 3, items: ITEMS });
    const result = checkTickets(await contextOf(skipped));
    expect(result.status).toBe('warn');
    expect(result.code).toBe('IMPORT_ITEMS_SKIPPED');
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0]!;
    expect(issue.severity).toBe('warn');
    expect(issue.message).toBe(
      "the run's ticket import skipped 3 input items it could not use (2 listed); first: export.json#/tickets/4/comments/0: comment skipped: created_at: Invalid input: expected string, received undefined",
    );
    expect(issue.evidence).toEqual([{ pointer: '/records/0', recordId: jobStart(skipped).record_id, payloadPointer: '/input_skipped', note: '3 skipped' }]);
    expect(result.message).toMatch(/^All \d+ ticket after-states equal/);
  });

  it('leaves the verdict valid: the bundle is what it says, and says what it did not see', async () => {
    const report = await verifyBundle(skipped, TRUST_ROOT);
    expect(report.verdict).toBe('valid');
    expect(report.checks.find((c) => c.id === 'tickets')?.status).toBe('warn');
  });

  it('passes when the run recorded that nothing was skipped', async () => {
    expect(jobStart(clean).input_skipped).toEqual({ count: 0, items: [] });
    expect(checkTickets(await contextOf(clean)).status).toBe('pass');
  });

  it('accepts a job_start without the member (bundles made before it existed)', async () => {
    const old = withJobStart(clean, (r) => delete r['input_skipped']);
    const report = await verifyBundle(old, TRUST_ROOT);
    expect(report.verdict).toBe('valid');
    expect(report.checks.find((c) => c.id === 'tickets')?.status).toBe('pass');
  });

  it('[R-BUNDLE-18] refuses an input_skipped that is not in the format: an unknown member, a count below the entries listed', async () => {
    const unknown = withJobStart(skipped, (r) => ((r['input_skipped'] as { items: Record<string, unknown>[] }).items[0]!['value'] = 'the secret'));
    const a = await verifyBundle(unknown, TRUST_ROOT);
    expect(a.verdict).toBe('invalid');
    expect(a.checks.find((c) => c.id === 'structure')?.issues.map((i) => [i.code, i.evidence[0]?.payloadPointer])).toContainEqual(['UNKNOWN_FIELD', '/input_skipped/items/0/value']);
    const low = withJobStart(skipped, (r) => ((r['input_skipped'] as { count: number }).count = 1));
    const b = await verifyBundle(low, TRUST_ROOT);
    expect(b.verdict).toBe('invalid');
    expect(b.checks.find((c) => c.id === 'structure')?.issues.map((i) => [i.code, i.evidence[0]?.payloadPointer])).toContainEqual(['VALUE_OUT_OF_RANGE', '/input_skipped/count']);
  });
});
