/**
 * The verification report: every check, its status, a stable code and the evidence it looked at.
 * Shaped after Sigstore's typed checks and C2PA's validation status list: an auditor reads each line
 * without having to trust a single summary bit.
 */
import type { Digest } from '../core/hash.js';
import type { TicketId } from '../core/bundle/types.js';
import type { CheckId, CheckStatus, Verdict } from '../format/checks.js';
import type { CheckCode, IssueSeverity, ResultCode } from '../format/codes.js';
import type { TicketDiff, TimelineEntry } from './diff/types.js';


// The check ids, titles and codes are the format's (src/format); re-exported for existing importers.
export { CHECK_IDS, CHECK_STATUSES, CHECK_TITLES, VERDICTS, type CheckId, type CheckStatus, type Verdict } from '../format/checks.js';
export type { CheckCode, IssueSeverity, ResultCode } from '../format/codes.js';

/** What a check looked at: enough for the UI to link to the exact receipt, record, field or ticket. */
export interface Evidence {
  /** RFC 6901 pointer into the bundle document. */
  readonly pointer?: string;
  /** RFC 6901 pointer into the decoded signed payload of the part at `pointer` (its base64 hides it). */
  readonly payloadPointer?: string;
  /** Where in the bundle's text an input error is (0-based offset; 1-based line and column, UTF-16 units). */
  readonly position?: { readonly offset: number; readonly line: number; readonly column: number };
  readonly receiptId?: string;
  readonly recordId?: string;
  readonly approvalId?: string;
  readonly ticketId?: TicketId;
  readonly keyid?: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly note?: string;
}

export interface CheckIssue {
  readonly severity: IssueSeverity;
  /** Stable code from the registry (src/format/codes.ts), e.g. SIGNATURE_INVALID, RECEIPT_CHAIN_BROKEN. */
  readonly code: CheckCode;
  readonly message: string;
  readonly evidence: readonly Evidence[];
}

export interface CheckResult {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** 'OK' on pass, 'SKIPPED' when skipped, else the code of the first issue of the worst severity. */
  readonly code: ResultCode;
  /** One plain-language sentence: what was checked and what was found. */
  readonly message: string;
  /** What the check looked at (on pass too: an auditor sees the coverage). */
  readonly evidence: readonly Evidence[];
  readonly issues: readonly CheckIssue[];
}

/** A failure that follows from a cause: the issue as its check reported it. */
export interface CauseConsequence {
  readonly check: CheckId;
  /** Index of the issue in that check's `issues`. */
  readonly issue: number;
  readonly code: CheckCode;
  readonly message: string;
  /** The issue's first evidence pointer (null: its evidence names no place in the bundle). */
  readonly pointer: string | null;
}

/**
 * A root cause: the first broken fact of one group of failures, in one sentence an auditor reads
 * (causes/sentences.ts), with the failures that follow from it (grouping rule: causes/group.ts).
 */
export interface Cause {
  /** "Receipt 6 of 16 is missing: the chain jumps from receipt 5 to receipt 7." */
  readonly sentence: string;
  readonly check: CheckId;
  /** Index of the cause's issue in that check's `issues`. */
  readonly issue: number;
  readonly code: CheckCode;
  /** The issue's own message, as its check reported it. */
  readonly message: string;
  /** Every pointer of the issue's evidence, in order, without repeats. */
  readonly pointers: readonly string[];
  /** The failures that follow from this cause, in report order (check order, then issue order). */
  readonly consequences: readonly CauseConsequence[];
}

export interface Report {
  readonly reportVersion: 1;
  readonly verifier: { readonly name: 'clawproof'; readonly version: string };
  readonly verdict: Verdict;
  /** Leads with the root cause sentence(s) (verdict-words.ts): "Invalid: receipt 6 of 16 is missing: ... (and 2 other causes)." */
  readonly summary: string;
  /**
   * The root causes of the failures, earliest in the bundle first; every failing issue is a cause
   * or a consequence of exactly one. Empty when nothing failed (a valid bundle, warnings or not).
   */
  readonly causes: readonly Cause[];
  readonly checkedAt: string;
  readonly bundle: {
    readonly hash: Digest | null;
    readonly bytes: number;
    readonly mediaType: string | null;
    readonly version: number | null;
    readonly jobId: string | null;
    readonly policyHash: string | null;
  };
  readonly trustRoot: { readonly name: string; readonly hash: Digest; readonly demoOnly: boolean };
  readonly checks: readonly CheckResult[];
  /** What a pass does not prove (C2PA-style limits of the claim). */
  readonly limitations: readonly string[];
  /** Per ticket: field-level before/after diff, each change linked to its apply, proposal, receipt and approval (diff/ticket-diff.ts). */
  readonly tickets: readonly TicketDiff[];
  /** Model calls, proposals, tool decisions, approvals and limit events in time order (diff/timeline.ts). */
  readonly timeline: readonly TimelineEntry[];
}

export type {
  ApplyLink,
  ApprovalLink,
  ChangeCause,
  ExpectedValue,
  ExportComparison,
  ExportField,
  FieldChange,
  ProposalLink,
  ReceiptLink,
  TicketDiff,
  TimelineEntry,
  UnexplainedChange,
} from './diff/types.js';
