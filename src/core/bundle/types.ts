/**
 * The shapes of a proof bundle and of every signed payload inside it. Producer (src/runtime) and
 * verifier (src/verify) share these types and nothing else of each other.
 */
import type { DsseEnvelope } from '../dsse.js';
import type { Digest } from '../hash.js';
import type { JsonObject } from '../json.js';

/** RFC 3339 UTC timestamp with milliseconds, e.g. `2026-01-05T09:00:00.000Z`. */
export type Timestamp = string;

export type TicketId = number;

/** The routing fields of a ticket: what a run may change. Never ticket text. */
export interface RoutingState {
  status: string;
  priority: string | null;
  type: string | null;
  assignee_id: number | null;
  group_id: number | null;
  tags: string[];
  internal_notes: number;
  notifications: string[];
}

export interface TicketEntry {
  ticket_id: TicketId;
  /** sha256 of the RFC 8785 bytes of the full ticket as read at intake: correlates with the system of record. */
  content_hash: Digest;
  before: RoutingState;
  after: RoutingState;
}

export interface ModelRequest {
  model: string;
  ticket_id: TicketId;
  /** The redacted model view: the only ticket content that ever leaves intake. */
  view: JsonObject;
}

export interface ModelViewEntry {
  receipt_id: string;
  request: ModelRequest;
}

export interface ModelResponseEntry {
  receipt_id: string;
  response: JsonObject;
}

export interface ProofBundle {
  mediaType: string;
  version: number;
  wpc: DsseEnvelope;
  cst: string;
  receipts: DsseEnvelope[];
  records: DsseEnvelope[];
  approvals: DsseEnvelope[];
  model_views: ModelViewEntry[];
  model_responses: ModelResponseEntry[];
  tickets: TicketEntry[];
  manifest: DsseEnvelope;
}

/** Claims of a CST (compact JWS, header {alg: "EdDSA", typ: "cst+jwt", kid}). Times are NumericDate seconds. */
export interface CstClaims {
  iss: string;
  sub: string;
  aud: string;
  jti: string;
  job_id: string;
  scope: string[];
  policy_hash?: Digest;
  iat: number;
  nbf: number;
  exp: number;
}

export interface ReceiptPayload {
  /** 1 in a v1 bundle's envelope; 2 on a v2 receipt line (which has no `prev`: null when read). */
  v: 1 | 2;
  receipt_id: string;
  seq: number;
  job_id: string;
  ticket_id: TicketId;
  model: string;
  request_hash: Digest;
  response_hash: Digest;
  cst_jti: string;
  cst_hash: Digest;
  policy_hash: Digest;
  at: Timestamp;
  prev: Digest | null;
}

export type Outcome = 'allow' | 'deny' | 'needs_approval' | 'proposal_only';

export interface ProposedAction {
  action: string;
  args: JsonObject;
}

export interface Proposal {
  category: string;
  confidence: number;
  recommended_queue: string;
  rationale: string;
  priority: string | null;
  notification_template: string | null;
  actions: ProposedAction[];
}

interface RecordBase {
  /** 1 in a v1 bundle; 2 for a record read from a v2 line (which states neither v, job_id, record_id nor prev). */
  v: 1 | 2;
  record_id: string;
  seq: number;
  job_id: string;
  at: Timestamp;
  prev: Digest | null;
}

export interface JobStartRecord extends RecordBase {
  kind: 'job_start';
  policy_hash: Digest;
  cst_jti: string;
  model: string;
  approval_mode: 'queue' | 'auto' | 'none';
  ticket_count: number;
  limits: JobLimits;
  /** The redaction applied to every model view: "proof bundles show the redaction configuration used per run". */
  redaction: RedactionSettings;
  /** What of the input the ticket import could not use. Absent in bundles made before it existed. */
  input_skipped?: InputSkipped;
}

/** Items of the run's input that were not imported: nothing is dropped without a trace. */
export interface InputSkipped {
  /** How many tickets, users and comments were skipped in all (at least `items.length`). */
  count: number;
  /** The first entries (at most 100), in input order; one may stand for a range cut off by a cap. */
  items: InputSkippedItem[];
}

export interface InputSkippedItem {
  /** The input file's base name, or `-` for standard input. */
  source: string;
  /** What was skipped; `input`: the file, or a member of it, not in a shape the import reads. */
  kind: 'ticket' | 'user' | 'comment' | 'input';
  /** RFC 6901 pointer into that file of what was skipped (`""`: the file as a whole). */
  pointer: string;
  /** Why, as the importer said it. */
  reason: string;
}

/** The limits and simulated schedule a job ran under (docs/FORMATS.md, "Proof bundle", job_start). */
export interface JobLimits {
  rate_limit_per_minute: number | null;
  max_concurrency: number | null;
  max_model_calls_per_ticket: number | null;
  max_tickets_per_run: number | null;
  degrade_backlog_threshold: number | null;
  harness_max_attempts: number;
  harness_attempt_ceiling: number;
  arrival: { kind: 'backlog'; per_minute?: never } | { kind: 'steady'; per_minute: number };
  model_latency: { base_ms: number; ms_per_100_chars: number };
}

export interface RedactionSettings {
  /** The detection ruleset the views were redacted with (src/dlp DLP_RULESET_VERSION). */
  ruleset: string;
  /** Detector ids run over every ticket document (src/dlp DETECTOR_IDS order). */
  detectors: string[];
  /** Field paths removed whole (the WPC's redact_fields). */
  redact_fields: string[];
  /** max_chars_sent_to_model applied to each view. */
  max_chars: number;
}

export interface IntakeRecord extends RecordBase {
  kind: 'intake';
  ticket_id: TicketId;
  content_hash: Digest;
}

export interface RedactionRecord extends RecordBase {
  kind: 'redaction';
  ticket_id: TicketId;
  findings: { detector: string; kind: string; pointer: string; start: number; end: number; placeholder: string }[];
  truncated: boolean;
  chars: number;
}

export interface ProposalRecord extends RecordBase {
  kind: 'proposal';
  ticket_id: TicketId;
  receipt_id: string;
  proposal: Proposal;
}

export interface DecisionRecord extends RecordBase {
  kind: 'decision';
  ticket_id: TicketId;
  phase: 'propose' | 'apply';
  action: string;
  args: JsonObject;
  outcome: Outcome;
  code: string;
  rule: string;
  reason: string;
  /** sha256 of the proposal record's payload bytes; null only for phase-1 decisions made before it exists. */
  proposal_hash: Digest | null;
  approval_id: string | null;
  applied: boolean;
}

export interface LimitRecord extends RecordBase {
  kind: 'limit';
  limit: 'rate_limit_per_minute' | 'max_concurrency' | 'max_model_calls_per_ticket' | 'max_tickets_per_run';
  threshold: number;
  observed: number;
  effect: 'throttled' | 'degraded_classify_only' | 'ticket_skipped' | 'call_refused';
  ticket_id: TicketId | null;
  reason: string;
}

export interface TicketDoneRecord extends RecordBase {
  kind: 'ticket_done';
  ticket_id: TicketId;
  after_hash: Digest;
}

export interface JobEndRecord extends RecordBase {
  kind: 'job_end';
  tickets_processed: number;
  degraded: boolean;
  degraded_at: Timestamp | null;
  degraded_reason: string | null;
}

export type RecordPayload =
  | JobStartRecord
  | IntakeRecord
  | RedactionRecord
  | ProposalRecord
  | DecisionRecord
  | LimitRecord
  | TicketDoneRecord
  | JobEndRecord;

export interface ApprovalPayload {
  /** 1 in a v1 bundle; 2 on a v2 line, whose proposal_hash is over the proposal line's bytes. */
  v: 1 | 2;
  approval_id: string;
  job_id: string;
  ticket_id: TicketId;
  proposal_hash: Digest;
  actions: string[];
  decision: 'approved' | 'rejected';
  mode: 'queue' | 'auto';
  at: Timestamp;
}

export interface BundleCounts {
  receipts: number;
  records: number;
  approvals: number;
  model_views: number;
  model_responses: number;
  tickets: number;
}

export interface ManifestPayload {
  /** 1: a v1 manifest; 2: the verifier's reading of a v2 file's harness tree head and header (src/verify/v2). */
  v: 1 | 2;
  bundle_media_type: string;
  bundle_version: number;
  job_id: string;
  policy_hash: Digest;
  cst_jti: string;
  cst_hash: Digest;
  created_at: Timestamp;
  counts: BundleCounts;
  tree_size: number;
  merkle_root: Digest;
}
