import { describe, expect, it } from 'vitest';
import type { ManifestPayload } from '../../../src/core/bundle/types.js';
import { checkOf, claimsOf, codesOf, makeBundle, reseal, rewriteReceipts, verify } from '../support.js';

describe('replay check', () => {
  it('passes a bundle whose parts all name its one token and job, and says no cache was given', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle);
    const replay = checkOf(report, 'replay');
    expect(replay).toMatchObject({ status: 'pass', code: 'OK' });
    expect(replay.evidence[0]?.note).toContain('no cache of other bundles given');
  });

  it('fails CST_JTI_REUSED when the cache saw this token with another job', async () => {
    const bundle = await makeBundle();
    const { jti } = claimsOf(bundle.cst);
    const report = await verify(bundle, undefined, { seenTokens: new Map([[jti, 'job_ffffffffffffffffffffffff']]) });
    const issue = checkOf(report, 'replay').issues[0];
    expect(issue).toMatchObject({ code: 'CST_JTI_REUSED' });
    expect(issue?.evidence[0]).toMatchObject({ pointer: '/cst', actual: 'job_ffffffffffffffffffffffff' });
    expect(report.verdict).toBe('invalid');
  });

  it('passes when the cache saw this token with this same job (the same bundle verified again)', async () => {
    const bundle = await makeBundle();
    const { jti, job_id } = claimsOf(bundle.cst);
    const report = await verify(bundle, undefined, { seenTokens: new Map([[jti, job_id], ['cst_other', 'job_other']]) });
    expect(checkOf(report, 'replay').status).toBe('pass');
    expect(checkOf(report, 'replay').evidence[0]?.note).toContain('compared with 2 tokens seen before');
  });

  it('[R-BUNDLE-9] fails CST_JTI_MISMATCH and JOB_ID_MISMATCH for receipts and a manifest re-signed for another token and job', async () => {
    const bundle = await makeBundle();
    rewriteReceipts(bundle, (r, i) => {
      if (i === 1) r.cst_jti = 'cst_replayed';
    });
    reseal(bundle, (m: ManifestPayload) => {
      m.job_id = 'job_replayed';
    });
    const report = await verify(bundle);
    expect(codesOf(report, 'replay')).toEqual(['CST_JTI_MISMATCH', 'JOB_ID_MISMATCH']);
    const [jti, job] = checkOf(report, 'replay').issues;
    expect(jti?.evidence.map((e) => e.pointer)).toEqual(['/receipts/1']);
    expect(job?.evidence.map((e) => e.pointer)).toEqual(['/manifest']);
  });
});
