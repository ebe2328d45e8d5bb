/**
 * The lines that are not records and carry no signature of their own line format: the WPC and
 * CST as in v1 (small, signed in their own envelopes), and the unsigned entries bound by hashes
 * elsewhere: a model view and response (by their receipt's request_hash and response_hash) and a
 * ticket entry (by its ticket_done's after_hash). All are committed under the harness tree head.
 */
import { z } from 'zod';
import { MAX_CST_LENGTH, MAX_NOTIFICATIONS, MAX_TAGS, MAX_TEXT_LENGTH, count, digest, identifier, jsonObject, text, ticketId } from './common.js';

const dsseEnvelope = z.strictObject({
  payloadType: z.string().min(1).max(256),
  payload: z.string(),
  signatures: z.array(z.strictObject({ keyid: z.string().min(1).max(256), sig: z.string() })).min(1).max(64),
});

/** The WPC's DSSE envelope as in v1; core's DSSE reader checks its profile. */
export const wpcLineSchema = z.strictObject({ t: z.literal('wpc'), envelope: dsseEnvelope });
export type WpcLine = z.infer<typeof wpcLineSchema>;

/** The CST, a compact JWS as in v1; core's JWS reader checks its profile. */
export const cstLineSchema = z.strictObject({ t: z.literal('cst'), token: z.string().min(1).max(MAX_CST_LENGTH) });
export type CstLine = z.infer<typeof cstLineSchema>;

/** v1's model view entry; `request` is the exact object whose canonical bytes the receipt's request_hash covers. */
export const viewLineSchema = z.strictObject({
  t: z.literal('view'),
  receipt_id: identifier,
  request: z.strictObject({ model: z.string().min(1).max(MAX_TEXT_LENGTH), ticket_id: ticketId, view: jsonObject }),
});
export type ViewLine = z.infer<typeof viewLineSchema>;

/** v1's model response entry; `response` is what the receipt's response_hash covers. */
export const responseLineSchema = z.strictObject({ t: z.literal('response'), receipt_id: identifier, response: jsonObject });
export type ResponseLine = z.infer<typeof responseLineSchema>;

export const routingStateSchema = z.strictObject({
  status: text,
  priority: text.nullable(),
  type: text.nullable(),
  assignee_id: z.int().nullable(),
  group_id: z.int().nullable(),
  tags: z.array(text).max(MAX_TAGS),
  internal_notes: count,
  notifications: z.array(text).max(MAX_NOTIFICATIONS),
});

/** v1's ticket entry; `after` is what its ticket_done's after_hash covers. */
export const ticketLineSchema = z.strictObject({
  t: z.literal('ticket'),
  ticket_id: ticketId,
  content_hash: digest,
  before: routingStateSchema,
  after: routingStateSchema,
});
export type TicketLine = z.infer<typeof ticketLineSchema>;
