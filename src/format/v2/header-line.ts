/**
 * Line 1 of a v2 bundle: what the file is, whose job, how many lines of each kind follow and the
 * longest line. Unsigned, but committed under the harness tree head like every line; a reader
 * refuses early a line longer than `max_line_bytes` or more lines of a kind than `counts` says.
 */
import { z } from 'zod';
import { count, identifier, positive } from './common.js';
import { BUNDLE_V2_MEDIA_TYPE, BUNDLE_V2_VERSION } from './media-types.js';

export const headerCountsSchema = z.strictObject({
  receipts: count,
  records: count,
  approvals: count,
  model_views: count,
  model_responses: count,
  tickets: count,
});
export type HeaderCounts = z.infer<typeof headerCountsSchema>;

export const headerLineSchema = z.strictObject({
  t: z.literal('header'),
  mediaType: z.literal(BUNDLE_V2_MEDIA_TYPE),
  version: z.literal(BUNDLE_V2_VERSION),
  job_id: identifier,
  counts: headerCountsSchema,
  /** Bytes of the longest line of the file, LF not counted. */
  max_line_bytes: positive,
});
export type HeaderLine = z.infer<typeof headerLineSchema>;
