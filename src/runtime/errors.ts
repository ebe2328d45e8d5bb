/**
 * Error codes raised by the simulated runtime (append only: a published code never changes
 * meaning). Every service fails closed with one of these rather than acting on doubtful input.
 */
import { ClawproofError } from '../core/errors.js';

export const RUNTIME_ERROR_CODES = [
  /** An option given to a runtime service or to runJob is malformed. */
  'RUN_INPUT_INVALID',
  /** The WPC failed validation; `details.problems` lists every problem with its pointer. */
  'WPC_INVALID',
  /** No WPC with this hash is in the store. */
  'WPC_NOT_FOUND',
  /** The tickets given to a run are unusable (none, duplicate ids, unreadable). */
  'TICKETS_INVALID',
  /** The keyring is malformed, or a key does not match its seed or key id. */
  'KEYRING_INVALID',
  /** The keyring has no key for a role a service needs. */
  'KEY_ROLE_MISSING',
  /** A requested CST scope is not a well-formed action name. */
  'CST_SCOPE_INVALID',
  /** A requested CST scope is more than the pinned WPC can allow. */
  'CST_SCOPE_TOO_WIDE',
  /** The WPC requires the CST to pin its policy hash and the request did not. */
  'CST_PIN_REQUIRED',
  /** The CST is not a well-formed token of this profile. */
  'CST_MALFORMED',
  /** The CST signature does not verify under the scope key. */
  'CST_SIGNATURE_INVALID',
  /** The CST is past its `exp` (or before its `nbf`) at the time of the call. */
  'CST_EXPIRED',
  'CST_NOT_YET_VALID',
  /** The CST was issued for another audience. */
  'CST_AUDIENCE_MISMATCH',
  /** The CST is bound to another job (anti-replay binding). */
  'CST_JOB_MISMATCH',
  /** The policy hash of the call differs from the pinned one (or from the CST's pin). */
  'POLICY_HASH_MISMATCH',
  /** The pinned WPC requires a policy-hash pin and the CST carries none. */
  'CST_PIN_MISSING',
  /** max_model_calls_per_ticket calls were already made for this ticket. */
  'MODEL_CALL_CAP_REACHED',
  /** The request names a model other than the one behind the proxy. */
  'MODEL_MISMATCH',
  /** The run cannot start: the WPC allows nothing it needs (e.g. tickets.read). */
  'RUN_REFUSED',
  /** Redaction could not produce a clean model view, so the ticket cannot be sent (fail closed). */
  'REDACTION_FAILED',
  /** The approval queue was closed before it answered. */
  'APPROVAL_QUEUE_CLOSED',
  /** A signing key is outside its validity window at the run's start. */
  'KEY_NOT_VALID',
] as const;

export type RuntimeErrorCode = (typeof RUNTIME_ERROR_CODES)[number];

export function runtimeError(
  code: RuntimeErrorCode,
  message: string,
  extra: { pointer?: string; details?: Readonly<Record<string, unknown>>; cause?: unknown } = {},
): ClawproofError<RuntimeErrorCode> {
  return new ClawproofError({ code, message, ...extra });
}

/** Codes that mean the caller's input is bad (CLI exit 2) rather than that the run was refused (exit 1). */
export const BAD_INPUT_CODES: ReadonlySet<string> = new Set<RuntimeErrorCode>([
  'RUN_INPUT_INVALID',
  'WPC_INVALID',
  'TICKETS_INVALID',
  'KEYRING_INVALID',
  'KEY_ROLE_MISSING',
]);
