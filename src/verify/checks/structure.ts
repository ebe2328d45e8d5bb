/**
 * structure: the document is a Clawproof bundle of a version this verifier reads, every member
 * has its type, nothing unknown rides along, lists are within their caps, every envelope follows
 * the DSSE profile with the right payload type, and every signed payload (once its signature
 * verified) is strict JSON of its kind's schema. Signature verdicts are not structure: the trust
 * check and each part's own check report them.
 */
import type { VerifyContext } from '../context.js';
import type { CheckCode, CheckIssue, CheckResult } from '../report.js';
import { checkResult, plural } from './result.js';

const SIGNATURE_CODES: ReadonlySet<CheckCode> = new Set(['SIGNATURE_INVALID', 'SIGNATURE_UNVERIFIED']);

export function checkStructure(ctx: VerifyContext): CheckResult {
  const views = [ctx.wpc, ctx.cst, ...ctx.receipts, ...ctx.records, ...ctx.approvals, ctx.manifest];
  const issues: CheckIssue[] = [...ctx.structureIssues];
  for (const view of views) issues.push(...view.problems.filter((p) => !SIGNATURE_CODES.has(p.code)));
  // The policy validator's findings belong to the wpc check; only a non-object WPC is structure.
  const unread = views.filter((v) => v.signatureStatus !== 'valid').length;
  const parts = views.length + ctx.items.modelViews.length + ctx.items.modelResponses.length + ctx.items.tickets.length;
  const message =
    issues.length === 0
      ? `The document is a bundle of type ${ctx.bundle.mediaType}, version ${ctx.bundle.version}; all ${plural(parts, 'part')} have their format` +
        (unread > 0 ? ` (the payloads of ${plural(unread, 'signed part')} without a trusted signature were not read)` : '') +
        '.'
      : `${plural(issues.length, 'structure problem')}: the bundle does not have the Clawproof bundle format.`;
  return checkResult('structure', issues, [{ pointer: '', note: `${plural(parts, 'part')} checked against the bundle schema` }], message);
}
