// The simulated runtime: services with their own keys, the job that drives them, proof bundles.
// Isomorphic (the Lab runs it in the browser); Node-only helpers live in ./node and are not re-exported.
export { RUNTIME_ERROR_CODES, BAD_INPUT_CODES, runtimeError, type RuntimeErrorCode } from './errors.js';
export { SimulatedClock, formatTimestamp, parseTimestamp, numericDate, type Clock } from './clock.js';
export { deriveJobIdentity, itemId, type JobIdentity, type JobIdentityInput } from './ids.js';
export {
  KEYRING_MEDIA_TYPE,
  KEYRING_VERSION,
  SIGNING_ROLES,
  parseKeyring,
  serializeKeyring,
  signerFor,
  checkKeysValidAt,
  keyringEntry,
  type Keyring,
  type KeyringEntry,
  type KeyringPurpose,
  type Signer,
  type SigningRole,
} from './keys/keyring.js';
export { DEMO_KEYRING_SEED, DEMO_VALID_FROM, DEMO_VALID_UNTIL, demoKeyring, demoSeed, newKeyring, type NewKeyringOptions } from './keys/generate.js';
export { trustRootFromKeyring } from './keys/trust-root.js';
export { WpcStore, type WpcEntry } from './services/wpc-store.js';
export { CstMinter, type MintRequest, type MintedCst } from './services/cst-minter.js';
export { CST_AUDIENCE, CST_ISSUER, DEFAULT_CST_TTL_SECONDS, MAX_CST_TTL_SECONDS, cstSubject } from './services/cst.js';
export { checkCst, type CstExpectations } from './services/cst-check.js';
export { defaultScopes, scopeVerdict, type ScopeVerdict } from './services/scopes.js';
export { ReceiptingProxy, type ModelCall, type ProxyOptions, type ReceiptedCall } from './services/proxy.js';
export { Approver, type ApprovalInput, type SignedApproval } from './services/approver.js';
export type { ClassifierModel } from './services/model.js';
export {
  ApprovalQueue,
  approvalModeName,
  type ApprovalAnswer,
  type ApprovalDecider,
  type ApprovalMode,
  type ApprovalRequest,
  type PendingApproval,
} from './approvals.js';
export { RecordLog, type AppendedRecord, type RecordBody } from './records/record-log.js';
export { ARG_SCHEMAS, LABEL_PATTERN, TEMPLATE_PATTERN, addTag, applyEffect, argsProblem } from './executor/effects.js';
export { gate, type GateCall, type GateContext, type GateDecision } from './executor/gate.js';
export { proposalFromResponse, type ProposalResult } from './executor/proposal.js';
export {
  DEFAULT_ARRIVAL,
  DEFAULT_LATENCY,
  arrivalOffset,
  callLatency,
  type Arrival,
  type ModelLatency,
} from './schedule/options.js';
export { RATE_WINDOW_MS, RateWindow } from './schedule/rate-window.js';
export { degradeThreshold, type ScheduleLimits } from './job/scheduler.js';
export { MAX_TICKETS, type RunJobOptions, type RunProgress } from './job/options.js';
export { HARNESS_ATTEMPT_CEILING, HARNESS_MAX_ATTEMPTS, runJob, type RunResult, type RunSummary, type TicketSummary } from './job/run-job.js';
export type { Degradation } from './job/context.js';
export { assembleBundle, type ManifestBinding } from './bundle/assemble.js';
export { bundleBytes, serializeBundle } from './bundle/serialize.js';
export { exportBundleV2, v2SignersOf, type V2RunSigners } from './bundle/export-v2.js';
