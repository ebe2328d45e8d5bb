// The offline verifier: verifyBundle and the report it returns. Isomorphic (no DOM, no Node APIs).
export { verifyBundle } from './verify-bundle.js';
export { summaryOf, countChecks, countLabel, countsLine, isUnreadable, verdictHeadline, STATUS_ORDER, type CheckCounts, type VerdictHeadline } from './verdict-words.js';
export { VERIFIER_VERSION } from './version.js';
export { VERIFY_ERROR_CODES, type VerifyErrorCode } from './errors.js';
export { DEFAULT_MAX_BUNDLE_BYTES, DEFAULT_MAX_BUNDLE_DEPTH } from '../format/limits.js';
export { LIMITATIONS } from './limitations.js';
export { CHECK_CODES, type CheckCode, type ResultCode } from '../format/codes.js';
export {
  CHECK_IDS,
  CHECK_TITLES,
  type CheckId,
  type CheckIssue,
  type CheckResult,
  type CheckStatus,
  type Cause,
  type CauseConsequence,
  type Evidence,
  type Report,
  type Verdict,
} from './report.js';
export type { VerifyOptions } from './context.js';
export { compareWithExport, type ExportComparison, type TicketDiff, type TimelineEntry } from './diff/index.js';
