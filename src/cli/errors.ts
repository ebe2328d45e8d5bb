import { ClawproofError } from '../core/errors.js';

/** Error codes of the `clawproof` command itself (append only: scripts may match on them). */
export const CLI_ERROR_CODES = [
  'CLI_USAGE',
  'CLI_APP_NOT_BUILT',
  'CLI_PORT_IN_USE',
  'CLI_LISTEN_FAILED',
  'CLI_PACKAGE_NOT_FOUND',
] as const;

export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

export function cliError(code: CliErrorCode, message: string, cause?: unknown): ClawproofError<CliErrorCode> {
  return new ClawproofError({ code, message, cause });
}

/** A mistake in how the command was called: exits with status 2 and a pointer to the usage. */
export function usageError(message: string): ClawproofError<CliErrorCode> {
  return cliError('CLI_USAGE', message);
}

export function isUsageError(error: unknown): boolean {
  return error instanceof ClawproofError && error.code === 'CLI_USAGE';
}
