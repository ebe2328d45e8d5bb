/**
 * The individually signed lines: `{t, payload, sig}`, the signature over DSSE PAE(payload type,
 * RFC 8785 bytes of `payload`), `sig` naming its key by index in the header's list for the line's
 * role (common.ts). Because the line is canonical, those bytes are exactly the `payload` member as
 * it stands in the line: nothing is base64 but the signature.
 *  - receipt: the proxy's, per model call; v2 because it has no `prev`: the proxy's own tree head
 *    fixes the receipts' order and number, so a chain inside them would prove nothing more;
 *  - approval: the approver's; v2 because its proposal_hash is over the proposal's line bytes;
 *  - tree_head: per service, over the RFC 9162 tree of the lines it vouches for.
 */
import { z } from 'zod';
import { MAX_ACTIONS, count, digest, identifier, lineSignature, text, ticketId, timestamp } from './common.js';
import { TREE_HEAD_SERVICES } from './media-types.js';

export const receiptPayloadSchema = z.strictObject({
  v: z.literal(2),
  receipt_id: identifier,
  seq: count,
  job_id: identifier,
  ticket_id: ticketId,
  model: z.string().min(1).max(64 * 1024),
  request_hash: digest,
  response_hash: digest,
  cst_jti: identifier,
  cst_hash: digest,
  policy_hash: digest,
  at: timestamp,
});
export type ReceiptPayloadV2 = z.infer<typeof receiptPayloadSchema>;

export const receiptLineSchema = z.strictObject({ t: z.literal('receipt'), payload: receiptPayloadSchema, sig: lineSignature });
export type ReceiptLine = z.infer<typeof receiptLineSchema>;

export const approvalPayloadSchema = z.strictObject({
  v: z.literal(2),
  approval_id: identifier,
  job_id: identifier,
  ticket_id: ticketId,
  /** sha256 of the proposal record's line bytes. */
  proposal_hash: digest,
  actions: z.array(text).min(1).max(MAX_ACTIONS),
  decision: z.enum(['approved', 'rejected']),
  mode: z.enum(['queue', 'auto']),
  at: timestamp,
});
export type ApprovalPayloadV2 = z.infer<typeof approvalPayloadSchema>;

export const approvalLineSchema = z.strictObject({ t: z.literal('approval'), payload: approvalPayloadSchema, sig: lineSignature });
export type ApprovalLine = z.infer<typeof approvalLineSchema>;

export const treeHeadPayloadSchema = z.strictObject({
  v: z.literal(2),
  /** Who vouches: the proxy for its receipts, the harness for every line before the heads. */
  service: z.enum(TREE_HEAD_SERVICES),
  size: count,
  /** `sha256:` + hex of the RFC 9162 tree head over the leaf hashes of those lines' exact bytes. */
  root_hash: digest,
  job_id: identifier,
  policy_hash: digest,
  at: timestamp,
});
export type TreeHeadPayload = z.infer<typeof treeHeadPayloadSchema>;

export const treeHeadLineSchema = z.strictObject({ t: z.literal('tree_head'), payload: treeHeadPayloadSchema, sig: lineSignature });
export type TreeHeadLine = z.infer<typeof treeHeadLineSchema>;

export type SignedLine = ReceiptLine | ApprovalLine | TreeHeadLine;

/** The role whose key list in the header a signed line's key index points into. */
export function signingRoleOf(line: SignedLine): 'proxy' | 'approver' | 'harness' {
  if (line.t === 'receipt') return 'proxy';
  if (line.t === 'approval') return 'approver';
  return line.payload.service;
}
