/**
 * Every code a verification report can carry on an issue (docs/FORMATS.md, "Verification"): the
 * checks that report it, its severity, how it bears on the verdict unknown-signer, and one line
 * of meaning. The report's types take their codes from here, so a code the registry does not
 * know does not compile; the spec's code tables are generated from here
 * (scripts/generate-code-tables.ts), so they cannot drift from what the verifier emits.
 */
import { CHECK_IDS, type CheckId } from './checks.js';

export type IssueSeverity = 'fail' | 'warn';

/**
 * How a failing issue of a code bears on the verdict unknown-signer (src/verify/verdict.ts):
 *  - cause: the signer is unknown; some issue of such a code is needed for that verdict;
 *  - consequence: a check could not be made without a part no trusted key signed (always excused);
 *  - evidence: excused only when all its evidence lies in such parts (else the verdict is invalid);
 *  - none: a warning, which never changes the verdict.
 */
export type UnknownSignerRole = 'cause' | 'consequence' | 'evidence' | 'none';

export interface CodeSpec {
  /** The checks that report it, in report order. */
  readonly checks: readonly CheckId[];
  readonly severity: IssueSeverity;
  /** Checks that, in some cases, report it as a warning instead (limits: a threshold misquoted). */
  readonly warnsIn?: readonly CheckId[];
  readonly unknownSigner: UnknownSignerRole;
  /** When it is reported, in one line: the spec's code tables print it. */
  readonly doc: string;
}

function fail<const C extends readonly CheckId[]>(checks: C, doc: string) {
  return { checks, severity: 'fail', unknownSigner: 'evidence', doc } as const;
}
function cause<const C extends readonly CheckId[]>(checks: C, doc: string) {
  return { checks, severity: 'fail', unknownSigner: 'cause', doc } as const;
}
function consequence<const C extends readonly CheckId[]>(checks: C, doc: string) {
  return { checks, severity: 'fail', unknownSigner: 'consequence', doc } as const;
}
function warn<const C extends readonly CheckId[]>(checks: C, doc: string) {
  return { checks, severity: 'warn', unknownSigner: 'none', doc } as const;
}

// Who reports a part's reading codes: structure (all but the signature verdicts) and the part's
// own check (wpc, cst, receipts, manifest; decisions for records). Approvals are read, but their
// envelope problems are reported by structure and trust only.
const ENVELOPE_READERS = ['structure', 'wpc', 'receipts', 'decisions', 'manifest'] as const;
const PAYLOAD_READERS = ['structure', 'wpc', 'cst', 'receipts', 'decisions', 'manifest'] as const;
const SCHEMA_READERS = ['structure', 'cst', 'receipts', 'decisions', 'manifest'] as const;
/** Parts with an RFC 3339 `at` or `created_at`, a payload `v`: receipts, records, approvals, the manifest. */
const VERSIONED_READERS = ['structure', 'receipts', 'decisions', 'manifest'] as const;

export const CHECK_CODES = {
  // Input that cannot be read at all (docs: "Reading the bundle").
  INPUT_TOO_LARGE: fail(['structure'], 'more than `maxBytes` bytes (for a parsed value: more than `maxBytes` bytes once serialised)'),
  INPUT_TOO_DEEP: fail(['structure'], 'more than `maxDepth` nested arrays and objects'),
  INPUT_NOT_UTF8: fail(['structure'], 'ill-formed UTF-8'),
  INPUT_DUPLICATE_KEY: fail(['structure'], 'a member name twice in one object'),
  INPUT_NOT_JSON: fail(
    ['structure'],
    "anything else the strict parser refuses (syntax, trailing data, lone surrogate, byte order mark, overflowing number); the issue's evidence has the `position`",
  ),
  INPUT_NOT_JSON_DATA: fail(
    ['structure'],
    'a parsed value that is not JSON data (`undefined`, functions, symbols, bigints, `NaN`, `Date`, `Map`, class instances, holes, accessors, cycles); evidence has the pointer',
  ),
  INPUT_NOT_OBJECT: fail(['structure'], 'a JSON document that is not an object'),

  // The document and the schemas of every part (docs: "Reading the parts").
  MEDIA_TYPE_UNKNOWN: fail(['structure'], "the document's `mediaType` is not `application/vnd.clawproof.bundle+json` (a v2 header's: not `application/vnd.clawproof.bundle.v2+jsonl`)"),
  UNKNOWN_FIELD: fail(SCHEMA_READERS, 'a member the format does not define (one issue per member)'),
  FIELD_MISSING: fail(SCHEMA_READERS, 'a required member is absent'),
  WRONG_TYPE: fail(SCHEMA_READERS, 'a value of the wrong JSON type (a fraction where an integer is required, too)'),
  VALUE_INVALID: fail(['structure', 'decisions'], 'a value outside its enumeration, or of none of the allowed shapes (a `steady` arrival without `per_minute`)'),
  VALUE_OUT_OF_RANGE: fail(SCHEMA_READERS, 'a number outside its bounds (for example a negative `seq`, or an `input_skipped.count` below its number of items)'),
  ARRAY_TOO_LONG: fail(['structure', 'cst', 'decisions'], 'an array longer than its cap (a bundle list over its cap is read as empty)'),
  ARRAY_TOO_SHORT: fail(['structure'], 'an array shorter than its minimum (an approval without `actions`)'),
  STRING_TOO_LONG: fail(SCHEMA_READERS, 'a string longer than its cap'),
  STRING_TOO_SHORT: fail(['structure', 'receipts', 'decisions'], 'a string shorter than its minimum (an empty `model`)'),
  RECORD_KIND_UNKNOWN: fail(['structure', 'decisions'], 'a record whose `kind` is none of the eight kinds'),
  VERSION_UNSUPPORTED: fail(VERSIONED_READERS, 'a payload whose `v` is not `1`, or a document whose `version` is not `1`; a v2 header of another version'),
  DIGEST_INVALID: fail(SCHEMA_READERS, 'not `sha256:` and 64 lowercase hex digits'),
  TIMESTAMP_INVALID: fail(VERSIONED_READERS, 'not `YYYY-MM-DDTHH:MM:SS.sssZ` with a real date and time'),
  ID_INVALID: fail(SCHEMA_READERS, 'an identifier outside `^[A-Za-z0-9_.:-]{1,128}$`'),

  // Envelopes, the CST and the WPC as read (docs: "Reading the parts").
  ENVELOPE_MALFORMED: fail(ENVELOPE_READERS, 'an envelope outside the DSSE profile of section "DSSE envelopes" (evidence: the offending member)'),
  SIGNATURE_COUNT_INVALID: fail(ENVELOPE_READERS, 'an envelope without exactly one signature'),
  PAYLOAD_TYPE_MISMATCH: fail(ENVELOPE_READERS, "an envelope whose `payloadType` is not its place's (it is then not verified at all)"),
  SIGNATURE_INVALID: fail(
    ['trust', 'wpc', 'cst', 'receipts', 'decisions', 'manifest'],
    "no signature verified, and a key the trust root lists for the part's role gave one that does not verify",
  ),
  SIGNATURE_UNVERIFIED: cause(['wpc', 'cst', 'receipts', 'decisions', 'manifest'], "no signature names a key the trust root lists for the part's role; its content is not read"),
  PAYLOAD_DUPLICATE_KEY: fail(PAYLOAD_READERS, "a signed payload (or the CST's claims) names a member twice"),
  PAYLOAD_NOT_JSON: fail(PAYLOAD_READERS, "a signed payload (or the CST's claims) that is not strict JSON within depth 64"),
  PAYLOAD_NOT_CANONICAL: fail(ENVELOPE_READERS, 'a signed payload that is not its own RFC 8785 form'),
  CST_MALFORMED: fail(['structure', 'cst'], 'a CST that is not a string or not a compact JWS of the profile, or whose header has no `kid`'),
  JWS_ALG_UNSUPPORTED: fail(['structure', 'cst'], "a CST whose `alg` is not `EdDSA`"),
  WPC_INVALID: fail(['structure', 'wpc'], 'a WPC payload that is not an object (structure), or an error of the WPC validator (wpc; evidence note: its code)'),

  // trust
  KEY_NOT_TRUSTED: cause(['trust'], "a part signed only by keys the trust root does not list for its role (the message says when it lists them for other roles)"),
  KEY_OUTSIDE_VALIDITY: fail(['trust'], "the key that verified a part is outside its validity window at the part's signing time (with `options.now`: at `now`)"),
  SIGNATURE_MISSING: fail(['trust'], 'a signed part that could not be read, so no signature on it could be checked'),
  SIGNING_TIME_UNKNOWN: fail(['trust'], "a validly signed part without a signing time: neither its own time nor the job's start can be read"),
  TRUST_ROOT_DEMO_ONLY: warn(['trust'], 'the trust root is marked `demoOnly`: its secret keys are published, so its signatures prove nothing about who signed'),

  // wpc, and the policy hash wherever a part names it
  POLICY_HASH_MISMATCH: fail(
    ['wpc', 'cst', 'receipts', 'manifest'],
    "a policy hash that the manifest, the CST's pin, the `job_start` record or a receipt names differs from the WPC's",
  ),

  // cst
  JWS_TYPE_MISMATCH: fail(['cst'], "the CST header's `typ` is not `cst+jwt`"),
  CST_CLAIM_INVALID: fail(['cst'], '`iss` is not `clawscope`, `aud` not `clawproxy`, or `sub` not `job:` + `job_id`'),
  CST_WINDOW_INVALID: fail(['cst'], '`exp` is not after `max(iat, nbf)`, `nbf` differs from `iat`, or `exp - iat` exceeds 604,800 seconds'),
  CST_EXPIRED: fail(['cst'], 'a receipt or record dated at or after `exp` (or `options.now` at or after it)'),
  CST_NOT_YET_VALID: fail(['cst'], 'a receipt or record dated before `max(iat, nbf)` (or `options.now` before it)'),
  CST_JOB_MISMATCH: fail(['cst'], 'the manifest, a receipt or a record names another `job_id` than the CST'),
  CST_PIN_MISSING: fail(['cst'], "the claims have no `policy_hash` and the WPC's `cst_policy_hash_pin` is true (its default)"),
  CST_PIN_UNVERIFIABLE: consequence(['cst'], 'the claims have no `policy_hash` and the WPC cannot be read to tell whether it requires one'),
  CST_SCOPE_INVALID: fail(['cst'], 'a scope entry that is not a well-formed action name, not in canonical dotted form, or a repeat'),
  CST_SCOPE_EXCEEDS_POLICY: fail(['cst'], 'a scope the WPC cannot allow (on the deny list; not on the allow list; or, with no allow list, not in the catalog)'),
  CST_SCOPE_UNVERIFIABLE: consequence(['cst'], 'the scope cannot be judged: the WPC cannot be read'),

  // receipts
  RECEIPT_CHAIN_BROKEN: fail(['receipts'], "a receipt whose `seq` is not its index, whose `prev` is not the previous receipt's payload hash, or dated earlier than an earlier receipt"),
  RECEIPT_DUPLICATE: fail(['receipts'], "a receipt whose payload bytes repeat an earlier receipt's, or whose `receipt_id` is taken"),
  RECEIPT_JOB_MISMATCH: fail(['receipts'], "a receipt whose `job_id` is not the bundle's job"),
  RECEIPT_CST_MISMATCH: fail(['receipts'], "a receipt whose `cst_jti` or `cst_hash` is not the bundle's CST"),
  RECEIPT_MODEL_MISMATCH: fail(['receipts'], 'a receipt whose `model` is not `job_start.model`'),
  RECEIPT_COUNT_MISMATCH: fail(['receipts'], "the manifest's `counts.receipts` is not the number of receipts (the chain alone cannot see a cut tail)"),

  // model_views
  MODEL_VIEW_MISSING: fail(['model_views'], "no model view carries a readable receipt's `receipt_id`"),
  MODEL_VIEW_DUPLICATE: fail(['model_views'], "more than one model view carries a receipt's `receipt_id`"),
  MODEL_RESPONSE_MISSING: fail(['model_views'], "no model response carries a readable receipt's `receipt_id`"),
  MODEL_RESPONSE_DUPLICATE: fail(['model_views'], "more than one model response carries a receipt's `receipt_id`"),
  MODEL_VIEW_HASH_MISMATCH: fail(['model_views'], "the digest of a view's `request` is not its receipt's `request_hash`"),
  MODEL_RESPONSE_HASH_MISMATCH: fail(['model_views'], "the digest of a response's `response` is not its receipt's `response_hash`"),
  MODEL_VIEW_BINDING_MISMATCH: fail(['model_views'], "a view's `ticket_id` or `model` is not its receipt's"),
  MODEL_VIEW_MISPLACED: fail(['model_views'], "a model view or response that is not at its receipt's own index"),
  MODEL_VIEW_ORPHAN: fail(['model_views'], 'a model view naming no receipt of the bundle (judged when every receipt could be read)'),
  MODEL_RESPONSE_ORPHAN: fail(['model_views'], 'a model response naming no receipt of the bundle (judged when every receipt could be read)'),
  MODEL_VIEW_INCONSISTENT: fail(['model_views'], 'the signed receipts of one ticket name different `request_hash` values (a retry resends the view redacted at intake)'),

  // redaction
  REDACTION_LEAK: fail(['redaction'], 'the redaction re-run finds something in a model view or response (the issue never contains the detected text)'),
  REDACTION_LEAK_NEWER_RULES: warn(['redaction'], 'what would be a `REDACTION_LEAK`, in a view redacted under an older ruleset the verifier knows (its rules only got stricter)'),
  REDACTION_RULESET_UNKNOWN: warn(['redaction'], '`job_start.redaction.ruleset` is one the verifier does not know (a newer one): views are re-scanned with its own rules'),
  REDACTION_UNCHECKABLE: fail(['redaction'], 'a model view or response the scanner refuses'),
  MAX_CHARS_EXCEEDED: fail(['redaction'], "a view's `viewChars` over the smaller of the WPC's `max_chars_sent_to_model` and `job_start.redaction.max_chars`"),
  REDACTION_RECORD_MISMATCH: fail(['redaction'], "a view's `viewChars` is not the `chars` of its ticket's signed `redaction` record"),
  REDACT_FIELD_PRESENT: fail(['redaction'], 'a value a WPC `redact_fields` path reaches in a view is not `[REDACTED_FIELD_n]` or what truncation left of it'),
  REDACTION_SETTINGS_WEAKER: fail(['redaction'], '`job_start.redaction` names an unknown detector, leaves out a detector or field the WPC requires, or caps higher than the WPC'),
  REDACTION_FINDING_MISMATCH: fail(['redaction'], "a ticket's first signed `redaction` record does not agree, finding by finding, with the view its first receipt vouches for"),
  REDACTION_TRUNCATION_MISMATCH: fail(['redaction'], "a redaction record's `truncated` does not say whether the view is cut, or the view is not cut as the format says"),

  // proposals
  PROPOSAL_MISMATCH: fail(['proposals'], 'a recorded proposal that is not RFC 8785-equal to the one its receipted answer gives'),
  PROPOSAL_RECEIPT_MISMATCH: fail(['proposals'], "a proposal whose `receipt_id` is not the call whose answer gives it (the ticket's last receipt)"),
  PROPOSAL_WITHOUT_RESPONSE: fail(['proposals'], 'a proposal recorded although no receipted answer of the ticket gives one'),
  PROPOSAL_OMITTED: fail(['proposals'], 'a receipted answer gives a proposal, but the ticket has no `proposal` record'),
  PROPOSAL_DUPLICATE: fail(['proposals'], 'a ticket with more than one `proposal` record'),
  PROPOSAL_BEFORE_RECEIPT: fail(['proposals'], 'a proposal record dated before its receipt'),
  MODEL_CALLS_MISMATCH: fail(['proposals'], 'a ticket without the number of signed receipts its receipted answers call for'),
  PROPOSAL_UNVERIFIABLE: consequence(
    ['proposals'],
    'proposals cannot be re-derived: no usable WPC, an answer not carried as receipted, or a receipt chain with an unverified envelope, a gap or a swap',
  ),

  // decisions
  RECORD_CHAIN_BROKEN: fail(['decisions'], "a record whose `seq` is not its index, or whose `prev` is not the previous record's payload hash"),
  DUPLICATE_RECORD_ID: fail(['decisions'], 'a `record_id` an earlier record already uses'),
  RECORD_JOB_MISMATCH: fail(['decisions'], "a record whose `job_id` is not the CST's (without a readable CST: the first signed record's)"),
  RECORD_TIME_INVALID: fail(['decisions'], 'a record whose `at` is not an RFC 3339 UTC timestamp'),
  RECORD_TIME_REVERSED: fail(['decisions'], 'a record dated earlier than an earlier record'),
  RECORD_CHAIN_INCOMPLETE: fail(['decisions'], 'record 0 is not `job_start`, or the last record is not `job_end`'),
  RECORD_BINDING_MISMATCH: fail(['decisions'], "`job_start.policy_hash` is not the WPC's policy hash, or `job_start.cst_jti` not the CST's `jti`"),
  DECISION_NOT_PROPOSED: fail(['decisions'], "a recorded decision that matches no entry planned from its ticket's proposal"),
  PROPOSED_ACTION_UNRECORDED: fail(['decisions'], "an entry planned from a ticket's proposal without its decision (the attempt is hidden)"),
  DECISION_PHASE_INVALID: fail(['decisions'], 'a decision matched to its planned entry, in another phase'),
  DECISION_BINDING_INVALID: fail(['decisions'], 'a decision matched to its planned entry, with another `proposal_hash` or `approval_id` than planned'),
  DECISION_MISMATCH: fail(['decisions'], "a decision whose `outcome`, `code`, `rule` or `applied` is not what the gate's re-evaluation gives"),
  DECISION_UNVERIFIABLE: consequence(['decisions'], 'no decision can be re-evaluated: there is no usable WPC or CST'),

  // approvals
  APPLY_WITHOUT_PROPOSAL: fail(['approvals'], 'an applied write without an earlier signed proposal of its ticket that has its `proposal_hash` and asks for it'),
  APPROVAL_MISSING: fail(['approvals'], 'an applied write that needs approval, without a signed approval of its proposal'),
  APPROVAL_NOT_BOUND: fail(['approvals'], 'an applied write that needs approval, whose ticket has approvals, but none of its proposal listing its action'),
  APPROVAL_LATE: fail(['approvals'], 'an applied write whose approval is dated after it'),
  APPROVAL_REJECTED: fail(['approvals'], 'an applied write whose approval was rejected'),
  APPROVAL_ID_MISMATCH: fail(['approvals'], "an applied write whose `approval_id` does not name its bound approval"),
  APPROVAL_WITHHELD: fail(['approvals'], 'actions were put to the approver, but the proposal has no approval'),
  APPROVAL_REQUEST_MISMATCH: fail(['approvals'], "an approval whose `actions` are not exactly the actions put to the approver, in order"),
  APPROVAL_UNREQUESTED: fail(['approvals'], 'an approval of a proposal of which nothing was put to the approver'),
  APPROVAL_DUPLICATE: fail(['approvals'], 'a proposal with more than one signed approval'),
  APPROVAL_MODE_MISMATCH: fail(['approvals'], "an approval whose `mode` is not the job's `approval_mode`"),
  APPROVAL_ORPHAN: fail(['approvals'], 'a signed approval naming no signed proposal record of its own ticket'),
  APPROVAL_UNVERIFIABLE: consequence(['approvals'], 'approvals cannot be judged: there is no usable WPC or CST'),
  APPROVAL_AUTOMATIC: warn(['approvals'], 'approvals with `mode: "auto"` authorised applied writes: the approver key signed, but nobody reviewed the proposal'),
  APPROVAL_UNUSED: warn(['approvals'], 'a signed approval with `decision: "approved"` that is the bound approval of no applied write'),

  // limits
  LIMIT_EXCEEDED: fail(['limits'], "an observed rate, concurrency, model calls of a ticket or tickets per run above the WPC's limit"),
  LIMIT_RECORD_MISMATCH: {
    ...fail(['limits', 'schedule'], "a limit record misstating the run: a skipped ticket with an intake, or a `threshold` or `observed` that is not the re-derived one (a warning when only the threshold differs from the WPC's)"),
    warnsIn: ['limits'],
  },
  DEGRADE_NOT_HONOURED: fail(['limits'], 'a write applied after the first signed degrade record'),
  DEGRADE_RECORD_MISMATCH: fail(['limits'], '`job_end.degraded`, `degraded_at` or `degraded_reason` misstates the degrade record'),
  LIMITS_UNVERIFIABLE: consequence(['limits'], 'there is no usable WPC to read the limits from'),

  // schedule
  JOB_LIMITS_MISMATCH: fail(['schedule'], "`job_start.limits` does not repeat the WPC's limits and the format's constants"),
  SCHEDULE_MISMATCH: fail(['schedule'], 'a record, receipt or approval not at the place and instant the re-derived schedule gives'),
  DEGRADE_REQUIRED: fail(['schedule'], 'the degrade rule fires, but the degrade record is missing'),
  DEGRADE_UNJUSTIFIED: fail(['schedule'], 'a degrade record where the rule does not fire'),
  TICKET_NOT_IN_FLIGHT: fail(['schedule'], "a record naming a ticket (other than a limit record) outside that ticket's `intake` to `ticket_done`"),
  SCHEDULE_UNVERIFIABLE: consequence(
    ['schedule'],
    'the schedule cannot be re-derived: no usable WPC or signed `job_start`, or a record or receipt chain with an unverified envelope, a gap or a swap',
  ),

  // tickets
  TICKET_STATE_MISMATCH: fail(['tickets'], "a replayed state that differs from the entry's `after`, or a `ticket_done.after_hash` that is not `digest(after)`"),
  TICKET_CONTENT_MISMATCH: fail(['tickets'], "a ticket entry whose `content_hash` is not its `intake` record's"),
  TICKET_LIFECYCLE_INVALID: fail(['tickets'], "a ticket whose signed records do not start with exactly one `intake` and end with one `ticket_done`"),
  TICKET_UNACCOUNTED: fail(['tickets'], 'a ticket with records, receipts or a second entry the entries do not account for, or job ticket counts that disagree with them'),
  ACTION_ARGS_INVALID: fail(['tickets'], 'a call recorded as applied whose arguments do not fit its action, so it has no defined effect'),
  IMPORT_ITEMS_SKIPPED: warn(['tickets'], '`job_start.input_skipped.count` > 0: the run was given input its ticket import could not use'),

  // replay
  CST_JTI_MISMATCH: fail(['replay'], "a receipt's, the `job_start` record's or the manifest's `cst_jti` is not the CST's `jti`"),
  JOB_ID_MISMATCH: fail(['replay'], 'a receipt, record, approval or the manifest naming another job'),
  CST_JTI_REUSED: fail(['replay'], "`options.seenTokens` maps the CST's `jti` to another job"),

  // A v2 file (JSON Lines) the reader refuses, at the line it is seen (docs/design/format-v2.md);
  // every other check is then skipped. The evidence's note names the line.
  HEADER_MISSING: fail(['structure'], 'the first line is not a header (or the input is empty)'),
  LINE_TOO_LONG: fail(['structure'], "a line longer than the header's `max_line_bytes` or the reader's own limit (refused before its end arrives)"),
  LINE_UNTERMINATED: fail(['structure'], 'the last line does not end in LF'),
  LINE_NOT_UTF8: fail(['structure'], 'a line that is not well-formed UTF-8'),
  LINE_NOT_JSON: fail(['structure'], 'a line that is not one strict JSON value (blank lines included)'),
  LINE_NOT_CANONICAL: fail(['structure'], 'a line that is not its own RFC 8785 canonical form'),
  LINE_NOT_OBJECT: fail(['structure'], 'a line that is not a JSON object with a string `t`'),
  LINE_TYPE_UNKNOWN: fail(['structure'], 'a line whose `t` is none of the v2 line types'),
  LINE_SCHEMA_INVALID: fail(['structure'], "a line outside its type's schema (the payload pointer says where)"),
  LINE_OUT_OF_ORDER: fail(['structure'], 'a header, wpc or cst line out of its place (lines 1, 2, 3), or tree heads out of order'),
  HEADER_COUNT_EXCEEDED: fail(['structure'], 'more lines of a kind than the header counts (refused at that line)'),
  HEADER_COUNT_MISMATCH: fail(['structure'], 'fewer lines of a kind than the header counts (found at the end)'),
  LINE_AFTER_TREE_HEADS: fail(['structure'], 'a line after the last tree head, or a job line between the heads'),
  TREE_HEADS_MISSING: fail(['structure'], 'the file ends before both tree heads (proxy, then harness)'),
  SIGNATURE_KEY_UNKNOWN: fail(['structure'], "a signed line whose key index is past the header's key list for its role"),
  SEQ_OUT_OF_ORDER: fail(['structure'], "a record's `seq` that is not its index among the records, or a receipt's among the receipts"),
  RECORD_AT_MISSING: fail(['structure'], 'the first record without `at` (there is no previous record to take it from)'),
  RECORD_AT_REPEATED: fail(['structure'], "a record stating an `at` equal to the previous record's, which the format omits (one spelling)"),
  PROPOSAL_SEQ_UNKNOWN: fail(['structure'], "a decision whose `proposal_seq` is not an earlier proposal record of the decision's ticket"),

  // The v2 tree heads: the proxy's over its receipts (receipts), the harness's over every line before the heads (manifest).
  TREE_HEAD_SERVICE_MISMATCH: fail(['receipts', 'manifest'], 'a tree head of another service than the one its place calls for'),
  TREE_SIZE_MISMATCH: fail(['receipts', 'manifest'], 'the head states another number of lines than the file has: lines were dropped or added'),
  TREE_HEAD_MISMATCH: fail(['receipts', 'manifest'], 'the head states another RFC 9162 root than the tree over the lines present: a line was changed, swapped or replaced'),
  TREE_HEAD_BINDING_MISMATCH: fail(['receipts', 'manifest'], "a head's `job_id` is not the CST's and the header's, or its `at` is not the `job_end` record's"),

  // manifest
  MANIFEST_MEDIA_TYPE_MISMATCH: fail(['manifest'], "`bundle_media_type` is not the document's media type, or not the one this verifier reads"),
  MANIFEST_VERSION_MISMATCH: fail(['manifest'], "`bundle_version` is not the document's version, or not the one this verifier reads"),
  MANIFEST_COUNT_MISMATCH: fail(['manifest'], 'a member of `counts` that is not the length of its list'),
  MERKLE_ROOT_MISMATCH: fail(['manifest'], "`tree_size` or `merkle_root` is not the RFC 9162 tree over the bundle's leaves as read"),
  MERKLE_ROOT_UNCHECKABLE: fail(['manifest'], 'the root is not recomputed: a member is missing, a list is not an array or over its cap, or a part is malformed'),
  MANIFEST_BINDING_MISMATCH: fail(['manifest'], "`job_id`, `cst_jti` or `cst_hash` is not the CST's"),
  MANIFEST_TIME_MISMATCH: fail(['manifest'], '`created_at` is not the `at` of the `job_end` record'),

  // any check
  CHECK_CRASHED: fail(CHECK_IDS, 'the check stopped with an internal error and counts as failed (a verifier bug, not a finding about the bundle)'),
} as const satisfies Readonly<Record<string, CodeSpec>>;

export type CheckCode = keyof typeof CHECK_CODES;

/** A check result's code: its first issue's of the worst severity, or OK / SKIPPED. */
export type ResultCode = CheckCode | 'OK' | 'SKIPPED';

/** Every code, in registry order. */
export const CODES = Object.keys(CHECK_CODES) as readonly CheckCode[];

/** Codes of input that cannot be read as a JSON object at all (every other check is then skipped). */
export const INPUT_CODES = [
  'INPUT_TOO_LARGE',
  'INPUT_TOO_DEEP',
  'INPUT_NOT_UTF8',
  'INPUT_DUPLICATE_KEY',
  'INPUT_NOT_JSON',
  'INPUT_NOT_JSON_DATA',
  'INPUT_NOT_OBJECT',
] as const satisfies readonly CheckCode[];
export type InputCode = (typeof INPUT_CODES)[number];

/**
 * Reader codes of a v2 file that cannot be read through (framing, a limit, cut short): like the
 * INPUT_* codes, "Cannot verify" (CLI exit 2), not a verdict. The other reader codes name a file
 * that reads but breaks the format (a seq out of order, a line after the heads): Invalid.
 */
export const V2_UNREADABLE_CODES = [
  'HEADER_MISSING',
  'LINE_TOO_LONG',
  'LINE_UNTERMINATED',
  'LINE_NOT_UTF8',
  'LINE_NOT_JSON',
  'LINE_NOT_OBJECT',
  'HEADER_COUNT_EXCEEDED',
  'TREE_HEADS_MISSING',
] as const satisfies readonly CheckCode[];

/** Codes of a file no check could be run on: there is no verdict on it (src/verify/verdict-words.ts). */
export const UNREADABLE_CODES: ReadonlySet<CheckCode> = new Set<CheckCode>([...INPUT_CODES, ...V2_UNREADABLE_CODES]);

/** Codes of a value that fails its schema (a bundle member, an unsigned entry or a signed payload). */
export const SCHEMA_CODES = [
  'UNKNOWN_FIELD',
  'FIELD_MISSING',
  'WRONG_TYPE',
  'VALUE_INVALID',
  'VALUE_OUT_OF_RANGE',
  'ARRAY_TOO_LONG',
  'ARRAY_TOO_SHORT',
  'STRING_TOO_LONG',
  'STRING_TOO_SHORT',
  'RECORD_KIND_UNKNOWN',
  'VERSION_UNSUPPORTED',
  'DIGEST_INVALID',
  'TIMESTAMP_INVALID',
  'ID_INVALID',
] as const satisfies readonly CheckCode[];
export type SchemaCode = (typeof SCHEMA_CODES)[number];

export function isCheckCode(code: string): code is CheckCode {
  return Object.hasOwn(CHECK_CODES, code);
}

export function codeSpec(code: CheckCode): CodeSpec {
  return CHECK_CODES[code];
}

/** The severities `check` may report `code` with (empty: it never reports it). */
export function severitiesIn(code: CheckCode, check: CheckId): readonly IssueSeverity[] {
  const spec = codeSpec(code);
  const out: IssueSeverity[] = [];
  if (spec.checks.includes(check)) out.push(spec.severity);
  if (spec.warnsIn?.includes(check) === true && !out.includes('warn')) out.push('warn');
  return out;
}

/** Codes whose failing issue alone makes the signer unknown (KEY_NOT_TRUSTED, SIGNATURE_UNVERIFIED). */
export const UNKNOWN_SIGNER_CODES: ReadonlySet<CheckCode> = new Set(CODES.filter((c) => CHECK_CODES[c].unknownSigner === 'cause'));
