import { describe, expect, it } from 'vitest';
import { digestOfJson } from '../../../src/core/hash.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import { getModel } from '../../../src/runtime/models/index.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import { KEYRING, START, checkOf, codesOf, makeBundle, payloadOf, readPolicy, reseal, signPayload, verify } from '../support.js';

describe('wpc check', () => {
  it('passes a signed, valid WPC whose hash the manifest and the CST pin name, and cites the hash', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle);
    const wpc = checkOf(report, 'wpc');
    expect(wpc).toMatchObject({ status: 'pass', code: 'OK' });
    const hash = digestOfJson(readPolicy('routing-auto-assign-approval'));
    expect(wpc.evidence.some((e) => e.note === `policy hash ${hash}`)).toBe(true);
    expect(report.bundle.policyHash).toBe(hash);
  });

  it('passes the routing seed with no policy warning (denied writes listed as high-risk are consistent in propose_only mode)', async () => {
    const report = await verify(await makeBundle({ policy: 'ticket-routing' }));
    const wpc = checkOf(report, 'wpc');
    expect(wpc.status).toBe('pass');
    expect(wpc.evidence.filter((e) => e.note?.startsWith('policy warning'))).toEqual([]);
  });

  it('keeps a policy\'s warnings as evidence, not as failures', async () => {
    const policy = readPolicy('routing-auto-assign-approval');
    (policy.high_risk_actions as { requires_approval: string[] }).requires_approval.push('tickets.set_priority');
    const { bundle } = await runJob({ wpc: policy, tickets: getSampleSet().tickets.slice(0, 2), model: getModel('local'), keyring: KEYRING, seed: 1, start: START, approvals: 'auto' });
    const wpc = checkOf(await verify(bundle), 'wpc');
    expect(wpc.status).toBe('pass');
    expect(wpc.evidence.some((e) => e.note?.includes('WPC_APPROVAL_FOR_DENIED_ACTION'))).toBe(true);
  });

  it('[R-BUNDLE-7] fails POLICY_HASH_MISMATCH when the WPC is swapped for another policy validly signed by the controls key', async () => {
    const bundle = await makeBundle();
    const other = readPolicy('zendesk');
    bundle.wpc = signPayload('wpc', 'controls', other);
    const report = await verify(bundle);
    const wpc = checkOf(report, 'wpc');
    expect(wpc.code).toBe('POLICY_HASH_MISMATCH');
    // The manifest, the CST's pin and job_start each name the original policy.
    expect(wpc.issues.map((i) => i.evidence[0]?.pointer)).toEqual(['/manifest', '/cst', '/records/0']);
    expect(wpc.issues[0]?.evidence[0]).toMatchObject({ expected: digestOfJson(other), actual: payloadOf<{ policy_hash: string }>(bundle.manifest).policy_hash });
    expect(codesOf(report, 'receipts')).toContain('POLICY_HASH_MISMATCH');
    expect(codesOf(report, 'manifest')).toEqual(expect.arrayContaining(['MERKLE_ROOT_MISMATCH', 'POLICY_HASH_MISMATCH']));
    expect(report.verdict).toBe('invalid');
  });

  it('fails the swap even when the manifest is re-sealed over it: the CST pin and the receipts still name the real policy', async () => {
    const bundle = await makeBundle();
    bundle.wpc = signPayload('wpc', 'controls', readPolicy('zendesk'));
    reseal(bundle, (m) => {
      m.policy_hash = digestOfJson(readPolicy('zendesk'));
    });
    const report = await verify(bundle);
    expect(checkOf(report, 'wpc').issues.map((i) => i.evidence[0]?.pointer)).toEqual(['/cst', '/records/0']);
    expect(checkOf(report, 'manifest').status).toBe('pass');
  });

  it('[R-BUNDLE-8] fails WPC_INVALID with the policy validator\'s pointer for a signed WPC that does not validate', async () => {
    const bundle = await makeBundle();
    const wpc = readPolicy('routing-auto-assign-approval') as Record<string, unknown>;
    (wpc.tools as Record<string, unknown>).deni = ['tickets.delete'];
    bundle.wpc = signPayload('wpc', 'controls', wpc);
    const report = await verify(bundle);
    const issue = checkOf(report, 'wpc').issues.find((i) => i.code === 'WPC_INVALID');
    expect(issue?.evidence[0]).toMatchObject({ pointer: '/wpc', payloadPointer: '/tools/deni', note: 'WPC_UNKNOWN_FIELD' });
    // Without a valid policy, the redaction it requires is unknown: that check does not run.
    expect(checkOf(report, 'redaction').status).toBe('skipped');
  });

  it('fails SIGNATURE_INVALID for a WPC payload changed under its signature', async () => {
    const bundle = await makeBundle();
    const signed = signPayload('wpc', 'controls', readPolicy('zendesk'));
    bundle.wpc = { ...bundle.wpc, payload: signed.payload };
    const report = await verify(bundle);
    expect(codesOf(report, 'wpc')).toEqual(['SIGNATURE_INVALID']);
  });
});
