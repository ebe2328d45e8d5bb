/**
 * Errors of the store layer. A failed write must say what failed and why (full disk, blocked
 * database) so the UI can tell the user plainly that nothing already stored was lost.
 */
import { ClawproofError, type ErrorOptions } from '../core/errors.js';

export const STORE_ERROR_CODES = [
  /** The browser refused the write: the origin's storage quota is used up. */
  'STORE_QUOTA_EXCEEDED',
  /** IndexedDB is missing, blocked (private mode, another tab upgrading) or failed to open. */
  'STORE_UNAVAILABLE',
  /** A newer Clawproof in another tab upgraded the database; this tab let go of it and must be reloaded. */
  'STORE_SUPERSEDED',
  /** Any other failed read or write. */
  'STORE_FAILED',
  /** No stored entry has that key. */
  'STORE_NOT_FOUND',
  /** A stored entry no longer decodes (hand-edited database, another build's format, damaged bytes). */
  'STORE_CORRUPT',
  /** The preinstalled demo trust root cannot be deleted, only left unselected. */
  'TRUST_ROOT_BUILT_IN',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

export type StoreError = ClawproofError<StoreErrorCode>;

export function storeError(
  code: StoreErrorCode,
  message: string,
  extra: Omit<ErrorOptions<StoreErrorCode>, 'code' | 'message'> = {},
): StoreError {
  return new ClawproofError({ code, message, ...extra });
}

export function isStoreError(value: unknown): value is StoreError {
  return value instanceof ClawproofError && (STORE_ERROR_CODES as readonly string[]).includes(value.code);
}

/** Dexie and IndexedDB name their errors; quota errors may arrive wrapped in an AbortError's `inner`. */
function errorNames(cause: unknown): string[] {
  const names: string[] = [];
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

const UNAVAILABLE_NAMES = ['MissingAPIError', 'OpenFailedError', 'DatabaseClosedError', 'InvalidStateError', 'VersionError', 'UpgradeError'];

/**
 * Maps a failure of Dexie or IndexedDB to a StoreError saying what was being done (`doing`, e.g.
 * "saving the bundle"). A StoreError passes through unchanged.
 */
export function toStoreError(cause: unknown, doing: string): StoreError {
  if (isStoreError(cause)) return cause;
  const names = errorNames(cause);
  const detail = cause instanceof Error && cause.message !== '' ? `: ${cause.message}` : '';
  if (names.includes('QuotaExceededError')) {
    return storeError(
      'STORE_QUOTA_EXCEEDED',
      `${capitalise(doing)} failed: this browser's storage for Clawproof is full. Nothing already in the library was lost; ` +
        'delete bundles you no longer need and try again.',
      { cause },
    );
  }
  if (names.some((name) => UNAVAILABLE_NAMES.includes(name))) {
    return storeError('STORE_UNAVAILABLE', `${capitalise(doing)} failed: the local database is not available${detail}`, { cause });
  }
  return storeError('STORE_FAILED', `${capitalise(doing)} failed${detail}`, { cause });
}

/**
 * What every store call says once this tab closed its connection for a newer schema: reloading
 * loads the newer app, and nothing stored was touched by the close.
 */
export function supersededError(doing: string, cause?: unknown): StoreError {
  return storeError(
    'STORE_SUPERSEDED',
    `${capitalise(doing)} failed: a newer version of Clawproof opened in another tab and upgraded the library, so this tab ` +
      'let go of it. Reload this page to keep using the library; nothing stored was lost.',
    cause === undefined ? {} : { cause },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
