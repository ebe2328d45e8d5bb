/**
 * decisions: the harness's record chain is whole, and every tool decision it recorded is the one
 * the pinned policy gives.
 *
 * Chain: record i has seq i and prev = sha256 of record i-1's payload bytes (null for record 0),
 * ids are unique, times never run backwards, one job, job_start first and job_end last. A record
 * dropped, reordered or inserted breaks it (the manifest's count and Merkle root catch the tail).
 *
 * Correspondence (decision-plan.ts): the decisions of a ticket are, one to one and in order, what
 * its proposal asks for, with exactly the bindings the format prescribes.
 *
 * Re-evaluation: each signed decision is evaluated again with src/policy `evaluate` under the WPC
 * and the CST's scope. The approval fed to it is one the verifier itself found bound to the
 * decision's proposal (approval-binding.ts), never the record's claim; `degraded` is true only when
 * a signed degrade record comes EARLIER in the chain. A call the policy would let through but whose
 * arguments are malformed is refused as the format says (INVALID_CALL). Without a valid WPC or CST
 * nothing can be re-evaluated, and every decision fails closed.
 */
import { parseUtcTimestamp } from '../../core/time.js';
import type { Decision, NormalizedPolicy } from '../../policy/index.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { approvalFor } from '../diff/approval-binding.js';
import { gateDecision } from '../derive/gate.js';
import { evidenceOf, proposalOf, recordIndex, type IndexedRecord } from '../diff/records.js';
import { decisionPlanIssues } from './decision-plan.js';
import { firstEvidence } from './evidence.js';
import { checkResult, failIssue } from './result.js';

export function checkDecisions(ctx: VerifyContext): CheckResult {
  const index = recordIndex(ctx);
  const issues = chainIssues(ctx).concat(decisionPlanIssues(index), reevaluationIssues(ctx));
  const evidence: Evidence[] = [
    { pointer: '/records', note: `${ctx.records.length} records, ${index.decisions.length} signed tool decisions` },
    { pointer: ctx.wpc.pointer, note: ctx.wpc.policyHash === null ? 'WPC unreadable' : `policy ${ctx.wpc.policyHash}` },
    { pointer: ctx.cst.pointer, note: ctx.cst.claims === null ? 'CST unreadable' : `scope ${ctx.cst.claims.scope.join(', ')}` },
  ];
  const message =
    issues.length === 0
      ? `The record chain of ${ctx.records.length} records is whole and all ${index.decisions.length} tool decisions re-evaluate to the recorded outcome, code and rule.`
      : `${issues.length} problem(s) in the record chain or the re-evaluated tool decisions.`;
  return checkResult('decisions', issues, evidence, message);
}

function chainIssues(ctx: VerifyContext): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const index = recordIndex(ctx);
  const seen = new Map<string, string>();
  let lastTime = Number.NEGATIVE_INFINITY;
  ctx.records.forEach((view, i) => {
    // Envelope problems (bad or untrusted signature, unreadable payload) are the views' own.
    issues.push(...view.problems);
    const r = view.payload;
    if (r === null) return;
    const where: Evidence = { pointer: view.pointer, recordId: r.record_id };
    if (r.seq !== i) {
      issues.push(failIssue('RECORD_CHAIN_BROKEN', `record ${r.record_id} at position ${i} has seq ${r.seq}`, { ...where, payloadPointer: '/seq', expected: String(i), actual: String(r.seq) }));
    }
    const expectedPrev = i === 0 ? null : ctx.records[i - 1]!.payloadHash;
    // An unreadable previous envelope has no hash to compare with; its own problem is reported.
    // v2 records have no prev: the harness tree head fixes their order (manifest).
    if (ctx.v2 === undefined && (i === 0 || expectedPrev !== null) && r.prev !== expectedPrev) {
      issues.push(
        failIssue('RECORD_CHAIN_BROKEN', `record ${r.record_id} does not chain to ${i === 0 ? 'nothing (it is the first record)' : `record ${i - 1}`}`, {
          ...where,
          payloadPointer: '/prev',
          expected: String(expectedPrev),
          actual: String(r.prev),
        }),
      );
    }
    const firstAt = seen.get(r.record_id);
    if (firstAt !== undefined) {
      issues.push(failIssue('DUPLICATE_RECORD_ID', `record id ${r.record_id} is used twice`, { pointer: firstAt }, where));
    } else seen.set(r.record_id, view.pointer);
    if (index.jobId !== null && r.job_id !== index.jobId) {
      issues.push(failIssue('RECORD_JOB_MISMATCH', `record ${r.record_id} belongs to job ${r.job_id}, not ${index.jobId}`, { ...where, payloadPointer: '/job_id', expected: index.jobId, actual: r.job_id }));
    }
    const at = parseUtcTimestamp(r.at) ?? Number.NaN;
    if (Number.isNaN(at)) {
      issues.push(failIssue('RECORD_TIME_INVALID', `record ${r.record_id} has no valid RFC 3339 UTC time`, { ...where, payloadPointer: '/at', actual: r.at }));
    } else if (at < lastTime) {
      issues.push(failIssue('RECORD_TIME_REVERSED', `record ${r.record_id} is dated ${r.at}, earlier than the record before it`, { ...where, payloadPointer: '/at', actual: r.at }));
    }
    if (!Number.isNaN(at)) lastTime = Math.max(lastTime, at);
  });
  const first = ctx.records[0]?.payload;
  const last = ctx.records[ctx.records.length - 1]?.payload;
  if (first?.kind !== 'job_start' || last?.kind !== 'job_end') {
    issues.push(
      failIssue('RECORD_CHAIN_INCOMPLETE', 'the record chain must open with job_start and close with job_end', {
        pointer: '/records',
        expected: 'job_start ... job_end',
        actual: `${first?.kind ?? 'nothing'} ... ${last?.kind ?? 'nothing'}`,
      }),
    );
  }
  if (first?.kind === 'job_start' && ctx.wpc.policyHash !== null && first.policy_hash !== ctx.wpc.policyHash) {
    issues.push(
      failIssue('RECORD_BINDING_MISMATCH', "job_start names another policy than the bundle's WPC", {
        pointer: ctx.records[0]!.pointer,
        payloadPointer: '/policy_hash',
        expected: ctx.wpc.policyHash,
        actual: first.policy_hash,
      }),
    );
  }
  if (first?.kind === 'job_start' && ctx.cst.claims !== null && first.cst_jti !== ctx.cst.claims.jti) {
    issues.push(
      failIssue('RECORD_BINDING_MISMATCH', "job_start names another CST than the bundle's", {
        pointer: ctx.records[0]!.pointer,
        payloadPointer: '/cst_jti',
        expected: ctx.cst.claims.jti,
        actual: first.cst_jti,
      }),
    );
  }
  return issues;
}

function reevaluationIssues(ctx: VerifyContext): CheckIssue[] {
  const index = recordIndex(ctx);
  if (index.decisions.length === 0) return [];
  const policy = ctx.wpc.signatureOk ? ctx.wpc.policy : null;
  const scopes = ctx.cst.signatureOk ? (ctx.cst.claims?.scope ?? null) : null;
  if (policy === null || scopes === null) {
    const missing = policy === null ? 'the WPC did not verify and validate' : 'the CST did not verify';
    const message = `${index.decisions.length} tool decision(s) cannot be re-evaluated because ${missing}: each is treated as failed`;
    return [failIssue('DECISION_UNVERIFIABLE', message, ...firstEvidence(index.decisions.map((d) => evidenceOf(d))))];
  }
  const issues: CheckIssue[] = [];
  for (const d of index.decisions) {
    const recomputed = recompute(ctx, d, policy, scopes);
    const r = d.payload;
    if (recomputed.outcome !== r.outcome || recomputed.code !== r.code || recomputed.rule !== r.rule) {
      issues.push(
        failIssue(
          'DECISION_MISMATCH',
          `decision ${r.record_id} (${r.action}, phase ${r.phase}, ticket ${r.ticket_id}) re-evaluates differently: ${recomputed.reason}`,
          evidenceOf(d, { payloadPointer: '/outcome', expected: describe(recomputed), actual: describe(r) }),
        ),
      );
    }
    if (r.applied !== (r.outcome === 'allow')) {
      issues.push(
        failIssue(
          'DECISION_MISMATCH',
          `decision ${r.record_id} says applied=${r.applied} with outcome ${r.outcome}: only an allowed call is applied`,
          evidenceOf(d, { payloadPointer: '/applied', expected: String(r.outcome === 'allow'), actual: String(r.applied) }),
        ),
      );
    }
  }
  return issues;
}

/** The decision the format prescribes for recorded decision `d`, from signed evidence only. */
function recompute(ctx: VerifyContext, d: IndexedRecord<'decision'>, policy: NormalizedPolicy, scopes: readonly string[]): Decision {
  const index = recordIndex(ctx);
  const r = d.payload;
  const bound = r.phase === 'apply' && proposalOf(index, d) !== null && approvalFor(index, d).status === 'bound';
  return gateDecision(
    { action: r.action, args: r.args, phase: r.phase, ticketId: r.ticket_id },
    {
      policy,
      scopes,
      approval: bound && r.proposal_hash !== null ? { proposalHash: r.proposal_hash } : null,
      degraded: index.degrade !== null && index.degrade.index < d.index,
    },
  );
}

function describe(d: { outcome: string; code: string; rule: string }): string {
  return `${d.outcome} ${d.code} ${d.rule === '' ? '""' : d.rule}`;
}
