import { ClawproofError } from '../../src/core/errors.js';
import { DESKTOP_ERROR_CODES, type DesktopErrorCode, type DesktopFailure } from './contract.js';

export function desktopError(
  code: DesktopErrorCode,
  message: string,
  extra: { readonly cause?: unknown; readonly pointer?: string } = {},
): ClawproofError<DesktopErrorCode> {
  return new ClawproofError({ code, message, ...extra });
}

export function failure(code: DesktopErrorCode, message: string): DesktopFailure {
  return { status: 'failed', code, message };
}

/**
 * The failure the page is told about. Errors the shell raised itself keep their code and message;
 * anything else (an fs error, a bug) becomes `fallback`, without the raw error text, which may
 * hold full paths or internals the page has no need for.
 */
export function toFailure(error: unknown, fallback: DesktopErrorCode, fallbackMessage: string): DesktopFailure {
  if (error instanceof ClawproofError && isDesktopCode(error.code)) return failure(error.code, error.message);
  return failure(fallback, fallbackMessage);
}

function isDesktopCode(code: string): code is DesktopErrorCode {
  return (DESKTOP_ERROR_CODES as readonly string[]).includes(code);
}
