/**
 * How each code bears on root causes. Most codes state a fact found in the bundle; some only
 * restate a fault found elsewhere, and are never chosen as a cause while one explains them:
 *  - derived: a re-derivation that disagrees because a part it reads is missing or changed (the
 *    decision re-evaluates differently because its approval is gone; a view sits at the wrong
 *    index because a receipt before it was deleted). A cause only when nothing else explains it.
 *  - restates: a seal over the whole bundle (Merkle root, counts) or a check that could not be
 *    made (the registry's `consequence` codes, *_UNVERIFIABLE): any other fault breaks them.
 */
import { CHECK_CODES, type CheckCode } from '../../format/codes.js';
import type { CheckId } from '../../format/checks.js';

export type CauseRole = 'fact' | 'derived' | 'restates';

const DERIVED: ReadonlySet<CheckCode> = new Set<CheckCode>([
  'SIGNATURE_UNVERIFIED',
  'RECEIPT_CST_MISMATCH',
  'MODEL_VIEW_MISPLACED',
  'MODEL_VIEW_MISSING',
  'MODEL_RESPONSE_MISSING',
  'MODEL_VIEW_ORPHAN',
  'MODEL_RESPONSE_ORPHAN',
  'REDACTION_RECORD_MISMATCH',
  'PROPOSAL_RECEIPT_MISMATCH',
  'MODEL_CALLS_MISMATCH',
  'RECORD_CHAIN_INCOMPLETE',
  'RECORD_BINDING_MISMATCH',
  'DECISION_MISMATCH',
  'DECISION_BINDING_INVALID',
  'DECISION_PHASE_INVALID',
  'APPROVAL_WITHHELD',
  'APPROVAL_ORPHAN',
  'APPROVAL_ID_MISMATCH',
  'SCHEDULE_MISMATCH',
  'TICKET_NOT_IN_FLIGHT',
  'CST_JTI_MISMATCH',
  'JOB_ID_MISMATCH',
  'MANIFEST_BINDING_MISMATCH',
]);

const RESTATES: ReadonlySet<CheckCode> = new Set<CheckCode>(['MERKLE_ROOT_MISMATCH', 'MERKLE_ROOT_UNCHECKABLE', 'MANIFEST_COUNT_MISMATCH', 'RECEIPT_COUNT_MISMATCH']);

/**
 * A v2 tree head that is not over the lines present: nothing under it is read (the harness's
 * covers every record), so every check that reads those lines fails for it. It ranks before
 * every other fact: no other failure can be told apart from what it makes unreadable.
 */
const SEALS_BROKEN: ReadonlySet<CheckCode> = new Set<CheckCode>(['TREE_HEAD_MISMATCH', 'TREE_SIZE_MISMATCH']);

export function causeRole(code: CheckCode): CauseRole {
  if (RESTATES.has(code) || CHECK_CODES[code].unknownSigner === 'consequence') return 'restates';
  return DERIVED.has(code) ? 'derived' : 'fact';
}

/** Rank for choosing a cause: facts first. */
export function roleRank(code: CheckCode): number {
  if (SEALS_BROKEN.has(code)) return -1;
  return { fact: 0, derived: 1, restates: 2 }[causeRole(code)];
}

/**
 * Known implications across parts that share nothing in their evidence: what a fault of the key
 * code makes other checks report. A swapped policy changes every judgement made under it; a
 * deleted, copied or moved receipt shifts the views, proposals and schedule that follow it.
 */
/** The checks that read lines a v2 tree head covers (everything but the WPC, the CST and the keys). */
const READS_SEALED_LINES: readonly CheckId[] = ['receipts', 'model_views', 'redaction', 'proposals', 'decisions', 'approvals', 'limits', 'schedule', 'tickets', 'replay', 'manifest'];

const IMPLIES: Partial<Record<CheckCode, { readonly checks?: readonly CheckId[]; readonly codes?: readonly CheckCode[] }>> = {
  POLICY_HASH_MISMATCH: { checks: ['wpc', 'cst', 'receipts', 'redaction', 'proposals', 'decisions', 'approvals', 'limits', 'schedule'] },
  WPC_INVALID: { checks: ['cst', 'redaction', 'proposals', 'decisions', 'approvals', 'limits', 'schedule'] },
  RECEIPT_CHAIN_BROKEN: {
    codes: ['MODEL_VIEW_MISPLACED', 'MODEL_VIEW_MISSING', 'MODEL_RESPONSE_MISSING', 'MODEL_VIEW_ORPHAN', 'MODEL_RESPONSE_ORPHAN', 'MODEL_CALLS_MISMATCH', 'PROPOSAL_RECEIPT_MISMATCH', 'SCHEDULE_MISMATCH'],
  },
  RECEIPT_DUPLICATE: { codes: ['MODEL_VIEW_MISPLACED', 'MODEL_VIEW_DUPLICATE', 'MODEL_RESPONSE_DUPLICATE', 'MODEL_CALLS_MISMATCH', 'SCHEDULE_MISMATCH'] },
  RECORD_CHAIN_BROKEN: { codes: ['RECORD_CHAIN_INCOMPLETE', 'SCHEDULE_MISMATCH', 'TICKET_NOT_IN_FLIGHT', 'TICKET_LIFECYCLE_INVALID'] },
  CST_JOB_MISMATCH: { codes: ['RECEIPT_JOB_MISMATCH', 'RECEIPT_CST_MISMATCH', 'RECORD_JOB_MISMATCH', 'CST_JTI_MISMATCH', 'JOB_ID_MISMATCH', 'MANIFEST_BINDING_MISMATCH'] },
  KEY_NOT_TRUSTED: { codes: ['SIGNATURE_UNVERIFIED'] },
  TREE_HEAD_MISMATCH: { checks: READS_SEALED_LINES },
  TREE_SIZE_MISMATCH: { checks: READS_SEALED_LINES },
};

export function implies(cause: CheckCode, check: CheckId, code: CheckCode): boolean {
  const rule = IMPLIES[cause];
  return rule !== undefined && (rule.checks?.includes(check) === true || rule.codes?.includes(code) === true);
}
