/**
 * Errors verifyBundle itself raises. A bad bundle never throws (it gets a report); only a caller's
 * mistake does: an unusable trust root (core TRUST_ROOT_INVALID) or malformed options.
 */
import { ClawproofError } from '../core/errors.js';

export const VERIFY_ERROR_CODES = ['VERIFY_OPTIONS_INVALID', 'VERIFY_TRUST_ROOT_MISSING'] as const;
export type VerifyErrorCode = (typeof VERIFY_ERROR_CODES)[number];

export function verifyError(code: VerifyErrorCode, message: string): ClawproofError<VerifyErrorCode> {
  return new ClawproofError({ code, message });
}
