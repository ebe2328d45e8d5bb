/**
 * The bundle document's own shape (docs/FORMATS.md, "Proof bundle"). Envelopes and the CST are
 * checked by core's DSSE and JWS readers, which know their exact profiles; the unsigned entries
 * (model views, responses, ticket entries) are checked here, each on its own, so one bad entry
 * does not hide the others.
 */
import { z } from 'zod';
import { MAX_ACTIONS, MAX_CST_LENGTH, MAX_NOTIFICATIONS, MAX_TAGS, MAX_TEXT_LENGTH } from '../../format/limits.js';
import { count, digest, identifier, jsonObject, ticketId } from '../../format/schema-blocks.js';

/** Top-level members and what each holds. */
export const BUNDLE_MEMBERS = [
  'mediaType',
  'version',
  'wpc',
  'cst',
  'receipts',
  'records',
  'approvals',
  'model_views',
  'model_responses',
  'tickets',
  'manifest',
] as const;
export type BundleMember = (typeof BUNDLE_MEMBERS)[number];

export const LIST_MEMBERS = ['receipts', 'records', 'approvals', 'model_views', 'model_responses', 'tickets'] as const;
export type ListMember = (typeof LIST_MEMBERS)[number];

export const cstToken = z.string().min(1).max(MAX_CST_LENGTH);

export const modelViewEntrySchema = z.strictObject({
  receipt_id: identifier,
  request: z.strictObject({
    model: z.string().min(1).max(MAX_TEXT_LENGTH),
    ticket_id: ticketId,
    view: jsonObject,
  }),
});

export const modelResponseEntrySchema = z.strictObject({
  receipt_id: identifier,
  response: jsonObject,
});

const shortText = z.string().max(MAX_TEXT_LENGTH);

export const routingStateSchema = z.strictObject({
  status: shortText,
  priority: shortText.nullable(),
  type: shortText.nullable(),
  assignee_id: z.int().nullable(),
  group_id: z.int().nullable(),
  tags: z.array(shortText).max(MAX_TAGS),
  internal_notes: count,
  notifications: z.array(shortText).max(MAX_NOTIFICATIONS),
});

export const ticketEntrySchema = z.strictObject({
  ticket_id: ticketId,
  content_hash: digest,
  before: routingStateSchema,
  after: routingStateSchema,
});

/** Proposed actions are a model's output: any action name, closed argument object. */
export const proposedActionsSchema = z.array(z.strictObject({ action: shortText, args: jsonObject })).max(MAX_ACTIONS);
