/**
 * wpc: the Work Policy Contract is signed by a controls key of the trust root, validates under
 * src/policy (both seed shapes, every semantic rule), and its policy hash, recomputed as the
 * sha256 of its RFC 8785 bytes, is the one the manifest, the CST's pin and the job_start record
 * name: the bundle's decisions were made under exactly this policy.
 */
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { checkResult, failIssue, plural } from './result.js';

export function checkWpc(ctx: VerifyContext): CheckResult {
  const view = ctx.wpc;
  const issues: CheckIssue[] = [...view.problems];
  const evidence: Evidence[] = [{ pointer: view.pointer, ...(view.trustedValidKeyids[0] === undefined ? {} : { keyid: view.trustedValidKeyids[0] }) }];
  if (view.payload !== null) {
    for (const p of view.wpcProblems) {
      if (p.severity === 'error') {
        issues.push(failIssue('WPC_INVALID', `the WPC is not valid: ${p.message} (${p.code})`, { pointer: view.pointer, payloadPointer: p.pointer, note: p.code }));
      } else {
        evidence.push({ pointer: view.pointer, payloadPointer: p.pointer, note: `policy warning ${p.code}: ${p.message}` });
      }
    }
  }
  const hash = view.policyHash;
  if (hash !== null) {
    evidence.push({ pointer: view.pointer, note: `policy hash ${hash}` });
    const named: { what: string; pointer: string; payloadPointer: string; value: string | undefined }[] = [
      { what: 'the manifest', pointer: ctx.manifest.pointer, payloadPointer: '/policy_hash', value: ctx.manifest.payload?.policy_hash },
      { what: "the CST's pin", pointer: ctx.cst.pointer, payloadPointer: '/policy_hash', value: ctx.cst.claims?.policy_hash },
    ];
    const first = ctx.records[0]?.payload;
    if (first?.kind === 'job_start') named.push({ what: 'the job_start record', pointer: ctx.records[0]!.pointer, payloadPointer: '/policy_hash', value: first.policy_hash });
    for (const n of named) {
      if (n.value !== undefined && n.value !== hash) {
        issues.push(
          failIssue('POLICY_HASH_MISMATCH', `${n.what} names policy ${n.value}, but the bundle's WPC hashes to ${hash}: the WPC was swapped or the run was under another policy`, {
            pointer: n.pointer,
            payloadPointer: n.payloadPointer,
            expected: hash,
            actual: n.value,
          }),
        );
      }
    }
  }
  const failed = issues.length;
  const policy = view.policy;
  const message =
    failed > 0
      ? `${plural(failed, 'problem')} with the WPC: its signature, its validity or its hash binding.`
      : policy === null
        ? 'The WPC could not be read.'
        : `The ${policy.shape} WPC "${policy.name}" is signed by a trusted controls key, valid, and its hash ${hash} is the one the manifest and the CST name.`;
  return checkResult('wpc', issues, evidence, message);
}
