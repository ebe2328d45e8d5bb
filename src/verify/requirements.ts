/**
 * Every absolute requirement of docs/FORMATS.md (MUST, MUST NOT, SHALL, SHALL NOT, REQUIRED), by
 * the id written after its sentence in docs/formats-parts/, with whom it binds and what holds it:
 * the report codes the verifier emits when a bundle breaks it, and the tests that pin it (each
 * mentions the id in a title or comment). test/docs/requirements.test.ts fails when a requirement
 * has no id, an id is listed here but not in the spec, or an id has neither, so the spec cannot
 * promise what the verifier skips. Data only: nothing in the verifier reads it.
 */
import type { CheckCode } from '../format/codes.js';
import type { VerifyErrorCode } from './errors.js';

/** Who must do what the sentence says: the verifier (reading), the producer (writing), or both. */
export type Binds = 'verifier' | 'producer' | 'both';

export interface Requirement {
  readonly binds: Binds;
  /** Codes the verifier reports (report codes, src/format/codes.ts) or throws when the requirement is broken. */
  readonly codes?: readonly (CheckCode | VerifyErrorCode | 'TRUST_ROOT_INVALID')[];
  /** Repository-relative test files that pin it and mention the id. */
  readonly tests?: readonly string[];
}

/** The id prefix of each spec part: `[R-<prefix>-<n>]`, n counting from 1, never reused. */
export const REQUIREMENT_PREFIXES: Readonly<Record<string, string>> = {
  '10-encoding.md': 'ENC',
  '20-ed25519.md': 'EDDSA',
  '30-signed-formats.md': 'SIG',
  '40-wpc.md': 'WPC',
  '50-redaction.md': 'RED',
  '60-tickets-and-models.md': 'TKT',
  '70-bundle.md': 'BUNDLE',
  '75-bundle-v2.md': 'V2',
  '80-runtime.md': 'RUN',
  '90-verification.md': 'VERIFY',
  '91-verification-semantics.md': 'SEM',
  '95-security.md': 'SEC',
  '96-conformance.md': 'CONF',
};

const BYTES = 'test/core/bytes.test.ts';
const JSON_TESTS = 'test/core/json.test.ts';
const CANONICAL = 'test/core/canonical.test.ts';
const HASH = 'test/core/hash.test.ts';
const ED25519 = 'test/core/ed25519/verdicts.test.ts';
const KEYID = 'test/core/keyid.test.ts';
const DSSE = 'test/core/dsse.test.ts';
const JWS = 'test/core/jws.test.ts';
const TRUST_ROOT = 'test/core/trust-root.test.ts';
const MERKLE = 'test/core/merkle.test.ts';
const KEYRING = 'test/runtime/keys/keyring.test.ts';
const RUNTIME_LIMITS = 'test/runtime/job/limits.test.ts';
const WPC_VALIDATE = 'test/policy/validate.test.ts';
const WPC_TEXT = 'test/policy/validate-text.test.ts';
const VERIFY_BUNDLE = 'test/verify/verify-bundle.test.ts';
const INPUT = 'test/verify/input.test.ts';
const HOSTILE = 'test/verify/hostile.test.ts';
const CALL_OUTCOME = 'test/verify/derive/call-outcome.test.ts';
const EFFECTS = 'test/verify/diff/effects.test.ts';
const CONFORMANCE_COMPARE = 'test/verify/conformance/compare.test.ts';
const check = (name: string): string => `test/verify/checks/${name}.test.ts`;
const V2_TAMPERS = 'test/verify/v2/tampers.test.ts';

export const REQUIREMENTS: Readonly<Record<string, Requirement>> = {
  // 10 Encodings
  'R-ENC-1': { binds: 'verifier', tests: [BYTES, JSON_TESTS] },
  'R-ENC-2': { binds: 'producer', tests: [BYTES, HASH] },
  'R-ENC-3': { binds: 'verifier', codes: ['INPUT_NOT_UTF8'], tests: [BYTES, HOSTILE] },
  'R-ENC-4': { binds: 'verifier', tests: [BYTES, JSON_TESTS] },
  'R-ENC-5': { binds: 'verifier', tests: [BYTES] },
  'R-ENC-6': { binds: 'verifier', tests: [BYTES] },
  'R-ENC-7': { binds: 'verifier', codes: ['ENVELOPE_MALFORMED'], tests: [BYTES, check('structure')] },
  'R-ENC-8': { binds: 'verifier', tests: [BYTES] },
  'R-ENC-9': { binds: 'verifier', tests: [BYTES] },
  'R-ENC-10': { binds: 'verifier', codes: ['CST_MALFORMED'], tests: [BYTES] },
  'R-ENC-11': { binds: 'both', codes: ['INPUT_NOT_JSON', 'INPUT_DUPLICATE_KEY', 'PAYLOAD_NOT_JSON', 'PAYLOAD_DUPLICATE_KEY'], tests: [JSON_TESTS, INPUT] },
  'R-ENC-12': { binds: 'verifier', tests: [JSON_TESTS] },
  'R-ENC-13': { binds: 'verifier', codes: ['INPUT_TOO_DEEP'], tests: [JSON_TESTS, HOSTILE] },
  'R-ENC-14': { binds: 'producer', codes: ['INPUT_NOT_JSON_DATA'], tests: [CANONICAL] },
  'R-ENC-15': { binds: 'verifier', codes: ['DIGEST_INVALID'], tests: [HASH, check('structure')] },
  // 20 Ed25519
  'R-EDDSA-1': { binds: 'verifier', codes: ['SIGNATURE_INVALID'], tests: [ED25519, check('trust')] },
  'R-EDDSA-2': { binds: 'verifier', codes: ['SIGNATURE_INVALID'], tests: [ED25519, check('trust')] },
  // 30 Signed formats
  'R-SIG-1': { binds: 'both', tests: [KEYID] },
  'R-SIG-2': { binds: 'verifier', codes: ['TRUST_ROOT_INVALID'], tests: [TRUST_ROOT, KEYRING] },
  'R-SIG-3': { binds: 'verifier', codes: ['ENVELOPE_MALFORMED'], tests: [DSSE, check('structure')] },
  'R-SIG-4': { binds: 'producer', tests: [DSSE] },
  'R-SIG-5': { binds: 'verifier', codes: ['PAYLOAD_TYPE_MISMATCH'], tests: [DSSE, check('structure')] },
  'R-SIG-6': { binds: 'verifier', tests: [DSSE, check('trust'), check('cst')] },
  'R-SIG-7': { binds: 'verifier', codes: ['CST_MALFORMED'], tests: [JWS] },
  'R-SIG-8': { binds: 'verifier', codes: ['JWS_ALG_UNSUPPORTED'], tests: [JWS, check('cst')] },
  'R-SIG-9': { binds: 'verifier', codes: ['CST_MALFORMED'], tests: [JWS] },
  'R-SIG-10': { binds: 'verifier', codes: ['CST_MALFORMED'], tests: [JWS] },
  'R-SIG-11': { binds: 'verifier', codes: ['CST_MALFORMED'], tests: [JWS] },
  'R-SIG-12': { binds: 'verifier', codes: ['JWS_TYPE_MISMATCH'], tests: [JWS, check('cst')] },
  'R-SIG-13': { binds: 'verifier', codes: ['VERIFY_TRUST_ROOT_MISSING', 'KEY_NOT_TRUSTED'], tests: [VERIFY_BUNDLE, check('trust')] },
  'R-SIG-14': { binds: 'verifier', codes: ['TRUST_ROOT_DEMO_ONLY'], tests: ['test/e2e/trust.spec.ts', 'test/cli/commands/verify.test.ts'] },
  'R-SIG-15': { binds: 'verifier', codes: ['TRUST_ROOT_INVALID'], tests: [TRUST_ROOT] },
  'R-SIG-16': { binds: 'verifier', codes: ['TRUST_ROOT_INVALID'], tests: [TRUST_ROOT, VERIFY_BUNDLE] },
  'R-SIG-17': { binds: 'verifier', tests: [MERKLE] },
  'R-SIG-18': { binds: 'verifier', tests: [MERKLE] },
  // 40 Work Policy Contract
  'R-WPC-1': { binds: 'verifier', codes: ['PAYLOAD_DUPLICATE_KEY'], tests: [WPC_TEXT] },
  'R-WPC-2': { binds: 'verifier', codes: ['WPC_INVALID'], tests: [WPC_VALIDATE] },
  'R-WPC-3': { binds: 'both', codes: ['CST_PIN_MISSING'], tests: [check('cst')] },
  'R-WPC-4': { binds: 'both', codes: ['CST_PIN_MISSING'], tests: [check('cst')] },
  'R-WPC-5': { binds: 'verifier', codes: ['WPC_INVALID'], tests: [WPC_VALIDATE] },
  'R-WPC-6': { binds: 'both', codes: ['WPC_INVALID'], tests: [WPC_VALIDATE] },
  // 70 Proof bundle
  'R-BUNDLE-1': { binds: 'verifier', codes: ['UNKNOWN_FIELD'], tests: [check('structure')] },
  'R-BUNDLE-2': { binds: 'verifier', tests: [VERIFY_BUNDLE] },
  'R-BUNDLE-3': { binds: 'both', codes: ['KEY_NOT_TRUSTED', 'KEY_OUTSIDE_VALIDITY', 'SIGNING_TIME_UNKNOWN'], tests: [check('trust')] },
  'R-BUNDLE-4': { binds: 'verifier', codes: ['PAYLOAD_NOT_JSON', 'PAYLOAD_DUPLICATE_KEY', 'PAYLOAD_NOT_CANONICAL'], tests: [check('structure')] },
  'R-BUNDLE-5': { binds: 'verifier', codes: ['PAYLOAD_TYPE_MISMATCH'], tests: [check('structure')] },
  'R-BUNDLE-6': { binds: 'verifier', codes: ['UNKNOWN_FIELD', 'FIELD_MISSING'], tests: [check('structure')] },
  'R-BUNDLE-7': { binds: 'producer', codes: ['POLICY_HASH_MISMATCH', 'RECORD_BINDING_MISMATCH'], tests: [check('wpc'), check('receipts')] },
  'R-BUNDLE-8': { binds: 'producer', codes: ['WPC_INVALID'], tests: [check('wpc')] },
  'R-BUNDLE-9': { binds: 'producer', codes: ['MANIFEST_BINDING_MISMATCH', 'CST_JTI_MISMATCH', 'RECEIPT_CST_MISMATCH'], tests: [check('manifest'), check('replay')] },
  'R-BUNDLE-10': { binds: 'producer', codes: ['CST_SCOPE_EXCEEDS_POLICY'], tests: [check('cst')] },
  'R-BUNDLE-11': { binds: 'producer', codes: ['CST_NOT_YET_VALID', 'CST_EXPIRED'], tests: [check('cst')] },
  'R-BUNDLE-12': { binds: 'producer', codes: ['RECEIPT_CHAIN_BROKEN'], tests: [check('receipts')] },
  'R-BUNDLE-13': { binds: 'producer', codes: ['LIMIT_EXCEEDED', 'MODEL_CALLS_MISMATCH'], tests: [RUNTIME_LIMITS, check('proposals'), CALL_OUTCOME] },
  'R-BUNDLE-14': { binds: 'verifier', codes: ['REDACTION_LEAK', 'MAX_CHARS_EXCEEDED'], tests: [check('redaction')] },
  'R-BUNDLE-15': { binds: 'verifier', codes: ['REDACTION_LEAK'], tests: [check('redaction')] },
  'R-BUNDLE-16': { binds: 'producer', codes: ['RECORD_TIME_REVERSED'], tests: [check('decisions')] },
  'R-BUNDLE-17': { binds: 'verifier', codes: ['JOB_LIMITS_MISMATCH'], tests: [check('schedule')] },
  'R-BUNDLE-18': { binds: 'producer', codes: ['VALUE_OUT_OF_RANGE'], tests: [check('input-skipped')] },
  'R-BUNDLE-19': { binds: 'producer', codes: ['REDACTION_RECORD_MISMATCH'], tests: [check('redaction')] },
  'R-BUNDLE-20': { binds: 'producer', codes: ['DECISION_MISMATCH'], tests: [check('decisions')] },
  'R-BUNDLE-21': { binds: 'producer', codes: ['APPROVAL_MODE_MISMATCH'], tests: [check('approval-requests')] },
  'R-BUNDLE-22': { binds: 'producer', codes: ['TICKET_STATE_MISMATCH'], tests: [check('tickets')] },
  'R-BUNDLE-23': { binds: 'producer', codes: ['DECISION_MISMATCH'], tests: [check('decisions'), EFFECTS] },
  'R-BUNDLE-24': { binds: 'producer', codes: ['DECISION_MISMATCH'], tests: [EFFECTS] },
  // 75 Proof bundle format v2
  'R-V2-1': { binds: 'producer', codes: ['LINE_NOT_CANONICAL', 'LINE_UNTERMINATED'] },
  'R-V2-2': {
    binds: 'verifier',
    codes: ['LINE_TOO_LONG', 'LINE_UNTERMINATED', 'LINE_NOT_UTF8', 'LINE_NOT_JSON', 'LINE_NOT_CANONICAL', 'LINE_NOT_OBJECT', 'LINE_TYPE_UNKNOWN', 'LINE_SCHEMA_INVALID', 'VERSION_UNSUPPORTED', 'MEDIA_TYPE_UNKNOWN', 'HEADER_COUNT_EXCEEDED', 'HEADER_COUNT_MISMATCH'],
  },
  'R-V2-3': { binds: 'verifier', codes: ['HEADER_MISSING', 'LINE_OUT_OF_ORDER', 'LINE_AFTER_TREE_HEADS', 'TREE_HEADS_MISSING'] },
  'R-V2-4': { binds: 'both', codes: ['SEQ_OUT_OF_ORDER'] },
  'R-V2-5': { binds: 'both', codes: ['RECORD_AT_MISSING', 'RECORD_AT_REPEATED'] },
  'R-V2-6': { binds: 'both', codes: ['PROPOSAL_SEQ_UNKNOWN'] },
  'R-V2-7': { binds: 'verifier', codes: ['TREE_HEAD_SERVICE_MISMATCH', 'TREE_SIZE_MISMATCH', 'TREE_HEAD_MISMATCH'] },
  'R-V2-8': { binds: 'verifier', codes: ['TREE_HEAD_BINDING_MISMATCH', 'POLICY_HASH_MISMATCH'] },
  'R-V2-9': { binds: 'verifier', codes: ['TREE_HEAD_MISMATCH'], tests: [V2_TAMPERS] },
  'R-V2-10': { binds: 'verifier', codes: ['SIGNATURE_KEY_UNKNOWN'] },
  'R-V2-11': { binds: 'verifier', codes: ['SIGNATURE_UNVERIFIED', 'KEY_NOT_TRUSTED'], tests: [V2_TAMPERS] },
  // 80 Simulated runtime
  'R-RUN-1': { binds: 'both', tests: [KEYRING] },
  'R-RUN-2': { binds: 'producer', codes: ['SCHEDULE_MISMATCH'], tests: [RUNTIME_LIMITS, check('schedule')] },
  // 90 Verification
  'R-VERIFY-1': { binds: 'verifier', codes: ['KEY_NOT_TRUSTED'], tests: [check('trust'), VERIFY_BUNDLE] },
  'R-VERIFY-2': { binds: 'verifier', codes: ['UNKNOWN_FIELD', 'FIELD_MISSING'], tests: [check('structure')] },
  'R-VERIFY-3': { binds: 'verifier', codes: ['PAYLOAD_NOT_CANONICAL'], tests: [check('structure')] },
  'R-VERIFY-4': { binds: 'verifier', codes: ['KEY_OUTSIDE_VALIDITY', 'SIGNING_TIME_UNKNOWN'], tests: [check('trust')] },
  'R-VERIFY-5': { binds: 'verifier', tests: [check('redaction')] },
  // 91 Verification semantics
  'R-SEM-1': { binds: 'verifier', codes: ['DECISION_MISMATCH'], tests: [check('decisions')] },
  'R-SEM-2': { binds: 'verifier', codes: ['DECISION_MISMATCH'], tests: [check('decisions')] },
  // 96 Conformance (binds whoever runs the suite: the runner holds a verifier under test to it)
  'R-CONF-1': { binds: 'verifier', tests: ['test/cli/conformance/load-suite.test.ts'] },
  'R-CONF-2': { binds: 'verifier', tests: [CONFORMANCE_COMPARE] },
  'R-CONF-3': { binds: 'verifier', tests: [CONFORMANCE_COMPARE] },
  'R-CONF-4': { binds: 'verifier', tests: [CONFORMANCE_COMPARE] },
};
