/**
 * receipts: every gateway receipt is signed by a proxy key of the trust root and bound to this
 * run (job, CST jti, sha256 of the CST token, policy hash); the receipts form one chain (seq i at
 * position i, prev = sha256 of the previous receipt's payload bytes, null for the first) with
 * unique ids and times that never run backwards; each names the job's model; and there are
 * exactly as many as the manifest says. A receipt dropped, reordered, duplicated or inserted breaks the chain or the count.
 * In v2 the receipts carry no prev: the proxy's own tree head fixes their number and order (tree-heads.ts).
 */
import { parseUtcTimestamp } from '../../core/time.js';
import type { ReceiptPayload } from '../../core/bundle/types.js';
import type { EnvelopeView, VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { bindingOf } from './binding.js';
import { partEvidence } from './evidence.js';
import { checkResult, failIssue, plural } from './result.js';
import { treeHeadIssues, treeHeadSummary } from './tree-heads.js';

export function checkReceipts(ctx: VerifyContext): CheckResult {
  const issues: CheckIssue[] = [];
  const binding = bindingOf(ctx);
  const byId = new Map<string, string>();
  const byHash = new Map<string, string>();
  let lastAt = Number.NEGATIVE_INFINITY;
  const start = ctx.records[0]?.payload;
  const model = start?.kind === 'job_start' ? start.model : null;
  ctx.receipts.forEach((view, i) => {
    issues.push(...view.problems);
    let copy = false;
    if (view.payloadHash !== null) {
      const earlier = byHash.get(view.payloadHash);
      copy = earlier !== undefined;
      if (earlier !== undefined) {
        issues.push(failIssue('RECEIPT_DUPLICATE', `the receipt at ${view.pointer} is a copy of the one at ${earlier}`, { pointer: earlier }, partEvidence(view)));
      } else byHash.set(view.payloadHash, view.pointer);
    }
    const r = view.payload;
    if (r === null) return;
    const at = (extra: Evidence) => partEvidence(view, extra);
    const earlier = byId.get(r.receipt_id);
    if (earlier === undefined) byId.set(r.receipt_id, view.pointer);
    else if (!copy) {
      issues.push(failIssue('RECEIPT_DUPLICATE', `receipt id ${r.receipt_id} is used twice (${earlier} and ${view.pointer})`, { pointer: earlier }, at({ payloadPointer: '/receipt_id' })));
    }
    issues.push(...chainIssues(ctx.receipts, view, r, i, ctx.v2 === undefined), ...bindingIssues(binding, view, r));
    if (model !== null && r.model !== model) {
      issues.push(failIssue('RECEIPT_MODEL_MISMATCH', `receipt ${r.receipt_id} is for model ${r.model}; the job ran model ${model} (job_start)`, at({ payloadPointer: '/model', expected: model, actual: r.model })));
    }
    const ms = parseUtcTimestamp(r.at) ?? Number.NaN;
    if (ms < lastAt) {
      issues.push(failIssue('RECEIPT_CHAIN_BROKEN', `receipt ${r.receipt_id} is dated ${r.at}, earlier than the receipt before it: the receipts are out of order`, at({ payloadPointer: '/at', actual: r.at })));
    }
    if (!Number.isNaN(ms)) lastAt = Math.max(lastAt, ms);
  });
  if (ctx.v2 !== undefined) issues.push(...treeHeadIssues(ctx, ctx.v2.proxyHead, '/receipts'));
  const declared = ctx.manifest.payload?.counts.receipts;
  if (declared !== undefined && declared !== ctx.receipts.length) {
    issues.push(
      failIssue('RECEIPT_COUNT_MISMATCH', `the manifest commits to ${plural(declared, 'receipt')}, the bundle holds ${ctx.receipts.length}: receipts were dropped or added`, {
        pointer: '/receipts',
        expected: String(declared),
        actual: String(ctx.receipts.length),
      }),
    );
  }
  const evidence: Evidence[] = [{ pointer: '/receipts', note: `${plural(ctx.receipts.length, 'receipt')}${binding.jobId === null ? '' : ` for job ${binding.jobId}`}` }];
  const message =
    issues.length === 0
      ? ctx.v2 !== undefined
        ? `The ${plural(ctx.receipts.length, 'receipt')} ${ctx.receipts.length === 1 ? 'is' : 'are'} signed by a trusted proxy key and bound to this job, CST and policy; ${treeHeadSummary(ctx.v2.proxyHead, 'receipt')}, in this order.`
        : `The ${plural(ctx.receipts.length, 'receipt')} ${ctx.receipts.length === 1 ? 'is' : 'are'} signed by a trusted proxy key, bound to this job, CST and policy, and form${ctx.receipts.length === 1 ? 's' : ''} one unbroken chain matching the manifest's count.`
      : `${plural(issues.length, 'problem')} with the gateway receipts: signatures, bindings, chain or count.`;
  return checkResult('receipts', issues, evidence, message);
}

function chainIssues(all: readonly EnvelopeView<ReceiptPayload>[], view: EnvelopeView<ReceiptPayload>, r: ReceiptPayload, i: number, chained: boolean): CheckIssue[] {
  const issues: CheckIssue[] = [];
  if (r.seq !== i) {
    issues.push(
      failIssue('RECEIPT_CHAIN_BROKEN', `receipt ${r.receipt_id} at position ${i} has seq ${r.seq}: a receipt before it is missing, or the receipts were reordered`, partEvidence(view, {
        payloadPointer: '/seq',
        expected: String(i),
        actual: String(r.seq),
      })),
    );
  }
  // v2 receipts have no prev: the proxy's tree head fixes their order (proxyHeadIssues).
  if (!chained) return issues;
  // An unreadable previous envelope has no hash to compare with; its own problem is reported.
  const expected = i === 0 ? null : all[i - 1]!.payloadHash;
  if ((i === 0 || expected !== null) && r.prev !== expected) {
    issues.push(
      failIssue('RECEIPT_CHAIN_BROKEN', `receipt ${r.receipt_id} does not chain to ${i === 0 ? 'nothing (it is the first receipt)' : `the receipt at /receipts/${i - 1}`}`, partEvidence(view, {
        payloadPointer: '/prev',
        expected: String(expected),
        actual: String(r.prev),
      })),
    );
  }
  return issues;
}

function bindingIssues(binding: ReturnType<typeof bindingOf>, view: EnvelopeView<ReceiptPayload>, r: ReceiptPayload): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const ev = (payloadPointer: string, expected: string, actual: string) => partEvidence(view, { payloadPointer, expected, actual });
  if (binding.jobId !== null && r.job_id !== binding.jobId) {
    issues.push(failIssue('RECEIPT_JOB_MISMATCH', `receipt ${r.receipt_id} is for job ${r.job_id}, not this job ${binding.jobId} (${binding.jobSource})`, ev('/job_id', binding.jobId, r.job_id)));
  }
  if (binding.jti !== null && r.cst_jti !== binding.jti) {
    issues.push(failIssue('RECEIPT_CST_MISMATCH', `receipt ${r.receipt_id} names CST ${r.cst_jti}, not this bundle's CST ${binding.jti}`, ev('/cst_jti', binding.jti, r.cst_jti)));
  }
  if (binding.cstHash !== null && r.cst_hash !== binding.cstHash) {
    issues.push(failIssue('RECEIPT_CST_MISMATCH', `receipt ${r.receipt_id} was made under another token: its cst_hash is not the sha256 of this bundle's CST`, ev('/cst_hash', binding.cstHash, r.cst_hash)));
  }
  if (binding.policyHash !== null && r.policy_hash !== binding.policyHash) {
    issues.push(failIssue('POLICY_HASH_MISMATCH', `receipt ${r.receipt_id} binds policy ${r.policy_hash}, not the bundle's WPC ${binding.policyHash}`, ev('/policy_hash', binding.policyHash, r.policy_hash)));
  }
  return issues;
}
