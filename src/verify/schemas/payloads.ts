/**
 * Schemas of every signed payload kind (docs/FORMATS.md, "Proof bundle"): receipts, the eight
 * record kinds, approvals, the manifest, and the CST's claims. All strict; times are RFC 3339 UTC
 * strings except the CST's NumericDates.
 */
import { z } from 'zod';
import type { SchemaCode } from '../../format/codes.js';
import { MAX_ACTIONS, MAX_DETECTORS, MAX_FINDINGS, MAX_INPUT_SKIPPED_ITEMS, MAX_REDACT_FIELDS, MAX_SCOPES, MAX_TEXT_LENGTH } from '../../format/limits.js';
import { proposedActionsSchema } from './bundle.js';
import { count, digest, identifier, jsonObject, numericDate, text, ticketId, timestamp } from '../../format/schema-blocks.js';

const version1 = z.literal(1);

export const receiptPayloadSchema = z.strictObject({
  v: version1,
  receipt_id: identifier,
  seq: count,
  job_id: identifier,
  ticket_id: ticketId,
  model: z.string().min(1).max(MAX_TEXT_LENGTH),
  request_hash: digest,
  response_hash: digest,
  cst_jti: identifier,
  cst_hash: digest,
  policy_hash: digest,
  at: timestamp,
  prev: digest.nullable(),
});

const recordBase = {
  v: version1,
  record_id: identifier,
  seq: count,
  job_id: identifier,
  at: timestamp,
  prev: digest.nullable(),
};

const positive = z.int().min(1);
/** Whole milliseconds of simulated latency, as the runtime accepts them. */
const latencyMs = z.int().min(0).max(600_000);

/** job_start.limits: closed, like every payload object (an unknown member is UNKNOWN_FIELD). */
const jobLimits = z.strictObject({
  rate_limit_per_minute: positive.nullable(),
  max_concurrency: positive.nullable(),
  max_model_calls_per_ticket: positive.nullable(),
  max_tickets_per_run: positive.nullable(),
  degrade_backlog_threshold: positive.nullable(),
  harness_max_attempts: positive,
  harness_attempt_ceiling: positive,
  arrival: z
    .strictObject({ kind: z.enum(['backlog', 'steady']), per_minute: z.number().gt(0).max(60_000).optional() })
    .check(
      z.refine((a) => (a.kind === 'steady') === (a.per_minute !== undefined), {
        message: 'a steady arrival has per_minute and a backlog has none',
        params: { code: 'VALUE_INVALID' satisfies SchemaCode },
      }),
    ),
  model_latency: z.strictObject({ base_ms: latencyMs, ms_per_100_chars: latencyMs }),
});

/** What the ticket import could not use; `count` counts every item, `items` lists the first. */
const inputSkipped = z
  .strictObject({
    count,
    items: z
      .array(z.strictObject({ source: text, kind: z.enum(['ticket', 'user', 'comment', 'input']), pointer: text, reason: text }))
      .max(MAX_INPUT_SKIPPED_ITEMS),
  })
  .refine((v) => v.count >= v.items.length, {
    message: 'count is less than the number of items listed',
    path: ['count'],
    params: { code: 'VALUE_OUT_OF_RANGE' satisfies SchemaCode },
  });

const jobStart = z.strictObject({
  ...recordBase,
  kind: z.literal('job_start'),
  policy_hash: digest,
  cst_jti: identifier,
  model: z.string().min(1).max(MAX_TEXT_LENGTH),
  approval_mode: z.enum(['queue', 'auto', 'none']),
  ticket_count: count,
  limits: jobLimits,
  redaction: z.strictObject({
    ruleset: z.string().min(1).max(16),
    detectors: z.array(z.string().max(64)).max(MAX_DETECTORS),
    redact_fields: z.array(text).max(MAX_REDACT_FIELDS),
    max_chars: count,
  }),
  // Optional: bundles made before it existed do not have it.
  input_skipped: inputSkipped.optional(),
});

const intake = z.strictObject({ ...recordBase, kind: z.literal('intake'), ticket_id: ticketId, content_hash: digest });

const redaction = z.strictObject({
  ...recordBase,
  kind: z.literal('redaction'),
  ticket_id: ticketId,
  findings: z
    .array(
      z.strictObject({
        detector: z.string().max(64),
        kind: z.string().max(64),
        pointer: text,
        start: count,
        end: count,
        placeholder: text,
      }),
    )
    .max(MAX_FINDINGS),
  truncated: z.boolean(),
  chars: count,
});

const proposal = z.strictObject({
  ...recordBase,
  kind: z.literal('proposal'),
  ticket_id: ticketId,
  receipt_id: identifier,
  proposal: z.strictObject({
    category: text,
    confidence: z.number().min(0).max(1),
    recommended_queue: text,
    rationale: text,
    priority: text.nullable(),
    notification_template: text.nullable(),
    actions: proposedActionsSchema,
  }),
});

const decision = z.strictObject({
  ...recordBase,
  kind: z.literal('decision'),
  ticket_id: ticketId,
  phase: z.enum(['propose', 'apply']),
  action: text,
  args: jsonObject,
  outcome: z.enum(['allow', 'deny', 'needs_approval', 'proposal_only']),
  code: z.string().max(64),
  rule: text,
  reason: text,
  proposal_hash: digest.nullable(),
  approval_id: identifier.nullable(),
  applied: z.boolean(),
});

const limit = z.strictObject({
  ...recordBase,
  kind: z.literal('limit'),
  limit: z.enum(['rate_limit_per_minute', 'max_concurrency', 'max_model_calls_per_ticket', 'max_tickets_per_run']),
  threshold: count,
  observed: count,
  effect: z.enum(['throttled', 'degraded_classify_only', 'ticket_skipped', 'call_refused']),
  ticket_id: ticketId.nullable(),
  reason: text,
});

const ticketDone = z.strictObject({ ...recordBase, kind: z.literal('ticket_done'), ticket_id: ticketId, after_hash: digest });

const jobEnd = z.strictObject({
  ...recordBase,
  kind: z.literal('job_end'),
  tickets_processed: count,
  degraded: z.boolean(),
  degraded_at: timestamp.nullable(),
  degraded_reason: text.nullable(),
});

export const recordPayloadSchema = z.discriminatedUnion('kind', [jobStart, intake, redaction, proposal, decision, limit, ticketDone, jobEnd]);

export const approvalPayloadSchema = z.strictObject({
  v: version1,
  approval_id: identifier,
  job_id: identifier,
  ticket_id: ticketId,
  proposal_hash: digest,
  actions: z.array(text).min(1).max(MAX_ACTIONS),
  decision: z.enum(['approved', 'rejected']),
  mode: z.enum(['queue', 'auto']),
  at: timestamp,
});

const countsSchema = z.strictObject({
  receipts: count,
  records: count,
  approvals: count,
  model_views: count,
  model_responses: count,
  tickets: count,
});

export const manifestPayloadSchema = z.strictObject({
  v: version1,
  bundle_media_type: z.string().max(256),
  bundle_version: z.int(),
  job_id: identifier,
  policy_hash: digest,
  cst_jti: identifier,
  cst_hash: digest,
  created_at: timestamp,
  counts: countsSchema,
  tree_size: count,
  merkle_root: digest,
});

export const cstClaimsSchema = z.strictObject({
  iss: z.string().max(256),
  sub: z.string().max(256),
  aud: z.string().max(256),
  jti: identifier,
  job_id: identifier,
  scope: z.array(z.string().max(256)).max(MAX_SCOPES),
  policy_hash: digest.optional(),
  iat: numericDate,
  nbf: numericDate,
  exp: numericDate,
});
