/**
 * The codes a v2 reader refuses a file with, and the tree-head check's codes. They live here, not
 * in src/format/codes.ts, until the verifier emits them: the registry's tests require every
 * registered code to be written in src/verify, which stage 1 does not touch (docs/design/format-v2.md).
 */
import { ClawproofError } from '../../core/errors.js';

export const V2_READ_CODES = {
  VERSION_UNSUPPORTED: 'a JSON document (as v1 bundles are), or a header of another version',
  MEDIA_TYPE_UNKNOWN: "the header's mediaType is not the v2 bundle's",
  HEADER_MISSING: 'the first line is not a header (or the input is empty)',
  LINE_TOO_LONG: "a line longer than the header's max_line_bytes or the reader's own limit",
  LINE_UNTERMINATED: 'the last line does not end in LF',
  LINE_NOT_UTF8: 'a line that is not well-formed UTF-8',
  LINE_NOT_JSON: 'a line that is not one strict JSON value (blank lines included)',
  LINE_NOT_CANONICAL: 'a line that is not its own RFC 8785 canonical form',
  LINE_NOT_OBJECT: 'a line that is not a JSON object with a string `t`',
  LINE_TYPE_UNKNOWN: 'a line whose `t` is none of the v2 line types',
  LINE_SCHEMA_INVALID: "a line outside its type's schema (the pointer says where)",
  LINE_OUT_OF_ORDER: 'a header, wpc or cst line out of its place (lines 1, 2, 3), or tree heads out of order',
  HEADER_COUNT_EXCEEDED: 'more lines of a kind than the header counts (refused at that line)',
  HEADER_COUNT_MISMATCH: 'fewer lines of a kind than the header counts (found at the end)',
  LINE_AFTER_TREE_HEADS: 'a line after the last tree head, or a job line between the heads',
  TREE_HEADS_MISSING: 'the file ends before both tree heads (proxy, then harness)',
  SIGNATURE_KEY_UNKNOWN: "a signed line whose key index is past the header's key list for its role",
  SEQ_OUT_OF_ORDER: "a record's seq that is not its index among the records, or a receipt's among the receipts",
  RECORD_AT_MISSING: 'the first record without `at` (there is no previous record to take it from)',
  RECORD_AT_REPEATED: "a record stating an `at` equal to the previous record's, which the format omits (one spelling)",
  PROPOSAL_SEQ_UNKNOWN: "a decision whose proposal_seq is not an earlier proposal record of the decision's ticket",
} as const;
export type V2ReadCode = keyof typeof V2_READ_CODES;

export const TREE_HEAD_CODES = {
  TREE_HEAD_SERVICE_MISMATCH: 'a tree head of another service than the one expected at its place',
  TREE_SIZE_MISMATCH: 'the head states another number of lines than the reader hashed',
  TREE_HEAD_MISMATCH: 'the head states another root than the tree over the lines present',
  TREE_HEAD_SIGNATURE_INVALID: "the head's signature does not verify with the given key",
} as const;
export type TreeHeadCode = keyof typeof TREE_HEAD_CODES;

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
