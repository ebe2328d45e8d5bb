/**
 * Root causes of the committed tampered bundles: each tamper is named once, in one sentence about
 * the bundle, and every other failure it brings is listed under it. The numbers a sentence gives
 * ("receipt 6 of 16") are read from the bundle here, not typed per fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import type { Report } from '../../../src/verify/report.js';
import { verifyBundle } from '../../../src/verify/verify-bundle.js';
import { ROOT, payloadOf } from '../support.js';

const DIR = join(ROOT, 'fixtures', 'bundles', 'tampered');
const TRUST_ROOT = new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json')));

const bytesOf = (file: string) => new Uint8Array(readFileSync(join(DIR, file)));
const bundleOf = (file: string) => JSON.parse(new TextDecoder().decode(bytesOf(file))) as ProofBundle;
const reportOf = (file: string): Promise<Report> => verifyBundle(bytesOf(file), TRUST_ROOT);

/** Every failing issue of the report, as check:index. */
function failing(report: Report): string[] {
  return report.checks.flatMap((c) => c.issues.flatMap((i, n) => (i.severity === 'fail' ? [`${c.id}:${n}`] : [])));
}

/** Every failing issue is a cause or a consequence of exactly one. */
function expectPartition(report: Report): void {
  const covered = report.causes.flatMap((c) => [`${c.check}:${c.issue}`, ...c.consequences.map((q) => `${q.check}:${q.issue}`)]);
  expect([...covered].sort()).toEqual(failing(report).sort());
  for (const c of report.causes) {
    const issue = report.checks.find((k) => k.id === c.check)?.issues[c.issue];
    expect(issue).toMatchObject({ code: c.code, message: c.message, severity: 'fail' });
    for (const q of c.consequences) expect(report.checks.find((k) => k.id === q.check)?.issues[q.issue]).toMatchObject({ code: q.code, message: q.message });
  }
}

describe('root causes of the tampered demo bundles', () => {
  it('receipt-removed: one cause, the missing receipt by its ordinal, and every other failure under it', async () => {
    const report = await reportOf('receipt-removed.clawproof');
    const present = bundleOf('receipt-removed.clawproof').receipts.length;
    const gap = payloadOf<{ seq: number }>(bundleOf('receipt-removed.clawproof').receipts[5]!).seq; // seq of the receipt now at index 5
    expect(report.causes).toHaveLength(1);
    const [cause] = report.causes;
    expect(cause).toMatchObject({ check: 'receipts', code: 'RECEIPT_CHAIN_BROKEN', pointers: ['/receipts/5'] });
    expect(cause!.sentence).toBe(`Receipt ${gap} of ${present + 1} is missing: the chain jumps from receipt ${gap - 1} to receipt ${gap + 1}.`);
    const codes = new Set(cause!.consequences.map((c) => c.code));
    for (const code of ['MODEL_VIEW_MISPLACED', 'MANIFEST_COUNT_MISMATCH', 'MERKLE_ROOT_MISMATCH', 'PROPOSAL_UNVERIFIABLE', 'SCHEDULE_UNVERIFIABLE']) expect(codes).toContain(code);
    expect(report.summary).toMatch(new RegExp(`^Invalid: receipt ${gap} of ${present + 1} is missing: .*\\. 5 of 15 checks failed, 2 warnings\\.$`));
    expectPartition(report);
  });

  it('receipts-reordered: one cause naming the two swapped receipts', async () => {
    const report = await reportOf('receipts-reordered.clawproof');
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]!.sentence).toBe(`Receipts 4 and 5 of ${bundleOf('receipts-reordered.clawproof').receipts.length} are swapped: receipt 5 comes before receipt 4.`);
    expect(report.causes[0]!.consequences.map((c) => c.check)).toEqual(expect.arrayContaining(['receipts', 'model_views', 'proposals', 'schedule', 'manifest']));
    expectPartition(report);
  });

  it('receipt-duplicated: the copy is the cause; the broken chain and the counts follow from it', async () => {
    const report = await reportOf('receipt-duplicated.clawproof');
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]).toMatchObject({ code: 'RECEIPT_DUPLICATE', sentence: 'Receipt 2 of 2 is a copy of receipt 1: the same model call appears twice.' });
    expect(report.causes[0]!.consequences.map((c) => c.code)).toEqual(expect.arrayContaining(['RECEIPT_CHAIN_BROKEN', 'RECEIPT_COUNT_MISMATCH', 'MANIFEST_COUNT_MISMATCH']));
    expectPartition(report);
  });

  it('approval-missing: the applied write without its approval, with the ticket and what was done', async () => {
    const report = await reportOf('approval-missing.clawproof');
    expect(report.causes).toHaveLength(1);
    const cause = report.causes[0]!;
    const ticket = report.tickets.find((t) => t.applied.some((a) => a.apply.action === 'tickets.assign' && cause.pointers.includes(a.apply.pointer)));
    const queue = ticket?.applied.find((a) => cause.pointers.includes(a.apply.pointer))?.apply.args['queue'];
    expect(typeof queue).toBe('string');
    expect(cause.sentence).toBe(`Ticket ${ticket!.ticketId} was assigned to ${String(queue)} without the approval the policy requires.`);
    expect(cause.consequences.map((c) => c.code).sort()).toEqual(['APPROVAL_WITHHELD', 'DECISION_BINDING_INVALID', 'DECISION_MISMATCH']);
    expectPartition(report);
  });

  it('policy-swapped: the swapped WPC is the cause; every judgement made under it follows', async () => {
    const report = await reportOf('policy-swapped.clawproof');
    expect(report.causes).toHaveLength(1);
    const cause = report.causes[0]!;
    expect(cause.code).toBe('POLICY_HASH_MISMATCH');
    expect(cause.sentence).toMatch(/^The WPC in the bundle is not the policy the run was held to: .* names policy sha256:[0-9a-f]{8}…[0-9a-f]{6}, but the WPC hashes to sha256:[0-9a-f]{8}…[0-9a-f]{6}\.$/);
    expect(new Set(cause.consequences.map((c) => c.check))).toEqual(new Set(['wpc', 'cst', 'receipts', 'redaction', 'decisions', 'approvals', 'schedule']));
    expectPartition(report);
  });

  it('signed-by-unknown-key: the manifest and the key the trust root does not list', async () => {
    const report = await reportOf('signed-by-unknown-key.clawproof');
    expect(report.verdict).toBe('unknown-signer');
    const keyid = report.checks.find((c) => c.id === 'trust')!.issues.find((i) => i.code === 'KEY_NOT_TRUSTED')!.evidence[0]!.keyid!;
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]!.sentence).toContain(`The manifest is signed by key ${keyid.slice(0, 15)}…${keyid.slice(-6)}, which your trust root "${report.trustRoot.name}" does not list`);
    expect(report.causes[0]!.consequences.map((c) => c.code)).toEqual(['SIGNATURE_UNVERIFIED']);
    expect(report.summary).toMatch(/^Unknown signer: the manifest is signed by key /);
    expectPartition(report);
  });

  it('receipt-edited: the signature that does not verify, with the role and key', async () => {
    const report = await reportOf('receipt-edited.clawproof');
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]!.sentence).toMatch(/^The signature on receipt 1 of 1 does not verify with the proxy key sha256:[0-9a-f]{8}…[0-9a-f]{6}: /);
    expect(report.causes[0]!.consequences.map((c) => c.code)).toEqual(expect.arrayContaining(['SIGNATURE_INVALID', 'MERKLE_ROOT_MISMATCH']));
    expectPartition(report);
  });

  it('cst-from-other-job: the token of another run, with both job ids, and the 17 mismatches it brings under it', async () => {
    const report = await reportOf('cst-from-other-job.clawproof');
    const cst = report.checks.find((c) => c.id === 'cst')!.issues[0]!.evidence[0]!;
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]!.sentence).toBe(`The capability token (CST) is for job ${cst.expected}, but the bundle's parts name job ${cst.actual}: the token belongs to another run.`);
    expectPartition(report);
  });

  it('job-limits-member-missing: the record that breaks the format is the cause, not the chain it leaves without a job_start', async () => {
    const report = await reportOf('job-limits-member-missing.clawproof');
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]!.sentence).toBe(
      `Record 1 of ${bundleOf('job-limits-member-missing.clawproof').records.length} does not follow the format: member /limits/harness_attempt_ceiling is required and missing.`,
    );
    expect(report.causes[0]!.consequences.map((c) => c.code)).toEqual(['FIELD_MISSING', 'RECORD_CHAIN_INCOMPLETE', 'SCHEDULE_UNVERIFIABLE']);
    expectPartition(report);
  });

  it('truncated: the unreadable file, as "Cannot verify"', async () => {
    const report = await reportOf('truncated.clawproof');
    expect(report.causes).toMatchObject([{ check: 'structure', code: 'INPUT_NOT_JSON', consequences: [] }]);
    expect(report.causes[0]!.sentence).toMatch(/^The file is not a readable bundle: it cannot be read as strict JSON: .* at line \d+, column \d+\.$/);
    expect(report.summary).toMatch(/^Cannot verify: the file is not a readable bundle/);
  });

  it('a valid bundle has no causes', async () => {
    const report = await verifyBundle(new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'bundles', 'tiny-example.clawproof'))), TRUST_ROOT);
    expect(report.verdict).toBe('valid');
    expect(report.causes).toEqual([]);
  });
});
