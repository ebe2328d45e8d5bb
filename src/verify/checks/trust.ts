/**
 * trust: every signed part is signed by a key the auditor's trust root lists for that part's
 * role, and the key was valid when the part was signed (signed-parts.ts says when). Keys a bundle
 * names are never trusted on their own. A demo-only trust root (published secret keys) is a
 * warning: anything signed with it proves nothing about who signed.
 */
import { findTrustedKey } from '../../core/trust-root.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { signedParts, type SignedPart } from '../signed-parts.js';
import { checkResult, failIssue, plural, warnIssue } from './result.js';

export function checkTrust(ctx: VerifyContext): CheckResult {
  const issues: CheckIssue[] = [];
  const root = ctx.trustRoot;
  if (root.demoOnly === true) {
    issues.push(
      warnIssue('TRUST_ROOT_DEMO_ONLY', `the trust root "${root.name}" is marked demo-only: its secret keys are published, so anyone could have signed this bundle`, {
        note: root.name,
      }),
    );
  }
  const parts = signedParts(ctx);
  const used = new Map<string, Set<string>>(); // role -> keyids that signed validly
  for (const part of parts) {
    const issue = partIssue(ctx, part);
    if (issue !== null) issues.push(issue);
    for (const keyid of part.trustedValidKeyids) {
      const set = used.get(part.role) ?? new Set<string>();
      set.add(keyid);
      used.set(part.role, set);
    }
  }
  const evidence: Evidence[] = [...used].map(([role, keyids]) => ({ keyid: [...keyids].join(', '), note: `role ${role}` }));
  const failed = issues.filter((i) => i.severity === 'fail').length;
  const message =
    failed === 0
      ? `All ${plural(parts.length, 'signed part')} are signed by keys the trust root "${root.name}" lists for their roles, valid when they signed.`
      : `${plural(failed, 'signed part')} of ${parts.length} ${failed === 1 ? 'is' : 'are'} not signed by a key the trust root "${root.name}" lists for the role at the time.`;
  return checkResult('trust', issues, evidence, message);
}

function partIssue(ctx: VerifyContext, part: SignedPart): CheckIssue | null {
  const ids = { ...(part.receiptId === undefined ? {} : { receiptId: part.receiptId }), ...(part.recordId === undefined ? {} : { recordId: part.recordId }), ...(part.approvalId === undefined ? {} : { approvalId: part.approvalId }) };
  const where: Evidence = { pointer: part.pointer, ...ids };
  switch (part.signatureStatus) {
    case 'malformed':
      return failIssue('SIGNATURE_MISSING', `${part.label} at ${part.pointer} could not be read, so no signature on it could be checked`, where);
    case 'untrusted': {
      const keyids = part.signatures.map((s) => s.keyid);
      const shown = keyids.length === 0 ? 'no key' : keyids.join(', ');
      return failIssue('KEY_NOT_TRUSTED', `${part.label} is signed by ${shown}, which the trust root ${otherRoles(ctx, keyids, part.role)}`, {
        ...where,
        keyid: keyids[0],
        expected: `a key listed for role ${part.role}`,
      });
    }
    case 'invalid': {
      const bad = part.signatures.filter((s) => s.status === 'invalid').map((s) => s.keyid);
      return failIssue('SIGNATURE_INVALID', `${part.label} carries a signature of ${bad.join(', ')} (trusted for ${part.role}) that does not verify: its content was changed after signing, or the signature was forged`, {
        ...where,
        keyid: bad[0],
      });
    }
    case 'valid':
      break;
  }
  if (part.at === null) {
    return failIssue('SIGNING_TIME_UNKNOWN', `${part.label} has no readable signing time, so the validity window of its key cannot be checked`, where);
  }
  const at = part.at;
  const lookups = part.trustedValidKeyids.map((keyid) => findTrustedKey(ctx.trustRoot, part.role, keyid, at));
  if (lookups.some((l) => l.ok)) return null;
  const first = lookups.find((l) => !l.ok);
  const reason = first !== undefined && !first.ok ? first.message : 'no key';
  return failIssue('KEY_OUTSIDE_VALIDITY', `${part.label} was signed at ${part.at} (${part.atSource}), outside its key's validity window: ${reason}`, {
    ...where,
    keyid: part.trustedValidKeyids[0],
    actual: part.at,
  });
}

/** "does not list" or "lists only for role harness": role confusion is worth naming. */
function otherRoles(ctx: VerifyContext, keyids: readonly string[], role: string): string {
  const roles = [...new Set(ctx.trustRoot.keys.filter((k) => keyids.includes(k.keyid)).map((k) => k.role))];
  return roles.length === 0 ? `"${ctx.trustRoot.name}" does not list` : `lists only for role ${roles.join(', ')}, not for ${role}`;
}
