/**
 * The overall verdict, from every check's issues (never from a summary bit):
 *  - valid: no check failed and none was skipped (a skipped check proved nothing). Warnings, such
 *    as a demo-only trust root, do not change the verdict; they are listed with their check.
 *  - unknown-signer: something is signed by a key the trust root does not list, and every failure
 *    is that (KEY_NOT_TRUSTED), or a signature that therefore could not be checked
 *    (SIGNATURE_UNVERIFIED), or a check that could not be made without the unread part (a code
 *    ending in _UNVERIFIABLE, or evidence pointing only into unread parts, or into unsigned
 *    entries whose only explanation, all records or all receipts, is unread). The bundle may be
 *    fine; the auditor's trust root does not vouch for it. Each code's role is its registry
 *    entry's `unknownSigner` (src/format/codes.ts).
 *  - invalid: anything else.
 */
import { CHECK_CODES, UNKNOWN_SIGNER_CODES, isCheckCode } from '../format/codes.js';
import type { VerifyContext } from './context.js';
import type { CheckIssue, CheckResult, Verdict } from './report.js';

export function verdictOf(checks: readonly CheckResult[], ctx: VerifyContext | null): Verdict {
  const failures = checks.flatMap((c) => c.issues.filter((i) => i.severity === 'fail'));
  const failed = checks.some((c) => c.status === 'fail');
  const skipped = checks.some((c) => c.status === 'skipped');
  if (!failed && !skipped && failures.length === 0) return 'valid';
  if (ctx === null || !failures.some((i) => UNKNOWN_SIGNER_CODES.has(i.code))) return 'invalid';
  const unread = unreadParts(ctx);
  // A failed check without issues cannot be explained by an unknown signer.
  if (checks.some((c) => c.status === 'fail' && c.issues.every((i) => i.severity !== 'fail'))) return 'invalid';
  return failures.every((i) => isConsequence(i, unread)) ? 'unknown-signer' : 'invalid';
}

function isConsequence(issue: CheckIssue, unread: Unread): boolean {
  // A code outside the registry (a hand-made report) is judged by its evidence, never excused.
  const role = isCheckCode(issue.code) ? CHECK_CODES[issue.code].unknownSigner : 'evidence';
  if (role === 'cause' || role === 'consequence') return true;
  const pointers = issue.evidence.map((e) => e.pointer).filter((p): p is string => p !== undefined);
  return pointers.length > 0 && pointers.every((p) => unread.covers(p));
}

interface Unread {
  covers(pointer: string): boolean;
}

/** Unsigned lists and the signed list that alone explains them (ticket entries: records; views: receipts). */
const EXPLAINED_BY: Readonly<Record<string, string>> = {
  '/tickets': '/records',
  '/model_views': '/receipts',
  '/model_responses': '/receipts',
};

/** Parts whose content was not read because no trusted key signed them, and lists made only of such parts. */
function unreadParts(ctx: VerifyContext): Unread {
  const parts = new Set<string>();
  const lists = new Set<string>();
  const single = [ctx.wpc, ctx.cst, ctx.manifest];
  for (const v of single) if (v.signatureStatus === 'untrusted') parts.add(v.pointer);
  for (const [name, views] of [
    ['/receipts', ctx.receipts],
    ['/records', ctx.records],
    ['/approvals', ctx.approvals],
  ] as const) {
    for (const v of views) if (v.signatureStatus === 'untrusted') parts.add(v.pointer);
    if (views.length > 0 && views.every((v) => v.signatureStatus === 'untrusted')) lists.add(name);
  }
  return {
    covers(pointer) {
      if (lists.has(pointer)) return true;
      const list = `/${pointer.split('/')[1] ?? ''}`;
      const explainer = EXPLAINED_BY[list];
      if (explainer !== undefined && lists.has(explainer)) return true;
      // The pointer itself or any ancestor of it (`/receipts/3/signatures` is inside `/receipts/3`).
      for (let p = pointer; p !== ''; p = p.slice(0, p.lastIndexOf('/'))) if (parts.has(p)) return true;
      return false;
    },
  };
}
