/**
 * cst: the capability-scoped token is a compact JWS (alg EdDSA, typ cst+jwt) signed by a scope
 * key of the trust root; its window [max(iat, nbf), exp) covers every receipt and record of the
 * run (a token used before it was issued or after it expired authorised nothing); it is bound to
 * this job (manifest, records and receipts name its job_id); it pins the WPC's policy hash when the
 * WPC requires the pin; and its scope stays within what the WPC can allow (a token wider than its
 * policy is a standing grant the policy never made).
 */
import { CST_TYP } from '../../core/bundle/media-types.js';
import { parseUtcTimestamp } from '../../core/time.js';
import { canonicalActionName, findActionRule, lookupAction, type NormalizedPolicy } from '../../policy/index.js';
import type { CstClaims } from '../../core/bundle/types.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { secondsToTimestamp } from '../signed-parts.js';
import { firstEvidence, partEvidence } from './evidence.js';
import { checkResult, failIssue, plural } from './result.js';

const POINTER = '/cst';
/** Fixed claims of every CST (docs/FORMATS.md, "Proof bundle", "CST"). */
const CST_ISSUER = 'clawscope';
const CST_AUDIENCE = 'clawproxy';
/** Longest lifetime a CST may have, in seconds (7 days). */
const MAX_CST_LIFETIME = 604_800;

export function checkCst(ctx: VerifyContext): CheckResult {
  const cst = ctx.cst;
  const issues: CheckIssue[] = [...cst.problems];
  const header = cst.header;
  if (header !== null && header.typ !== CST_TYP) {
    const actual = typeof header.typ === 'string' ? header.typ : 'missing';
    issues.push(
      failIssue('JWS_TYPE_MISMATCH', `the CST's typ is ${JSON.stringify(actual)}; a CST is typed ${CST_TYP} (another token type must not pass as one)`, {
        pointer: POINTER,
        payloadPointer: '/typ',
        expected: CST_TYP,
        actual,
      }),
    );
  }
  const claims = cst.claims;
  const evidence: Evidence[] = [{ pointer: POINTER, ...(cst.keyid === null ? {} : { keyid: cst.keyid }), note: `token hash ${cst.tokenHash}` }];
  if (claims !== null) {
    evidence.push({ pointer: POINTER, note: `jti ${claims.jti}, job ${claims.job_id}, valid ${secondsToTimestamp(claims.nbf)} to ${secondsToTimestamp(claims.exp)}` });
    issues.push(...claimIssues(claims), ...windowIssues(ctx, claims), ...jobIssues(ctx, claims), ...pinIssues(ctx, claims), ...scopeIssues(ctx.wpc.policy, claims));
  }
  const message =
    issues.length > 0
      ? `${plural(issues.length, 'problem')} with the CST: its signature, window, job binding, policy pin or scope.`
      : `The CST ${claims?.jti ?? ''} is signed by a trusted scope key, covers every receipt and record of job ${claims?.job_id ?? ''}, pins the policy and stays within it.`;
  return checkResult('cst', issues, evidence, message);
}

/** Issuer, audience and subject are fixed by the format: a token minted for something else is not a CST. */
function claimIssues(claims: CstClaims): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const expected: [keyof CstClaims, string][] = [
    ['iss', CST_ISSUER],
    ['aud', CST_AUDIENCE],
    ['sub', `job:${claims.job_id}`],
  ];
  for (const [name, value] of expected) {
    const actual = String(claims[name]);
    if (actual !== value) {
      issues.push(failIssue('CST_CLAIM_INVALID', `the CST's ${name} is ${JSON.stringify(actual.slice(0, 160))}; a CST has ${name} ${JSON.stringify(value)}`, { pointer: POINTER, payloadPointer: `/${name}`, expected: value, actual }));
    }
  }
  return issues;
}

function windowIssues(ctx: VerifyContext, claims: CstClaims): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const notBefore = Math.max(claims.iat, claims.nbf) * 1000;
  const expires = claims.exp * 1000;
  const window = `${secondsToTimestamp(Math.max(claims.iat, claims.nbf))} to ${secondsToTimestamp(claims.exp)}`;
  if (expires <= notBefore) {
    issues.push(failIssue('CST_WINDOW_INVALID', `the CST's validity window is empty: it expires (exp) no later than it starts (iat, nbf)`, { pointer: POINTER, payloadPointer: '/exp' }));
    return issues;
  }
  if (claims.nbf !== claims.iat || claims.exp - claims.iat > MAX_CST_LIFETIME) {
    issues.push(
      failIssue('CST_WINDOW_INVALID', `the CST's window ${window} is not one a minter gives: nbf equals iat, and the lifetime is at most ${MAX_CST_LIFETIME} seconds`, {
        pointer: POINTER,
        payloadPointer: claims.nbf !== claims.iat ? '/nbf' : '/exp',
      }),
    );
  }
  const early: Evidence[] = [];
  const late: Evidence[] = [];
  for (const view of [...ctx.receipts, ...ctx.records]) {
    const at = view.payload?.at;
    const ms = at === undefined ? undefined : parseUtcTimestamp(at);
    if (ms === undefined) continue;
    if (ms < notBefore) early.push(partEvidence(view, { payloadPointer: '/at', actual: at }));
    else if (ms >= expires) late.push(partEvidence(view, { payloadPointer: '/at', actual: at }));
  }
  if (early.length > 0) {
    issues.push(failIssue('CST_NOT_YET_VALID', `${plural(early.length, 'receipt or record', 'receipts or records')} date from before the CST was valid (${window})`, ...firstEvidence(early)));
  }
  if (late.length > 0) {
    issues.push(failIssue('CST_EXPIRED', `${plural(late.length, 'receipt or record', 'receipts or records')} date from after the CST expired (${window})`, ...firstEvidence(late)));
  }
  const now = ctx.options.now;
  if (now !== undefined) {
    const ms = now.getTime();
    if (ms < notBefore) issues.push(failIssue('CST_NOT_YET_VALID', `at the verification time ${now.toISOString()} the CST is not yet valid (${window})`, { pointer: POINTER }));
    if (ms >= expires) issues.push(failIssue('CST_EXPIRED', `at the verification time ${now.toISOString()} the CST has expired (${window})`, { pointer: POINTER }));
  }
  return issues;
}

function jobIssues(ctx: VerifyContext, claims: CstClaims): CheckIssue[] {
  const others: Evidence[] = [];
  const m = ctx.manifest.payload;
  if (m !== null && m.job_id !== claims.job_id) others.push({ pointer: ctx.manifest.pointer, payloadPointer: '/job_id', expected: claims.job_id, actual: m.job_id });
  for (const view of [...ctx.receipts, ...ctx.records]) {
    const job = view.payload?.job_id;
    if (job !== undefined && job !== claims.job_id) others.push(partEvidence(view, { payloadPointer: '/job_id', expected: claims.job_id, actual: job }));
  }
  if (others.length === 0) return [];
  return [failIssue('CST_JOB_MISMATCH', `the CST is bound to job ${claims.job_id}, but ${plural(others.length, 'part')} of the bundle name another job: the token belongs to another run`, ...firstEvidence(others))];
}

function pinIssues(ctx: VerifyContext, claims: CstClaims): CheckIssue[] {
  const policy = ctx.wpc.policy;
  const hash = ctx.wpc.policyHash;
  if (claims.policy_hash === undefined) {
    if (policy === null) {
      return [failIssue('CST_PIN_UNVERIFIABLE', 'the CST carries no policy-hash pin, and the WPC could not be read to tell whether it requires one (the default is that it does)', { pointer: POINTER, payloadPointer: '/policy_hash' })];
    }
    if (policy.pinPolicyHash.value) {
      const rule = policy.pinPolicyHash.pointer ?? 'its default';
      return [failIssue('CST_PIN_MISSING', `the WPC requires the CST to pin its policy hash (${rule}), but the CST carries no policy_hash`, { pointer: POINTER, payloadPointer: '/policy_hash', expected: hash ?? undefined })];
    }
    return [];
  }
  if (hash !== null && claims.policy_hash !== hash) {
    return [
      failIssue('POLICY_HASH_MISMATCH', `the CST is pinned to policy ${claims.policy_hash}, but the bundle's WPC hashes to ${hash}`, {
        pointer: POINTER,
        payloadPointer: '/policy_hash',
        expected: hash,
        actual: claims.policy_hash,
      }),
    ];
  }
  return [];
}

/** Each scope must be an action the WPC can allow: not denied, and on the allow list (or catalogued when there is none). */
function scopeIssues(policy: NormalizedPolicy | null, claims: CstClaims): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const seen = new Set<string>();
  claims.scope.forEach((scope, i) => {
    const at: Evidence = { pointer: POINTER, payloadPointer: `/scope/${i}`, actual: scope };
    const action = canonicalActionName(scope);
    if (action === null || action !== scope || seen.has(action)) {
      const why = action === null ? 'is not a well-formed action name' : action !== scope ? `is not in canonical dotted form (${action})` : 'repeats an earlier entry';
      issues.push(failIssue('CST_SCOPE_INVALID', `CST scope ${i} (${JSON.stringify(scope.slice(0, 160))}) ${why}`, at));
      if (action === null) return;
    }
    seen.add(action);
    if (policy === null) return;
    const denied = findActionRule(policy.deny, action);
    const why =
      denied !== undefined
        ? `the WPC denies it (${denied.pointer})`
        : policy.allow !== null && findActionRule(policy.allow, action) === undefined
          ? `it is not on the WPC's allow list (${policy.allow.pointer})`
          : policy.allow === null && lookupAction(action) === undefined
            ? 'it is not a catalogued action and the WPC has no allow list naming it'
            : null;
    if (why !== null) issues.push(failIssue('CST_SCOPE_EXCEEDS_POLICY', `the CST grants ${action}, which the policy cannot allow: ${why}`, at));
  });
  if (policy === null && claims.scope.length > 0) {
    issues.push(failIssue('CST_SCOPE_UNVERIFIABLE', "the CST's scope cannot be compared with the policy: the WPC could not be read and validated", { pointer: POINTER, payloadPointer: '/scope' }));
  }
  return issues;
}
