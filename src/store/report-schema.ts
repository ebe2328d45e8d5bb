/**
 * The shape of a cached report, checked whenever one is read back from IndexedDB. The cache is
 * keyed by verifier version, so a good entry always has the shape this build writes; anything
 * else was damaged (a hand-edited database, a build that wrote without bumping the version) and
 * is verified afresh rather than handed to views that would index into it.
 *
 * Typed as z.ZodType<Report>, so a change to the report's type in src/verify that this schema
 * does not follow fails the typecheck instead of turning every cached report unreadable.
 */
import { z } from 'zod';
import type { Digest } from '../core/hash.js';
import type { JsonValue } from '../core/json.js';
import type { RoutingState } from '../core/bundle/types.js';
import { CODES } from '../format/codes.js';
import { CHECK_IDS, CHECK_STATUSES, VERDICTS, type Report } from '../verify/report.js';
import type { ReportHead } from './report-parts.js';
import type { TimelineEntry } from '../verify/diff/types.js';
import { rootCauses } from '../verify/causes/index.js';
import { ROUTING_FIELDS } from '../verify/diff/effects.js';

const digest = z.custom<Digest>((value) => typeof value === 'string' && /^sha256:[0-9a-f]{64}$/.test(value), 'expected a sha256: digest');
const json = z.custom<JsonValue>(() => true);
const jsonObject = z.record(z.string(), json);
const nullableString = z.string().nullable();
const nullableInt = z.number().nullable();

const routingState: z.ZodType<RoutingState> = z.object({
  status: z.string(),
  priority: nullableString,
  type: nullableString,
  assignee_id: nullableInt,
  group_id: nullableInt,
  tags: z.array(z.string()),
  internal_notes: z.number(),
  notifications: z.array(z.string()),
});

export const evidenceSchema = z.object({
  pointer: z.string().optional(),
  payloadPointer: z.string().optional(),
  position: z.object({ offset: z.number(), line: z.number(), column: z.number() }).optional(),
  receiptId: z.string().optional(),
  recordId: z.string().optional(),
  approvalId: z.string().optional(),
  ticketId: z.number().optional(),
  keyid: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  note: z.string().optional(),
});

const check = z.object({
  id: z.enum(CHECK_IDS),
  title: z.string(),
  status: z.enum(CHECK_STATUSES),
  code: z.enum([...CODES, 'OK', 'SKIPPED']),
  message: z.string(),
  evidence: z.array(evidenceSchema),
  issues: z.array(z.object({ severity: z.enum(['fail', 'warn']), code: z.enum(CODES), message: z.string(), evidence: z.array(evidenceSchema) })),
});

const changeCause = z.object({
  apply: z.object({
    recordId: z.string(),
    pointer: z.string(),
    at: z.string(),
    action: z.string(),
    phase: z.enum(['propose', 'apply']),
    args: jsonObject,
    code: z.string(),
  }),
  proposal: z
    .object({ recordId: z.string(), pointer: z.string(), at: z.string(), hash: digest, category: z.string(), recommendedQueue: z.string() })
    .nullable(),
  receipt: z
    .object({ receiptId: z.string(), pointer: z.string(), at: z.string(), model: z.string(), requestHash: digest, responseHash: digest })
    .nullable(),
  approval: z
    .object({ approvalId: z.string(), pointer: z.string(), at: z.string(), decision: z.enum(['approved', 'rejected']), mode: z.enum(['queue', 'auto']) })
    .nullable(),
  fields: z.array(z.enum(ROUTING_FIELDS)),
});

export const ticketSchema = z.object({
  ticketId: z.number(),
  pointer: z.string(),
  contentHash: digest,
  before: routingState,
  after: routingState,
  changes: z.array(
    z.object({
      field: z.enum(ROUTING_FIELDS),
      pointer: z.string(),
      before: json,
      after: json,
      added: z.array(z.string()).optional(),
      removed: z.array(z.string()).optional(),
      causes: z.array(changeCause),
      explained: z.boolean(),
      // Optional: reports stored before diffs carried the expected value still open.
      expected: z.object({ value: json, cause: changeCause.nullable() }).optional(),
    }),
  ),
  applied: z.array(changeCause),
  consistent: z.boolean(),
});

const consequence = z.object({ check: z.enum(CHECK_IDS), issue: z.number(), code: z.enum(CODES), message: z.string(), pointer: nullableString });
const rootCause = z.object({
  sentence: z.string(),
  check: z.enum(CHECK_IDS),
  issue: z.number(),
  code: z.enum(CODES),
  message: z.string(),
  pointers: z.array(z.string()),
  consequences: z.array(consequence),
});

const base = { at: z.string(), ticketId: z.number().nullable(), pointer: z.string() };
export const timelineEntrySchema: z.ZodType<TimelineEntry> = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('model_call'),
    receiptId: z.string(),
    model: z.string(),
    requestHash: digest,
    responseHash: digest,
    proposalRecordId: nullableString,
  }),
  z.object({ ...base, kind: z.literal('proposal'), recordId: z.string(), receiptId: z.string(), category: z.string(), actions: z.array(z.string()) }),
  z.object({
    ...base,
    kind: z.literal('decision'),
    recordId: z.string(),
    action: z.string(),
    phase: z.enum(['propose', 'apply']),
    outcome: z.enum(['allow', 'deny', 'needs_approval', 'proposal_only']),
    code: z.string(),
    rule: z.string(),
    applied: z.boolean(),
    proposalRecordId: nullableString,
    approvalId: nullableString,
  }),
  z.object({
    ...base,
    kind: z.literal('approval'),
    approvalId: z.string(),
    decision: z.enum(['approved', 'rejected']),
    mode: z.enum(['queue', 'auto']),
    actions: z.array(z.string()),
    proposalRecordId: nullableString,
  }),
  z.object({
    ...base,
    kind: z.literal('limit'),
    recordId: z.string(),
    limit: z.enum(['rate_limit_per_minute', 'max_concurrency', 'max_model_calls_per_ticket', 'max_tickets_per_run']),
    effect: z.enum(['throttled', 'degraded_classify_only', 'ticket_skipped', 'call_refused']),
    threshold: z.number(),
    observed: z.number(),
  }),
]);

const headShape = {
  reportVersion: z.literal(1),
  verifier: z.object({ name: z.literal('clawproof'), version: z.string() }),
  verdict: z.enum(VERDICTS),
  summary: z.string(),
  // Reports stored before causes existed have none: the store recomputes them from the checks (reports.ts).
  causes: z.array(rootCause).optional(),
  checkedAt: z.string(),
  bundle: z.object({
    hash: digest.nullable(),
    bytes: z.number(),
    mediaType: nullableString,
    version: nullableInt,
    jobId: nullableString,
    policyHash: nullableString,
  }),
  trustRoot: z.object({ name: z.string(), hash: digest, demoOnly: z.boolean() }),
  checks: z.array(check),
  limitations: z.array(z.string()),
};

/** The head of a paged report (report-parts.ts): written by this build, so its causes are always there. */
export const reportHeadSchema: z.ZodType<ReportHead> = z.object({ ...headShape, causes: z.array(rootCause) });

/** A whole report, as schema 1 stored it (read by the upgrade to schema 2). */
export const reportSchema: z.ZodType<Report> = z
  .object({ ...headShape, tickets: z.array(ticketSchema), timeline: z.array(timelineEntrySchema) })
  // Never lose a stored report: one without causes gets them from its own checks.
  .transform((r): Report => ({ ...r, causes: r.causes ?? rootCauses({ checks: r.checks, tickets: r.tickets, trustRootName: r.trustRoot.name }) }));
