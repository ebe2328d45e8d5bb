/**
 * approvals: the two-phase commit held for every irreversible action that was applied.
 *
 * For each signed decision with applied: true whose action is a write (src/policy actionKind;
 * uncatalogued actions count as writes):
 *  - an EARLIER signed proposal record of the same ticket has the payload hash the decision names
 *    as proposal_hash, and lists that action with those arguments (APPLY_WITHOUT_PROPOSAL);
 *  - where the WPC requires approval of that action, a signed approval binds exactly that proposal
 *    (approval-binding.ts): APPROVAL_MISSING, APPROVAL_NOT_BOUND, APPROVAL_LATE, APPROVAL_REJECTED;
 *    the decision's approval_id names it (APPROVAL_ID_MISMATCH).
 * And the approver was asked exactly when the format says (approval-requests.ts).
 * Warnings: approvals that authorise nothing, and automatic approvals (no person looked).
 */
import { canonicalJson } from '../../core/canonical.js';
import { actionKind, canonicalActionName, type NormalizedPolicy } from '../../policy/index.js';
import type { VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { approvalFor } from '../diff/approval-binding.js';
import { evidenceOf, proposalOf, recordIndex, type IndexedRecord, type RecordIndex } from '../diff/records.js';
import { approvalRequestIssues } from './approval-requests.js';
import { firstEvidence } from './evidence.js';
import { checkResult, failIssue, plural, warnIssue } from './result.js';

const BINDING_CODES = {
  missing: 'APPROVAL_MISSING',
  not_bound: 'APPROVAL_NOT_BOUND',
  late: 'APPROVAL_LATE',
  rejected: 'APPROVAL_REJECTED',
} as const;

export function checkApprovals(ctx: VerifyContext): CheckResult {
  const index = recordIndex(ctx);
  const policy = ctx.wpc.signatureOk ? ctx.wpc.policy : null;
  const applied = index.decisions.filter((d) => d.payload.applied && actionKind(d.payload.action) === 'write');
  const used = new Set<number>();
  // concat, not push(...): a hostile bundle can hold more issues than a call takes arguments.
  let issues: CheckIssue[] = applied.flatMap((d) => applyIssues(index, policy, d, used));
  const scopes = ctx.cst.signatureOk ? (ctx.cst.claims?.scope ?? null) : null;
  if (policy !== null && scopes !== null) issues = issues.concat(approvalRequestIssues(index, policy, scopes));
  else if (index.proposals.length > 0) {
    const missing = policy === null ? 'the WPC did not verify and validate' : 'the CST did not verify';
    issues.push(failIssue('APPROVAL_UNVERIFIABLE', `who had to be asked for approval cannot be re-derived because ${missing}`, { pointer: policy === null ? ctx.wpc.pointer : ctx.cst.pointer }));
  }
  issues = issues.concat(unusedApprovalIssues(index, used));
  const automatic = index.approvals.filter((a) => used.has(a.index) && a.payload.mode === 'auto');
  if (automatic.length > 0) {
    const message = `${plural(automatic.length, 'applied write')} ${automatic.length === 1 ? 'was' : 'were'} approved automatically (mode "auto"): the approver key signed, but no person reviewed the proposal`;
    issues.push(warnIssue('APPROVAL_AUTOMATIC', message, ...firstEvidence(automatic.map((a) => evidenceOf(a)))));
  }
  const evidence: Evidence[] = [
    { pointer: '/records', note: plural(applied.length, 'applied write') },
    { pointer: '/approvals', note: `${index.approvals.length} approval(s) signed by a trusted approver key` },
    ...applied.map((d) => evidenceOf(d)),
  ];
  const failed = issues.some((i) => i.severity === 'fail');
  const writes = applied.length === 1 ? 'The one applied write' : `Every one of the ${plural(applied.length, 'applied write')}`;
  const message = failed
    ? applied.length === 1
      ? 'The one applied write lacks a prior proposal or a bound approval.'
      : `Some of the ${plural(applied.length, 'applied write')} lack a prior proposal or a bound approval.`
    : `${writes} has a prior proposal and, where the WPC requires one, a signed approval bound to it.`;
  return checkResult('approvals', issues, evidence, message);
}

function applyIssues(index: RecordIndex, policy: NormalizedPolicy | null, d: IndexedRecord<'decision'>, used: Set<number>): CheckIssue[] {
  const r = d.payload;
  const action = canonicalActionName(r.action) ?? r.action;
  const what = `${action} on ticket ${r.ticket_id} (record ${r.record_id})`;
  const proposal = proposalOf(index, d);
  if (proposal === null) {
    return [
      failIssue(
        'APPLY_WITHOUT_PROPOSAL',
        `${what} was applied without an earlier proposal of the same ticket: ${whyNoProposal(index, d)}`,
        evidenceOf(d, { payloadPointer: '/proposal_hash', actual: String(r.proposal_hash) }),
      ),
    ];
  }
  const listed = proposal.payload.proposal.actions.some((a) => canonicalActionName(a.action) === action && canonicalJson(a.args) === canonicalJson(r.args));
  if (!listed) {
    return [
      failIssue(
        'APPLY_WITHOUT_PROPOSAL',
        `${what} was applied, but its proposal ${proposal.payload.record_id} does not list it with these arguments`,
        evidenceOf(d, { payloadPointer: '/args', actual: canonicalJson(r.args) }),
        evidenceOf(proposal, { payloadPointer: '/proposal/actions' }),
      ),
    ];
  }
  if (policy === null) {
    return [failIssue('APPROVAL_UNVERIFIABLE', `${what}: without a verified, valid WPC it cannot be known whether it needed approval`, evidenceOf(d))];
  }
  if (!approvalRequired(policy, action)) return [];
  const binding = approvalFor(index, d);
  if (binding.status !== 'bound') {
    const evidence = [evidenceOf(d, { payloadPointer: '/proposal_hash', expected: proposal.hash })];
    if (binding.approval !== null) evidence.push(evidenceOf(binding.approval));
    return [failIssue(BINDING_CODES[binding.status], `${what} needed an approval of proposal ${proposal.payload.record_id}: ${binding.detail}`, ...evidence)];
  }
  used.add(binding.approval.index);
  if (r.approval_id !== binding.approval.payload.approval_id) {
    return [
      failIssue(
        'APPROVAL_ID_MISMATCH',
        `${what} names approval ${String(r.approval_id)}, but the approval bound to its proposal is ${binding.approval.payload.approval_id}`,
        evidenceOf(d, { payloadPointer: '/approval_id', expected: binding.approval.payload.approval_id, actual: String(r.approval_id) }),
        evidenceOf(binding.approval),
      ),
    ];
  }
  return [];
}

/** Whether the WPC requires a recorded approval before `action` (canonical) is applied. */
function approvalRequired(policy: NormalizedPolicy, action: string): boolean {
  switch (policy.approval.kind) {
    case 'all_writes':
      return actionKind(action) === 'write';
    case 'listed':
      return policy.approval.actions.some((rule) => rule.action === action);
    case 'none':
      return false;
  }
}

function whyNoProposal(index: RecordIndex, d: IndexedRecord<'decision'>): string {
  const hash = d.payload.proposal_hash;
  if (hash === null) return 'it names no proposal_hash';
  const same = index.proposalsByHash.get(hash) ?? [];
  if (same.length === 0) return `no signed proposal record has payload hash ${hash}`;
  const p = same[0]!;
  if (p.payload.ticket_id !== d.payload.ticket_id) return `proposal ${p.payload.record_id} with that hash is of ticket ${p.payload.ticket_id}`;
  return `proposal ${p.payload.record_id} with that hash comes after it in the chain`;
}

function unusedApprovalIssues(index: RecordIndex, used: ReadonlySet<number>): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const a of index.approvals) {
    if (used.has(a.index) || a.payload.decision !== 'approved') continue;
    const approves = a.payload.actions.join(', ') || 'no action';
    issues.push(
      warnIssue('APPROVAL_UNUSED', `approval ${a.payload.approval_id} (ticket ${a.payload.ticket_id}) approves ${approves} but authorised no applied action`, evidenceOf(a)),
    );
  }
  return issues;
}
