/**
 * The `clawproof` library entry: the isomorphic core (canonical JSON, hashing, Ed25519, DSSE,
 * JWS, trust roots) and the offline verifier (verifyBundle and its report), usable from Node and
 * from browsers without the app.
 */
export * from './core/index.js';
export {
  verifyBundle,
  VERIFIER_VERSION,
  VERIFY_ERROR_CODES,
  CHECK_IDS,
  CHECK_TITLES,
  CHECK_CODES,
  LIMITATIONS,
  compareWithExport,
  type VerifyErrorCode,
  type VerifyOptions,
  type CheckId,
  type CheckCode,
  type CheckIssue,
  type CheckResult,
  type CheckStatus,
  type Evidence,
  type Report,
  type Verdict,
  type ExportComparison,
  type TicketDiff,
  type TimelineEntry,
} from './verify/index.js';
