import { beforeAll, describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, utf8Encode } from '../../../src/core/bytes.js';
import { signDsse } from '../../../src/core/dsse.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { canonicalJson } from '../../../src/core/canonical.js';
import type { DecisionRecord, ProofBundle, RecordPayload } from '../../../src/core/bundle/types.js';
import { checkDecisions } from '../../../src/verify/checks/decisions.js';
import {
  contextOf,
  degradedRun,
  editRecords,
  failCodes,
  fixedModel,
  KEYRING,
  policy,
  recordsOf,
  rewriteRecords,
  run,
  withApprovals,
  withWpc,
} from '../diff/bundles.js';

let approved: ProofBundle; // routing, assign needs approval, approvals auto
let degraded: ProofBundle; // assigns applied, then the job degrades

beforeAll(async () => {
  [approved, degraded] = await Promise.all([run({ approvals: 'auto' }), degradedRun()]);
});

const decisionsOf = (b: ProofBundle): DecisionRecord[] => recordsOf(b).filter((r): r is DecisionRecord => r.kind === 'decision');

describe('checkDecisions on honest runs', () => {
  it('passes a run with approved, denied and proposed actions', async () => {
    const codes = new Set(decisionsOf(approved).map((d) => d.code));
    expect([...codes]).toEqual(expect.arrayContaining(['APPROVED', 'EXPLICIT_DENY', 'ALLOWED']));
    const result = checkDecisions(await contextOf(approved));
    expect(result.status).toBe('pass');
    expect(result.issues).toEqual([]);
  });

  it('passes a run that degrades: writes before the degrade record are allowed, after it classify-only', async () => {
    const codes = decisionsOf(degraded).filter((d) => d.action === 'tickets.assign').map((d) => d.code);
    expect(codes).toEqual(['ALLOWED', 'ALLOWED', 'DEGRADED_CLASSIFY_ONLY', 'DEGRADED_CLASSIFY_ONLY', 'DEGRADED_CLASSIFY_ONLY', 'DEGRADED_CLASSIFY_ONLY']);
    expect(checkDecisions(await contextOf(degraded)).status).toBe('pass');
  });

  it('[R-BUNDLE-23] agrees with the harness that a call naming another ticket is INVALID_CALL', async () => {
    const bundle = await run({ model: fixedModel([{ action: 'tickets.add_label', args: { label: 'x', ticket_id: 1 } }]) });
    const refused = decisionsOf(bundle).filter((d) => d.code === 'INVALID_CALL');
    expect(refused.length).toBeGreaterThan(0);
    expect(checkDecisions(await contextOf(bundle)).status).toBe('pass');
  });
});

describe('checkDecisions re-evaluates every decision', () => {
  it('[R-BUNDLE-20] [R-SEM-1] names an edited outcome: record id, recorded vs recomputed', async () => {
    const target = decisionsOf(approved).find((d) => d.code === 'EXPLICIT_DENY')!;
    const bundle = editRecords(approved, (r) => {
      if (r.record_id === target.record_id && r.kind === 'decision') Object.assign(r, { outcome: 'allow', code: 'ALLOWED', rule: '/tools/allow/0', applied: true });
    });
    const result = checkDecisions(await contextOf(bundle));
    expect(failCodes(result)).toEqual(['DECISION_MISMATCH']);
    const [evidence] = result.issues[0]!.evidence;
    expect(evidence).toMatchObject({ recordId: target.record_id, payloadPointer: '/outcome', actual: 'allow ALLOWED /tools/allow/0' });
    expect(evidence!.expected).toBe(`deny EXPLICIT_DENY ${target.rule}`);
  });

  it('[R-SEM-2] flags applied: true on a decision that was not an allow', async () => {
    const target = decisionsOf(approved).find((d) => d.code === 'EXPLICIT_DENY')!;
    const bundle = editRecords(approved, (r) => {
      if (r.record_id === target.record_id && r.kind === 'decision') r.applied = true;
    });
    const result = checkDecisions(await contextOf(bundle));
    expect(result.issues.map((i) => i.evidence[0]!.payloadPointer)).toEqual(['/applied']);
  });

  it('takes the approval from the signed approvals, not from the record: without them APPROVED does not re-evaluate', async () => {
    const approvedCount = decisionsOf(approved).filter((d) => d.code === 'APPROVED').length;
    expect(approvedCount).toBeGreaterThan(0);
    const result = checkDecisions(await contextOf(withApprovals(approved, [])));
    const mismatches = result.issues.filter((i) => i.code === 'DECISION_MISMATCH');
    expect(mismatches).toHaveLength(approvedCount);
    expect(mismatches[0]!.evidence[0]!.expected).toBe('needs_approval APPROVAL_REQUIRED /high_risk_actions/requires_approval/0');
  });

  it('counts a degrade only from signed degrade records EARLIER in the chain', async () => {
    // Moving the degrade to the start makes the two early assigns wrong; dropping it makes the late ones wrong.
    const records = recordsOf(degraded);
    const degrade = records.find((r) => r.kind === 'limit' && r.effect === 'degraded_classify_only')!;
    const rest = records.filter((r) => r !== degrade);
    const early = rewriteRecords(degraded, [rest[0]!, { ...degrade, at: rest[0]!.at }, ...rest.slice(1)]);
    const earlyResult = checkDecisions(await contextOf(early));
    expect(earlyResult.issues.map((i) => i.evidence[0]!.expected)).toEqual(Array(2).fill('proposal_only DEGRADED_CLASSIFY_ONLY /limits'));

    const none = rewriteRecords(degraded, rest);
    const noneResult = checkDecisions(await contextOf(none));
    expect(noneResult.issues.map((i) => i.evidence[0]!.expected)).toEqual(Array(4).fill('allow ALLOWED /tools/allow/3'));
  });

  it('ignores a degrade record not signed by a trusted harness key', async () => {
    const index = recordsOf(degraded).findIndex((r) => r.kind === 'limit' && r.effect === 'degraded_classify_only');
    const records = [...degraded.records];
    const original = degraded.records[index]!;
    records[index] = signDsse(original.payloadType, base64Decode(original.payload), [signerFor(KEYRING, 'proxy')]);
    const result = checkDecisions(await contextOf({ ...degraded, records }));
    expect(failCodes(result)).toEqual(['SIGNATURE_UNVERIFIED', ...Array(4).fill('DECISION_MISMATCH')]);
  });

  it('fails every decision closed when the WPC does not validate', async () => {
    const invalid = policy('invalid/allow-deny-contradiction');
    const result = checkDecisions(await contextOf(withWpc(approved, invalid)));
    const issue = result.issues.find((i) => i.code === 'DECISION_UNVERIFIABLE');
    expect(issue?.message).toContain(`${decisionsOf(approved).length} tool decision(s)`);
    expect(result.status).toBe('fail');
  });
});

describe('checkDecisions checks the record chain', () => {
  it('breaks on records swapped in place (their prev and seq no longer follow)', async () => {
    const records = [...approved.records];
    [records[3], records[4]] = [records[4]!, records[3]!];
    const result = checkDecisions(await contextOf({ ...approved, records }));
    expect(new Set(failCodes(result))).toEqual(new Set(['RECORD_CHAIN_BROKEN']));
    expect(result.issues.map((i) => i.evidence[0]!.pointer)).toEqual(expect.arrayContaining(['/records/3', '/records/4', '/records/5']));
  });

  it('surfaces a record whose payload changed after signing as a signature problem', async () => {
    const records = [...approved.records];
    const payload = recordsOf(approved)[5]! as RecordPayload & { at: string };
    records[5] = { ...records[5]!, payload: base64Encode(utf8Encode(canonicalJson({ ...payload, at: '2026-01-05T09:00:00.001Z' }))) };
    const result = checkDecisions(await contextOf({ ...approved, records }));
    expect(failCodes(result)).toContain('SIGNATURE_INVALID');
    // The unsigned record is not evidence; the next record still chains to its bytes, which changed.
    expect(failCodes(result)).toContain('RECORD_CHAIN_BROKEN');
  });

  it('[R-BUNDLE-16] finds duplicate record ids, other jobs, time running backwards and a missing job_end', async () => {
    const records = recordsOf(approved);
    const edited = records.slice(0, -1).map((r, i) => {
      if (i === 2) return { ...r, record_id: records[1]!.record_id };
      if (i === 3) return { ...r, job_id: 'job_other' };
      if (i === 4) return { ...r, at: '2026-01-05T08:59:59.000Z' };
      return r;
    });
    const result = checkDecisions(await contextOf(rewriteRecords(approved, edited)));
    expect(failCodes(result)).toEqual(['DUPLICATE_RECORD_ID', 'RECORD_JOB_MISMATCH', 'RECORD_TIME_REVERSED', 'RECORD_CHAIN_INCOMPLETE']);
  });
});
