/**
 * replay: the CST's jti belongs to this job and to nothing else. Every receipt, the job_start
 * record and the manifest name the same jti, and every receipt, record and the manifest the same
 * job; and, given the jti -> job map of tokens seen in other bundles (options.seenTokens, the
 * Library's cache), a jti already seen with another job is a replayed token.
 */
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { bindingOf } from './binding.js';
import { firstEvidence, partEvidence } from './evidence.js';
import { checkResult, failIssue, plural, skippedResult } from './result.js';

export function checkReplay(ctx: VerifyContext): CheckResult {
  const binding = bindingOf(ctx);
  const jti = binding.jti;
  const job = binding.jobId;
  if (jti === null || job === null) {
    return skippedResult('replay', 'Not run: neither the CST nor the manifest could be read, so the token and job are unknown (see cst and manifest).');
  }
  const issues: CheckIssue[] = [];
  const otherJti: Evidence[] = [];
  const otherJob: Evidence[] = [];
  for (const view of ctx.receipts) {
    const r = view.payload;
    if (r === null) continue;
    if (r.cst_jti !== jti) otherJti.push(partEvidence(view, { payloadPointer: '/cst_jti', expected: jti, actual: r.cst_jti }));
    if (r.job_id !== job) otherJob.push(partEvidence(view, { payloadPointer: '/job_id', expected: job, actual: r.job_id }));
  }
  for (const view of ctx.records) {
    const r = view.payload;
    if (r === null) continue;
    if (r.kind === 'job_start' && r.cst_jti !== jti) otherJti.push(partEvidence(view, { payloadPointer: '/cst_jti', expected: jti, actual: r.cst_jti }));
    if (r.job_id !== job) otherJob.push(partEvidence(view, { payloadPointer: '/job_id', expected: job, actual: r.job_id }));
  }
  for (const view of ctx.approvals) {
    const a = view.payload;
    if (a !== null && a.job_id !== job) otherJob.push(partEvidence(view, { payloadPointer: '/job_id', expected: job, actual: a.job_id }));
  }
  const m = ctx.manifest.payload;
  if (m !== null) {
    if (m.cst_jti !== jti) otherJti.push({ pointer: ctx.manifest.pointer, payloadPointer: '/cst_jti', expected: jti, actual: m.cst_jti });
    if (m.job_id !== job) otherJob.push({ pointer: ctx.manifest.pointer, payloadPointer: '/job_id', expected: job, actual: m.job_id });
  }
  if (otherJti.length > 0) {
    issues.push(failIssue('CST_JTI_MISMATCH', `${plural(otherJti.length, 'part')} of the bundle name another token than CST ${jti}`, ...firstEvidence(otherJti)));
  }
  if (otherJob.length > 0) {
    issues.push(failIssue('JOB_ID_MISMATCH', `${plural(otherJob.length, 'part')} of the bundle belong to another job than ${job}`, ...firstEvidence(otherJob)));
  }
  const seen = ctx.options.seenTokens;
  const seenJob = seen?.get(jti);
  if (seenJob !== undefined && seenJob !== job) {
    issues.push(
      failIssue('CST_JTI_REUSED', `CST ${jti} was already seen in another bundle with job ${seenJob}; a token is bound to one job, so one of the two runs replayed it`, {
        pointer: ctx.cst.pointer,
        expected: job,
        actual: seenJob,
      }),
    );
  }
  const evidence: Evidence[] = [{ pointer: ctx.cst.pointer, note: `jti ${jti}, job ${job}${seen === undefined ? '; no cache of other bundles given' : `; compared with ${plural(seen.size, 'token')} seen before`}` }];
  const message =
    issues.length === 0
      ? `CST ${jti} is bound to job ${job} alone: every part names it${seen === undefined ? '' : ', and no other bundle used it for another job'}.`
      : `${plural(issues.length, 'problem')}: the token or the job of this bundle is not unique to it.`;
  return checkResult('replay', issues, evidence, message);
}
