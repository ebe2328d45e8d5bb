/** Error codes raised by src/dlp. Append only: a published code never changes meaning. */
import { ClawproofError } from '../core/errors.js';

export const DLP_ERROR_CODES = [
  /** The RedactionConfig (or a detector list) is malformed. */
  'DLP_CONFIG_INVALID',
  /** The document is not a plain JSON object of JSON values within the depth limit. */
  'DLP_INPUT_INVALID',
  /** A member name (not a value) holds a detected secret or PII; names cannot be redacted. */
  'DLP_MEMBER_NAME_SENSITIVE',
  /** Redaction could not produce a view that re-scans clean (a detector bug: fail closed). */
  'DLP_VIEW_NOT_CLEAN',
] as const;

export type DlpErrorCode = (typeof DLP_ERROR_CODES)[number];

export function dlpError(code: DlpErrorCode, message: string, pointer?: string): ClawproofError<DlpErrorCode> {
  return new ClawproofError({ code, message, ...(pointer === undefined ? {} : { pointer }) });
}
