/**
 * Typed errors with stable codes. The UI and the CLI print `code` as it is, so a code,
 * once published, never changes meaning. Messages say what is wrong and where.
 */

/** Where in a text input a problem was found (0-based offset, 1-based line and column). */
export interface TextPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export const CORE_ERROR_CODES = [
  'INPUT_INVALID',
  'ENCODING_INVALID',
  'JSON_SYNTAX',
  'JSON_DUPLICATE_KEY',
  'JSON_LONE_SURROGATE',
  'JSON_NUMBER_INVALID',
  'JSON_TRAILING_DATA',
  'JSON_TOO_DEEP',
  'JSON_TOO_LARGE',
  'CANONICAL_JSON_UNSUPPORTED',
  'DIGEST_INVALID',
  'KEY_INVALID',
  'SIGNATURE_INVALID',
  'DSSE_MALFORMED',
  'DSSE_PAYLOAD_TYPE_MISMATCH',
  'DSSE_SIGNATURE_INVALID',
  'JWS_MALFORMED',
  'JWS_ALG_UNSUPPORTED',
  'JWS_SIGNATURE_INVALID',
  'TRUST_ROOT_INVALID',
  'KEY_NOT_TRUSTED',
  'KEY_OUTSIDE_VALIDITY',
  'MERKLE_ARGUMENT_INVALID',
  'MERKLE_PROOF_INVALID',
  'JWS_TYPE_MISMATCH',
] as const;

export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

export interface ErrorOptions<C extends string> {
  readonly code: C;
  readonly message: string;
  /** RFC 6901 JSON Pointer into the input the error is about, when there is one. */
  readonly pointer?: string;
  readonly position?: TextPosition;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

export class ClawproofError<C extends string = string> extends Error {
  readonly code: C;
  readonly pointer: string | undefined;
  readonly position: TextPosition | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(options: ErrorOptions<C>) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClawproofError';
    this.code = options.code;
    this.pointer = options.pointer;
    this.position = options.position;
    this.details = options.details;
  }
}

/** Shorthand for the errors raised inside `src/core`. */
export function coreError(
  code: CoreErrorCode,
  message: string,
  extra: Omit<ErrorOptions<CoreErrorCode>, 'code' | 'message'> = {},
): ClawproofError<CoreErrorCode> {
  return new ClawproofError({ code, message, ...extra });
}

export function isClawproofError(value: unknown): value is ClawproofError {
  return value instanceof ClawproofError;
}
