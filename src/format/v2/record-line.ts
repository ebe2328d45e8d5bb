/**
 * Harness records as v2 lines: unsigned (the harness tree head is their one signature), the
 * record's kind as the line's `t` (`{"t":"decision",...}`), and without what v1 repeated in each:
 *  - `v` and `job_id`: the header says both once for the file;
 *  - `record_id`: a record is named by its `seq` (its index among the records);
 *  - `prev`: the tree head already fixes every line's place (a dropped, added or moved line
 *    changes the root and the size), so a chain inside the lines would prove nothing more;
 *  - a decision's `reason`: the verifier derives the sentence from `rule` and `code`;
 *  - `at` when it equals the previous record's (the reader restores it; a proposal always keeps
 *    its `at`, so the line an approval's proposal_hash covers still says when it was proposed);
 *  - a decision's `proposal_hash`: it names its proposal by `proposal_seq` (both lines are under
 *    the harness head; the reader checks the seq is an earlier proposal of the same ticket).
 * A limit record keeps its `reason`: job_end's degraded_reason repeats it, and limit records are few.
 */
import { z } from 'zod';
import {
  MAX_ACTIONS,
  MAX_DETECTORS,
  MAX_FINDINGS,
  MAX_INPUT_SKIPPED_ITEMS,
  MAX_REDACT_FIELDS,
  MAX_TEXT_LENGTH,
  count,
  digest,
  identifier,
  jsonObject,
  positive,
  text,
  ticketId,
  timestamp,
} from './common.js';

/** `at` absent means "the previous record's"; the first record, and every proposal, state it. */
const recordBase = { seq: count, at: timestamp.optional() };

/** Whole milliseconds of simulated latency, as the runtime accepts them. */
const latencyMs = z.int().min(0).max(600_000);

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
    .refine((a) => (a.kind === 'steady') === (a.per_minute !== undefined), 'a steady arrival has per_minute and a backlog has none'),
  model_latency: z.strictObject({ base_ms: latencyMs, ms_per_100_chars: latencyMs }),
});

const inputSkipped = z
  .strictObject({
    count,
    items: z
      .array(z.strictObject({ source: text, kind: z.enum(['ticket', 'user', 'comment', 'input']), pointer: text, reason: text }))
      .max(MAX_INPUT_SKIPPED_ITEMS),
  })
  .refine((v) => v.count >= v.items.length, { message: 'count is less than the number of items listed', path: ['count'] });

const jobStart = z.strictObject({
  ...recordBase,
  t: z.literal('job_start'),
  policy_hash: digest,
  cst_jti: identifier,
  model: z.string().min(1).max(MAX_TEXT_LENGTH),
  approval_mode: z.enum(['queue', 'auto', 'none']),
  ticket_count: count,
  limits: jobLimits,
  redaction: z.strictObject({
    ruleset: z.string().min(1).max(16),
    // One spelling: a detector listed twice runs once.
    detectors: z
      .array(z.string().max(64))
      .max(MAX_DETECTORS)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'a detector is listed at most once', params: { jsonSchema: { uniqueItems: true } } }),
    redact_fields: z.array(text).max(MAX_REDACT_FIELDS),
    max_chars: count,
  }),
  // Required in v2 (one spelling for "nothing skipped": count 0, no items); v1 bundles made before
  // it existed lack it.
  input_skipped: inputSkipped,
});

const intake = z.strictObject({ ...recordBase, t: z.literal('intake'), ticket_id: ticketId, content_hash: digest });

const redaction = z.strictObject({
  ...recordBase,
  t: z.literal('redaction'),
  ticket_id: ticketId,
  findings: z
    .array(z.strictObject({ detector: z.string().max(64), kind: z.string().max(64), pointer: text, start: count, end: count, placeholder: text }))
    .max(MAX_FINDINGS),
  truncated: z.boolean(),
  chars: count,
});

const proposal = z.strictObject({
  ...recordBase,
  at: timestamp,
  t: z.literal('proposal'),
  ticket_id: ticketId,
  receipt_id: identifier,
  proposal: z.strictObject({
    category: text,
    confidence: z.number().min(0).max(1),
    recommended_queue: text,
    rationale: text,
    priority: text.nullable(),
    notification_template: text.nullable(),
    actions: z.array(z.strictObject({ action: text, args: jsonObject })).max(MAX_ACTIONS),
  }),
});

const decision = z.strictObject({
  ...recordBase,
  t: z.literal('decision'),
  ticket_id: ticketId,
  phase: z.enum(['propose', 'apply']),
  action: text,
  args: jsonObject,
  outcome: z.enum(['allow', 'deny', 'needs_approval', 'proposal_only']),
  code: z.string().max(64),
  rule: text,
  /** The seq of the proposal record this decision is on; null for a decision on no proposal. */
  proposal_seq: count.nullable(),
  approval_id: identifier.nullable(),
  applied: z.boolean(),
});

const limit = z.strictObject({
  ...recordBase,
  t: z.literal('limit'),
  limit: z.enum(['rate_limit_per_minute', 'max_concurrency', 'max_model_calls_per_ticket', 'max_tickets_per_run']),
  threshold: count,
  observed: count,
  effect: z.enum(['throttled', 'degraded_classify_only', 'ticket_skipped', 'call_refused']),
  ticket_id: ticketId.nullable(),
  reason: text,
});

const ticketDone = z.strictObject({ ...recordBase, t: z.literal('ticket_done'), ticket_id: ticketId, after_hash: digest });

const jobEnd = z.strictObject({
  ...recordBase,
  t: z.literal('job_end'),
  tickets_processed: count,
  degraded: z.boolean(),
  degraded_at: timestamp.nullable(),
  degraded_reason: text.nullable(),
});

/** One schema a record kind; the kind is the line's `t`. */
export const RECORD_LINE_SCHEMAS = {
  job_start: jobStart,
  intake,
  redaction,
  proposal,
  decision,
  limit,
  ticket_done: ticketDone,
  job_end: jobEnd,
} as const;
export type RecordKind = keyof typeof RECORD_LINE_SCHEMAS;
export type RecordLineOf<K extends RecordKind> = z.infer<(typeof RECORD_LINE_SCHEMAS)[K]>;
export type RecordLine = { [K in RecordKind]: RecordLineOf<K> }[RecordKind];
export const RECORD_KINDS = Object.keys(RECORD_LINE_SCHEMAS) as RecordKind[];

export function isRecordKind(t: unknown): t is RecordKind {
  return typeof t === 'string' && Object.hasOwn(RECORD_LINE_SCHEMAS, t);
}
