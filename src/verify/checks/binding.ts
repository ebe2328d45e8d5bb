/**
 * What the parts of one bundle must agree on: the job, the CST (its jti and the sha256 of its
 * token) and the policy hash. Each comes from the part that is its authority: the job and jti
 * from the signed CST (else the signed manifest), the policy hash recomputed from the signed WPC,
 * the token hash from the token's own bytes.
 */
import type { Digest } from '../../core/hash.js';
import type { VerifyContext } from '../context.js';

export interface Binding {
  readonly jobId: string | null;
  readonly jobSource: string;
  readonly jti: string | null;
  readonly cstHash: Digest | null;
  readonly policyHash: Digest | null;
}

export function bindingOf(ctx: VerifyContext): Binding {
  const claims = ctx.cst.claims;
  const manifest = ctx.manifest.payload;
  return {
    jobId: claims?.job_id ?? manifest?.job_id ?? null,
    jobSource: claims !== null ? "the CST's job_id" : manifest !== null ? "the manifest's job_id" : 'nothing readable',
    jti: claims?.jti ?? manifest?.cst_jti ?? null,
    cstHash: typeof ctx.document.cst === 'string' && ctx.cst.token !== '' ? ctx.cst.tokenHash : null,
    policyHash: ctx.wpc.policyHash,
  };
}
