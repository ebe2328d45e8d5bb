/**
 * The v2 tree heads (docs/design/format-v2.md): each signed once by its service, each over the
 * RFC 9162 tree of the exact bytes of the lines it vouches for, recomputed by the reader as it
 * read them. The proxy's head fixes the number and order of the receipts, so a harness that drops,
 * reorders or adds a receipt cannot re-seal it (it holds no proxy key); the harness's head fixes
 * every line before the heads. Both name the job and the policy, and are dated when the job ended.
 */
import type { TreeHeadView, VerifyContext } from '../context.js';
import type { CheckIssue, Evidence } from '../report.js';
import { failIssue, plural } from './result.js';

/** Every problem of one head: its signature, its coverage of the lines present, its binding to this job. */
export function treeHeadIssues(ctx: VerifyContext, head: TreeHeadView, pointer: string): CheckIssue[] {
  const issues: CheckIssue[] = [...head.signatureProblems];
  const where = (payloadPointer: string, expected?: string, actual?: string): Evidence => ({
    pointer,
    payloadPointer,
    note: `line ${head.line}, the ${head.service} tree head`,
    ...(expected === undefined ? {} : { expected }),
    ...(actual === undefined ? {} : { actual }),
  });
  for (const p of head.coverage) issues.push(failIssue(p.code, `the ${head.service} tree head (line ${head.line}) does not match the file: ${p.message}`, where(p.pointer.replace(/^\/payload/, ''))));
  const p = head.payload;
  const job = ctx.cst.claims?.job_id ?? ctx.v2?.header.job_id ?? null;
  if (job !== null && p.job_id !== job) {
    issues.push(failIssue('TREE_HEAD_BINDING_MISMATCH', `the ${head.service} tree head is for job ${p.job_id}, not this bundle's job ${job}`, where('/job_id', job, p.job_id)));
  }
  if (ctx.v2 !== undefined && ctx.v2.header.job_id !== p.job_id) {
    issues.push(failIssue('TREE_HEAD_BINDING_MISMATCH', `the ${head.service} tree head is for job ${p.job_id}, but the header names job ${ctx.v2.header.job_id}`, where('/job_id', ctx.v2.header.job_id, p.job_id)));
  }
  if (ctx.wpc.policyHash !== null && p.policy_hash !== ctx.wpc.policyHash) {
    issues.push(failIssue('POLICY_HASH_MISMATCH', `the ${head.service} tree head names policy ${p.policy_hash}, but the bundle's WPC hashes to ${ctx.wpc.policyHash}`, where('/policy_hash', ctx.wpc.policyHash, p.policy_hash)));
  }
  const last = ctx.records[ctx.records.length - 1]?.payload;
  if (last?.kind === 'job_end' && last.at !== p.at) {
    issues.push(failIssue('TREE_HEAD_BINDING_MISMATCH', `the ${head.service} tree head is dated ${p.at}, but the job ended at ${last.at}: it closes another run`, where('/at', last.at, p.at)));
  }
  return issues;
}

/** The sentence of a head that holds. */
export function treeHeadSummary(head: TreeHeadView, what: string): string {
  return `the ${head.service} tree head (line ${head.line}) is signed by a trusted ${head.service} key and covers exactly ${plural(head.payload.size, what)}`;
}
