import { describe, expect, it } from 'vitest';
import { base64urlEncode, utf8Encode } from '../../../src/core/bytes.js';
import { sha256 } from '../../../src/core/hash.js';
import type { CstClaims, ProofBundle } from '../../../src/core/bundle/types.js';
import { STRANGER, checkOf, claimsOf, codesOf, failedChecks, makeBundle, mintCst, reseal, rewriteReceipts, verify } from '../support.js';

/** Puts `token` in the bundle and re-binds every receipt and the manifest to it with the demo keys. */
function rebind(bundle: ProofBundle, token: string): void {
  bundle.cst = token;
  rewriteReceipts(bundle, (r) => {
    r.cst_hash = sha256(token);
  });
  reseal(bundle, (m) => {
    m.cst_hash = sha256(token);
  });
}

describe('cst check', () => {
  it('passes the runtime\'s token and cites its jti, job and window', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle);
    const cst = checkOf(report, 'cst');
    expect(cst).toMatchObject({ status: 'pass', code: 'OK' });
    const claims = claimsOf(bundle.cst);
    expect(cst.evidence.some((e) => e.note?.startsWith(`jti ${claims.jti}, job ${claims.job_id}`))).toBe(true);
  });

  it('[R-BUNDLE-11] fails CST_EXPIRED for a token (signed by the scope key) that expired before the receipts', async () => {
    const bundle = await makeBundle();
    const claims = claimsOf(bundle.cst);
    const expired: CstClaims = { ...claims, iat: claims.iat - 7200, nbf: claims.iat - 7200, exp: claims.iat - 3600 };
    rebind(bundle, mintCst(expired));
    const report = await verify(bundle);
    // Every binding was re-signed: only the token's window gives it away.
    expect(failedChecks(report)).toEqual(['cst']);
    expect(codesOf(report, 'cst')).toEqual(['CST_EXPIRED']);
    const issue = checkOf(report, 'cst').issues[0]!;
    expect(issue.evidence.length).toBe(Math.min(20, bundle.receipts.length + bundle.records.length));
    expect(issue.message).toMatch(/^\d+ receipts or records date from after the CST expired/);
  });

  it('[R-BUNDLE-11] fails CST_NOT_YET_VALID for a token issued after the run started', async () => {
    const bundle = await makeBundle();
    const claims = claimsOf(bundle.cst);
    rebind(bundle, mintCst({ ...claims, iat: claims.iat + 60, nbf: claims.iat + 60, exp: claims.exp + 60 }));
    const report = await verify(bundle);
    expect(codesOf(report, 'cst')).toContain('CST_NOT_YET_VALID');
  });

  it('judges the window at options.now too when given', async () => {
    const bundle = await makeBundle();
    const report = await verify(bundle, undefined, { now: new Date('2026-01-20T00:00:00Z') });
    expect(codesOf(report, 'cst')).toEqual(['CST_EXPIRED']);
    expect(checkOf(report, 'cst').issues[0]?.message).toContain('at the verification time 2026-01-20T00:00:00.000Z');
  });

  it('fails CST_JOB_MISMATCH for the CST of another job, and the bindings to it', async () => {
    const bundle = await makeBundle();
    const other = await makeBundle({ seed: 2 });
    const own = claimsOf(bundle.cst).job_id;
    bundle.cst = other.cst;
    const report = await verify(bundle);
    const cst = checkOf(report, 'cst');
    expect(cst.code).toBe('CST_JOB_MISMATCH');
    expect(cst.issues[0]?.evidence[0]).toMatchObject({ pointer: '/manifest', expected: claimsOf(other.cst).job_id, actual: own });
    expect(codesOf(report, 'receipts')).toEqual(expect.arrayContaining(['RECEIPT_JOB_MISMATCH', 'RECEIPT_CST_MISMATCH']));
    expect(codesOf(report, 'replay')).toEqual(expect.arrayContaining(['CST_JTI_MISMATCH', 'JOB_ID_MISMATCH']));
    expect(codesOf(report, 'manifest')).toEqual(expect.arrayContaining(['MANIFEST_BINDING_MISMATCH', 'MERKLE_ROOT_MISMATCH']));
  });

  // [R-WPC-3] the routing shape's pin, [R-WPC-4] the Zendesk shape's
  it.each(['routing-auto-assign-approval', 'zendesk'] as const)('fails CST_PIN_MISSING for a token without the policy-hash pin the WPC requires (%s)', async (policy) => {
    const bundle = await makeBundle({ policy });
    const { policy_hash: _, ...unpinned } = claimsOf(bundle.cst);
    rebind(bundle, mintCst(unpinned as CstClaims));
    const report = await verify(bundle);
    expect(codesOf(report, 'cst')).toEqual(['CST_PIN_MISSING']);
  });

  it('fails POLICY_HASH_MISMATCH for a token pinned to another policy', async () => {
    const bundle = await makeBundle();
    const claims = claimsOf(bundle.cst);
    rebind(bundle, mintCst({ ...claims, policy_hash: sha256('another policy') }));
    const report = await verify(bundle);
    expect(codesOf(report, 'cst')).toEqual(['POLICY_HASH_MISMATCH']);
  });

  it('[R-BUNDLE-10] fails CST_SCOPE_EXCEEDS_POLICY for a scope the WPC denies or does not allow, and CST_SCOPE_INVALID for a malformed one', async () => {
    const bundle = await makeBundle();
    const claims = claimsOf(bundle.cst);
    rebind(bundle, mintCst({ ...claims, scope: [...claims.scope, 'tickets.notify_customer', 'tickets.close', 'Tickets.Read', 'tickets:read'] }));
    const report = await verify(bundle);
    const found = checkOf(report, 'cst').issues.map((i) => [i.code, i.evidence[0]?.payloadPointer]);
    const n = claims.scope.length;
    expect(found).toEqual([
      ['CST_SCOPE_EXCEEDS_POLICY', `/scope/${n}`],
      ['CST_SCOPE_EXCEEDS_POLICY', `/scope/${n + 1}`],
      ['CST_SCOPE_INVALID', `/scope/${n + 2}`],
      ['CST_SCOPE_INVALID', `/scope/${n + 3}`],
    ]);
    expect(checkOf(report, 'cst').issues[0]?.message).toContain('denies it (/tools/deny/0)');
  });

  it('[R-SIG-12] fails a token typed as something else (JWS_TYPE_MISMATCH), and claims of another issuer or subject', async () => {
    const bundle = await makeBundle();
    const claims = claimsOf(bundle.cst);
    rebind(bundle, mintCst({ ...claims, iss: 'someone-else', sub: 'job:other' }, { typ: 'at+jwt' }));
    const report = await verify(bundle);
    expect(codesOf(report, 'cst')).toEqual(['JWS_TYPE_MISMATCH', 'CST_CLAIM_INVALID', 'CST_CLAIM_INVALID']);
  });

  it('[R-SIG-8] refuses alg "none" and any other alg without checking a signature: JWS_ALG_UNSUPPORTED', async () => {
    const bundle = await makeBundle();
    const [, payload] = bundle.cst.split('.');
    const header = base64urlEncode(utf8Encode(JSON.stringify({ alg: 'none', typ: 'cst+jwt', kid: 'x' })));
    bundle.cst = `${header}.${payload}.${base64urlEncode(new Uint8Array(64))}`;
    const report = await verify(bundle);
    expect(codesOf(report, 'cst')[0]).toBe('JWS_ALG_UNSUPPORTED');
    expect(codesOf(report, 'structure')).toContain('JWS_ALG_UNSUPPORTED');
  });

  it('[R-SIG-6] fails a token signed by a scope key the trust root does not list, without reading its claims', async () => {
    const bundle = await makeBundle();
    rebind(bundle, mintCst(claimsOf(bundle.cst), {}, STRANGER));
    const report = await verify(bundle);
    expect(codesOf(report, 'cst')).toEqual(['SIGNATURE_UNVERIFIED']);
    expect(codesOf(report, 'trust')).toContain('KEY_NOT_TRUSTED');
    expect(report.verdict).toBe('unknown-signer');
  });

  it('fails a token that is not a compact JWS, or not a string, as CST_MALFORMED', async () => {
    for (const cst of ['not.a.jws', 42]) {
      const bundle = { ...(await makeBundle()), cst } as unknown as ProofBundle;
      const report = await verify(bundle);
      expect(codesOf(report, 'cst')[0]).toBe('CST_MALFORMED');
      expect(report.verdict).toBe('invalid');
    }
  });
});
