/**
 * The codes a v2 reader refuses a file with, and the tree-head check's codes: report codes of the
 * registry (src/format/codes.ts, with their meaning), listed here so the reader's types name them.
 */
import { ClawproofError } from '../../core/errors.js';
import type { CheckCode } from '../codes.js';

export const V2_READ_CODES = [
  'VERSION_UNSUPPORTED',
  'MEDIA_TYPE_UNKNOWN',
  'HEADER_MISSING',
  'LINE_TOO_LONG',
  'LINE_UNTERMINATED',
  'LINE_NOT_UTF8',
  'LINE_NOT_JSON',
  'LINE_NOT_CANONICAL',
  'LINE_NOT_OBJECT',
  'LINE_TYPE_UNKNOWN',
  'LINE_SCHEMA_INVALID',
  'LINE_OUT_OF_ORDER',
  'HEADER_COUNT_EXCEEDED',
  'HEADER_COUNT_MISMATCH',
  'LINE_AFTER_TREE_HEADS',
  'TREE_HEADS_MISSING',
  'SIGNATURE_KEY_UNKNOWN',
  'SEQ_OUT_OF_ORDER',
  'RECORD_AT_MISSING',
  'RECORD_AT_REPEATED',
  'PROPOSAL_SEQ_UNKNOWN',
] as const satisfies readonly CheckCode[];
export type V2ReadCode = (typeof V2_READ_CODES)[number];

/** TREE_HEAD_SIGNATURE_INVALID is checkTreeHead's own; the verifier reports a head's signature as SIGNATURE_INVALID. */
export type TreeHeadCode = 'TREE_HEAD_SERVICE_MISMATCH' | 'TREE_SIZE_MISMATCH' | 'TREE_HEAD_MISMATCH' | 'TREE_HEAD_SIGNATURE_INVALID';

/** A refusal of the reader: its stable code, the 1-based line, and a JSON pointer into the line where one applies. */
export class V2ReadError extends ClawproofError<V2ReadCode> {
  readonly line: number;

  constructor(code: V2ReadCode, line: number, message: string, extra: { pointer?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super({ code, message: `line ${line}: ${message}`, ...extra });
    this.name = 'V2ReadError';
    this.line = line;
  }
}

export function isV2ReadError(value: unknown): value is V2ReadError {
  return value instanceof V2ReadError;
}
