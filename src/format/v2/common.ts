/**
 * Building blocks of the v2 line schemas. Every object is strict (an unknown member is an error:
 * nothing unexplained rides along) and every list and string is capped. The caps are v1's
 * (src/verify/limits.ts); src/format may not import src/verify, so they are restated here until
 * the switch makes this the one place they live.
 */
import { z } from 'zod';
import { isDigest } from '../../core/hash.js';
import { isMillisecondTimestamp } from '../../core/time.js';

export const MAX_TEXT_LENGTH = 64 * 1024;
export const MAX_ID_LENGTH = 128;
export const MAX_CST_LENGTH = 64 * 1024;
export const MAX_ACTIONS = 256;
export const MAX_TAGS = 1_000;
export const MAX_NOTIFICATIONS = 1_000;
export const MAX_FINDINGS = 100_000;
export const MAX_REDACT_FIELDS = 1_000;
export const MAX_DETECTORS = 64;
export const MAX_INPUT_SKIPPED_ITEMS = 1_000;

export const digest = z.string().refine(isDigest, 'must be sha256: followed by 64 lowercase hex digits');
export const timestamp = z.string().refine(isMillisecondTimestamp, 'must be an RFC 3339 UTC timestamp with milliseconds');
export const identifier = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]+$/, 'must be characters of A-Z a-z 0-9 _ . : -')
  .max(MAX_ID_LENGTH);
export const text = z.string().max(MAX_TEXT_LENGTH);
export const count = z.int().min(0);
export const ticketId = z.int().min(1);
export const positive = z.int().min(1);
/** A JSON object whose members are not constrained here (tool args, model views, responses). */
export const jsonObject = z.record(z.string(), z.unknown());

/** Standard padded base64 of a 64-byte Ed25519 signature (88 characters). */
export const signatureBase64 = z.string().regex(/^[A-Za-z0-9+/]{85}[AQgw]==$/, 'must be standard base64 of 64 bytes');

/** The one signature of a signed line: by `keyid` over DSSE PAE(payload type, canonical payload bytes). */
export const lineSignature = z.strictObject({ keyid: z.string().min(1).max(256), sig: signatureBase64 });
