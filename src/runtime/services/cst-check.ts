/**
 * The checks a consumer of a CST runs before acting on it (the proxy before every model call).
 * Each failure is its own code, so a refusal says exactly which binding did not hold.
 */
import type { CstClaims } from '../../core/bundle/types.js';
import { CST_TYP } from '../../core/bundle/media-types.js';
import { isClawproofError } from '../../core/errors.js';
import { isDigest, type Digest } from '../../core/hash.js';
import type { JsonObject } from '../../core/json.js';
import { verifyCompactJws } from '../../core/jws.js';
import { formatTimestamp, type Clock } from '../clock.js';
import { runtimeError } from '../errors.js';
import { CST_AUDIENCE, CST_ISSUER } from './cst.js';

export interface CstExpectations {
  /** The scope key the token must be signed with. */
  readonly scopeKey: { readonly keyid: string; readonly publicKey: Uint8Array };
  readonly clock: Clock;
  readonly jobId: string;
  readonly audience?: string;
  /** The policy hash the job is pinned to. */
  readonly policyHash: Digest;
  /** Whether the token must carry the pin (the WPC's cst_policy_hash_pin). */
  readonly requirePin: boolean;
}

export async function checkCst(token: string, expect: CstExpectations): Promise<CstClaims> {
  let claims: JsonObject;
  try {
    ({ claims } = await verifyCompactJws(
      token,
      (kid) => (kid === expect.scopeKey.keyid ? expect.scopeKey.publicKey : undefined),
      { typ: CST_TYP },
    ));
  } catch (cause) {
    const code = isClawproofError(cause) ? cause.code : '';
    if (code === 'JWS_SIGNATURE_INVALID' || code === 'KEY_NOT_TRUSTED') {
      throw runtimeError('CST_SIGNATURE_INVALID', `the CST is not signed by the scope key ${expect.scopeKey.keyid}`, { cause });
    }
    const reason = isClawproofError(cause) ? cause.message : 'unreadable';
    throw runtimeError('CST_MALFORMED', `the CST is not a valid token: ${reason}`, { cause });
  }
  const c = checkClaimShapes(claims);
  if (c.iss !== CST_ISSUER) throw runtimeError('CST_MALFORMED', `the CST was issued by ${JSON.stringify(c.iss)}, not ${CST_ISSUER}`);
  const audience = expect.audience ?? CST_AUDIENCE;
  if (c.aud !== audience) {
    throw runtimeError('CST_AUDIENCE_MISMATCH', `the CST is for audience ${JSON.stringify(c.aud)}, not ${JSON.stringify(audience)}`);
  }
  const now = expect.clock.now();
  if (now < c.nbf * 1000) {
    throw runtimeError('CST_NOT_YET_VALID', `the CST is not valid before ${formatTimestamp(c.nbf * 1000)} (now ${formatTimestamp(now)})`);
  }
  if (now >= c.exp * 1000) {
    throw runtimeError('CST_EXPIRED', `the CST expired at ${formatTimestamp(c.exp * 1000)} (now ${formatTimestamp(now)})`);
  }
  if (c.job_id !== expect.jobId) {
    throw runtimeError('CST_JOB_MISMATCH', `the CST is bound to job ${JSON.stringify(c.job_id)}, not to this job ${JSON.stringify(expect.jobId)}`);
  }
  if (c.policy_hash === undefined) {
    if (expect.requirePin) throw runtimeError('CST_PIN_MISSING', 'the WPC requires a policy-hash pin and the CST carries none');
  } else if (c.policy_hash !== expect.policyHash) {
    throw runtimeError('POLICY_HASH_MISMATCH', `the CST is pinned to policy ${c.policy_hash}, but the job runs under ${expect.policyHash}`);
  }
  return c;
}

function checkClaimShapes(claims: JsonObject): CstClaims {
  const bad = (name: string, what: string) => runtimeError('CST_MALFORMED', `the CST claim ${name} must be ${what}`, { pointer: `/${name}` });
  for (const name of ['iss', 'sub', 'aud', 'jti', 'job_id'] as const) {
    if (typeof claims[name] !== 'string') throw bad(name, 'a string');
  }
  for (const name of ['iat', 'nbf', 'exp'] as const) {
    if (!Number.isSafeInteger(claims[name])) throw bad(name, 'a whole number of seconds');
  }
  const scope = claims.scope;
  if (!Array.isArray(scope) || !scope.every((s) => typeof s === 'string')) throw bad('scope', 'an array of strings');
  if (claims.policy_hash !== undefined && !isDigest(claims.policy_hash)) throw bad('policy_hash', 'a sha256: digest');
  return claims as unknown as CstClaims;
}
