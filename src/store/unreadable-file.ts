/** The error for a chosen file that can no longer be read; its own file so the worker can import it without Dexie. */
import { ClawproofError } from '../core/errors.js';

/** A file the user chose that cannot be read now (moved, deleted, changed since it was chosen). */
export function unreadableFile(cause: unknown): ClawproofError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new ClawproofError({
    code: 'FILE_UNREADABLE',
    message: `the file could not be read (${why}); it may have been moved, changed or be unreadable`,
    cause,
  });
}
