/**
 * Building blocks of the bundle schemas: the verifier's v1 schemas and the v2 line schemas. Every
 * object schema is strict (an unknown member is an error: nothing unsigned or unexplained rides
 * along) and every list is capped. A refinement carries its stable issue code in `params.code`,
 * which src/verify/schemas/issues.ts turns into the report's code.
 */
import { z } from 'zod';
import type { SchemaCode } from './codes.js';
import { isDigest } from '../core/hash.js';
import { isMillisecondTimestamp } from '../core/time.js';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './limits.js';

/** A refinement with a stable code: `.check(coded(fn, 'DIGEST_INVALID', 'must be ...'))`. */
function coded<T>(fn: (value: T) => boolean, code: SchemaCode, message: string) {
  return z.refine<T>(fn, { message, params: { code } });
}

export const digest = z.string().check(coded<string>(isDigest, 'DIGEST_INVALID', 'must be sha256: followed by 64 lowercase hex digits'));

/** RFC 3339 UTC with exactly three fraction digits, `2026-01-05T09:00:00.900Z`, and a real date and time. */
export const timestamp = z
  .string()
  .check(
    coded<string>(
      isMillisecondTimestamp,
      'TIMESTAMP_INVALID',
      'must be an RFC 3339 UTC timestamp with milliseconds, YYYY-MM-DDTHH:MM:SS.sssZ',
    ),
  );

/** The characters of an identifier (at most MAX_ID_LENGTH of them). */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9_.:-]+$/;

/** Job, token, receipt, record and approval ids: short, printable, no spaces (they are shown and compared). */
export const identifier = z
  .string()
  .check(coded<string>((s) => IDENTIFIER_PATTERN.test(s) && s.length <= MAX_ID_LENGTH, 'ID_INVALID', `must be 1 to ${MAX_ID_LENGTH} characters of A-Z a-z 0-9 _ . : -`));

export const text = z.string().max(MAX_TEXT_LENGTH);
export const count = z.int().min(0);
export const ticketId = z.int().min(1);
/** NumericDate (RFC 7519 sec 2): whole seconds since the epoch, up to 9999-12-31T23:59:59Z. */
export const MAX_NUMERIC_DATE = 253_402_300_799;
export const numericDate = z.int().min(0).max(MAX_NUMERIC_DATE);

/** A JSON object whose members are not constrained here (tool args, model views, responses). */
export const jsonObject = z.record(z.string(), z.unknown());

export function cappedArray<T extends z.ZodType>(item: T, max: number) {
  return z.array(item).max(max);
}
