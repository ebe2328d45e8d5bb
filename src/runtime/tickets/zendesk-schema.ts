/**
 * Zod schemas for the parts of Zendesk's API objects that Clawproof reads.
 *
 * Unknown members are dropped without being looked at (Zendesk adds fields often, and an export
 * carries dozens we do not use); every member we do use is type-checked and length-capped, so a
 * hostile export cannot smuggle a non-string into text that later gets redacted and hashed.
 */
import { z } from 'zod';
import { parseRfc3339 } from '../../core/time.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from './types.js';

export interface ImportLimits {
  /** Tickets read from one input; the rest are reported once and ignored. */
  readonly maxTickets: number;
  readonly maxUsers: number;
  /** Entries of a top-level `comments` list. */
  readonly maxComments: number;
  /** Comments kept per ticket (Zendesk allows 5000; a routing run never needs that many). */
  readonly maxCommentsPerTicket: number;
  /** Characters of a description or comment body (Zendesk caps comments at 64 KB). */
  readonly maxTextChars: number;
  readonly maxSubjectChars: number;
  readonly maxTags: number;
  readonly maxCustomFields: number;
  /** Problems reported; past this, one final problem says how many more were dropped. */
  readonly maxProblems: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = Object.freeze({
  maxTickets: 5000,
  maxUsers: 20000,
  maxComments: 100000,
  maxCommentsPerTicket: 500,
  maxTextChars: 65536,
  maxSubjectChars: 1024,
  maxTags: 200,
  maxCustomFields: 500,
  maxProblems: 500,
});

const MAX_SHORT_CHARS = 320; // names, emails, phones, channels
const MAX_TAG_CHARS = 128;
const MAX_CUSTOM_VALUE_CHARS = 8192;
const MAX_MULTISELECT = 100;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const optionalId = id.nullish().transform((v) => v ?? null);
const timestamp = z
  .string()
  .max(40)
  .refine(
    (s) => parseRfc3339(s) !== undefined,
    'expected an RFC 3339 date-time such as 2025-03-04T09:15:00Z',
  );
const shortText = z.string().max(MAX_SHORT_CHARS);

export function commentSchema(limits: ImportLimits) {
  return z.object({
    id,
    author_id: id,
    body: z.string().max(limits.maxTextChars).optional(),
    plain_body: z.string().max(limits.maxTextChars).optional(),
    public: z.boolean(),
    created_at: timestamp,
  });
}

export function topLevelCommentSchema(limits: ImportLimits) {
  return commentSchema(limits).extend({ ticket_id: id });
}

const customFieldValue = z.union([
  z.string().max(MAX_CUSTOM_VALUE_CHARS),
  z.number().finite(),
  z.boolean(),
  z.null(),
  z.array(z.string().max(MAX_TAG_CHARS)).max(MAX_MULTISELECT),
]);

/** Statuses Zendesk uses; `deleted` appears only in incremental exports and is skipped. */
const status = z.enum([...TICKET_STATUSES, 'deleted']);

export function ticketSchema(limits: ImportLimits) {
  return z.object({
    id,
    subject: z.string().max(limits.maxSubjectChars).nullish(),
    description: z.string().max(limits.maxTextChars).nullish(),
    status,
    priority: z.enum(TICKET_PRIORITIES).nullish(),
    type: z.enum(TICKET_TYPES).nullish(),
    assignee_id: optionalId,
    group_id: optionalId,
    organization_id: optionalId,
    requester_id: id,
    tags: z.array(z.string().max(MAX_TAG_CHARS)).max(limits.maxTags).optional(),
    custom_fields: z
      .array(z.object({ id, value: customFieldValue.optional() }))
      .max(limits.maxCustomFields)
      .optional(),
    created_at: timestamp,
    updated_at: timestamp,
    via: z.object({ channel: shortText.optional() }).optional(),
    // Items are checked one by one later, so one bad comment skips that comment, not the ticket.
    comments: z.array(z.unknown()).optional(),
  });
}

export const userSchema = z.object({
  id,
  name: shortText.nullish(),
  email: shortText.nullish(),
  phone: shortText.nullish(),
});

export type RawTicket = z.infer<ReturnType<typeof ticketSchema>>;
export type RawComment = z.infer<ReturnType<typeof commentSchema>>;
export type RawUser = z.infer<typeof userSchema>;
