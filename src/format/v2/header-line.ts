/**
 * Line 1 of a v2 bundle: what the file is, whose job, how many lines of each kind follow and the
 * longest line, and per signing role the keys its lines are signed with. Unsigned, but committed
 * under the harness tree head like every line; a reader refuses early a line longer than
 * `max_line_bytes`, more lines of a kind than `counts` says, or a signature naming a key index past
 * its role's list. A keyid is a hint, as in v1 (no signature covers it): the verifier takes the
 * key from its trust root under that keyid AND that role, so an edited list only makes a
 * signature fail, never pass under another role's key.
 */
import { z } from 'zod';
import { MAX_KEYS_PER_ROLE, count, identifier, positive } from './common.js';
import { MAX_APPROVALS, MAX_MODEL_VIEWS, MAX_RECEIPTS, MAX_RECORDS, MAX_TICKETS } from '../limits.js';
import { BUNDLE_V2_MEDIA_TYPE, BUNDLE_V2_VERSION } from './media-types.js';

const keyid = z.string().min(1).max(256);

/** One spelling: a keyid listed twice for a role would change nothing a signature depends on. */
const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;
const keyList = (min: number) =>
  z
    .array(keyid)
    .min(min)
    .max(MAX_KEYS_PER_ROLE)
    .refine(distinct, { message: 'a keyid is listed at most once for a role', params: { jsonSchema: { uniqueItems: true } } });

// The caps v1 reads its lists under: a header that counts more is refused at line 1, before
// any of those lines is read (the reader then holds at most this many of each).
export const headerCountsSchema = z.strictObject({
  receipts: count.max(MAX_RECEIPTS),
  records: count.max(MAX_RECORDS),
  approvals: count.max(MAX_APPROVALS),
  model_views: count.max(MAX_MODEL_VIEWS),
  model_responses: count.max(MAX_MODEL_VIEWS),
  tickets: count.max(MAX_TICKETS),
});
export type HeaderCounts = z.infer<typeof headerCountsSchema>;

/** Per role, the keyids its signatures name by index (more than one when a key rotated inside the job). */
export const headerKeysSchema = z.strictObject({
  proxy: keyList(1),
  approver: keyList(0),
  harness: keyList(1),
});
export type HeaderKeys = z.infer<typeof headerKeysSchema>;
export type SigningRole = keyof HeaderKeys;

export const headerLineSchema = z.strictObject({
  t: z.literal('header'),
  mediaType: z.literal(BUNDLE_V2_MEDIA_TYPE),
  version: z.literal(BUNDLE_V2_VERSION),
  job_id: identifier,
  counts: headerCountsSchema,
  keys: headerKeysSchema,
  /** Bytes of the longest line of the file, LF not counted. */
  max_line_bytes: positive,
});
export type HeaderLine = z.infer<typeof headerLineSchema>;
