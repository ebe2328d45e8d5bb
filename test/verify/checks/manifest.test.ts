import { describe, expect, it } from 'vitest';
import type { ManifestPayload } from '../../../src/core/bundle/types.js';
import { checkOf, codesOf, makeBundle, payloadOf, reseal, verify } from '../support.js';

describe('manifest check', () => {
  it('passes the runtime\'s manifest and cites the recomputed root', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle);
    const check = checkOf(report, 'manifest');
    expect(check).toMatchObject({ status: 'pass', code: 'OK' });
    const m = payloadOf<ManifestPayload>(bundle.manifest);
    expect(check.evidence.some((e) => e.note === `Merkle root ${m.merkle_root} over ${m.tree_size} parts`)).toBe(true);
  });

  it('fails MERKLE_ROOT_MISMATCH when any unsigned part changes (a ticket entry, a model response)', async () => {
    for (const change of [
      (b: Awaited<ReturnType<typeof makeBundle>>) => void b.tickets[0]!.before.tags.push('vip'),
      (b: Awaited<ReturnType<typeof makeBundle>>) => void (b.model_responses[0]!.response.extra = 1),
    ]) {
      const bundle = await makeBundle();
      change(bundle);
      const report = await verify(bundle);
      expect(codesOf(report, 'manifest')).toEqual(['MERKLE_ROOT_MISMATCH']);
    }
  });

  it('fails MANIFEST_COUNT_MISMATCH and MERKLE_ROOT_MISMATCH when an approval is added', async () => {
    const bundle = await makeBundle();
    expect(bundle.approvals.length).toBeGreaterThan(0);
    bundle.approvals.push(bundle.approvals[0]!);
    const report = await verify(bundle);
    const issues = checkOf(report, 'manifest').issues;
    expect(issues[0]).toMatchObject({ code: 'MANIFEST_COUNT_MISMATCH' });
    expect(issues[0]?.evidence[0]).toMatchObject({ pointer: '/approvals', payloadPointer: '/counts/approvals' });
    expect(issues.map((i) => i.code)).toEqual(['MANIFEST_COUNT_MISMATCH', 'MERKLE_ROOT_MISMATCH', 'MERKLE_ROOT_MISMATCH']);
  });

  it('[R-BUNDLE-9] fails a re-signed manifest that binds another CST hash, jti or creation time', async () => {
    const bundle = await makeBundle();
    reseal(bundle, (m) => {
      m.cst_hash = `sha256:${'3'.repeat(64)}`;
      m.cst_jti = 'cst_elsewhere';
      m.created_at = '2026-01-05T08:00:00.000Z';
    });
    const report = await verify(bundle);
    expect(codesOf(report, 'manifest')).toEqual(['MANIFEST_BINDING_MISMATCH', 'MANIFEST_BINDING_MISMATCH', 'MANIFEST_TIME_MISMATCH']);
  });

  it('fails a manifest that is not a harness-signed envelope, and then commits to nothing', async () => {
    const bundle = await makeBundle();
    bundle.manifest = bundle.records[bundle.records.length - 1]!;
    const report = await verify(bundle);
    expect(codesOf(report, 'manifest')).toEqual(['PAYLOAD_TYPE_MISMATCH']);
    expect(checkOf(report, 'manifest').message).toContain('nothing in the bundle is committed to');
  });

  it('does not recompute the root over a bundle with malformed parts, and fails MERKLE_ROOT_UNCHECKABLE', async () => {
    const bundle = await makeBundle();
    (bundle.records as unknown[])[1] = 'junk';
    const report = await verify(bundle);
    expect(codesOf(report, 'manifest')).toContain('MERKLE_ROOT_UNCHECKABLE');
  });

  it('passes a manifest re-sealed by a trusted harness key over an unchanged bundle (what that is worth is the trust root\'s call)', async () => {
    const bundle = await makeBundle();
    reseal(bundle);
    const report = await verify(bundle);
    expect(checkOf(report, 'manifest').status).toBe('pass');
  });
});
