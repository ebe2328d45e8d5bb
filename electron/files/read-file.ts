import { basename } from 'node:path';
import { readBounded, ReadBoundedError } from '../../src/node/read-bounded.js';
import { desktopError } from '../ipc/errors.js';

/**
 * Reads a regular file of at most `maxBytes` through the shared bounded reader (src/node): bytes
 * are counted while reading, so a file that grows, or lies about its size, cannot make the app
 * read more than the limit. FIFOs, devices and folders are refused before they are opened, so
 * nothing the page names can make the main process wait for a writer. Messages name the file by
 * its base name only: the page has no need for full paths.
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const name = basename(path);
  try {
    return await readBounded(path, { maxBytes, what: 'file', pipes: false });
  } catch (error) {
    if (!(error instanceof ReadBoundedError)) throw desktopError('DESKTOP_READ_FAILED', `"${name}" could not be read (${errorCode(error)}).`, { cause: error });
    switch (error.code) {
      case 'READ_TOO_LARGE':
        throw desktopError('DESKTOP_FILE_TOO_LARGE', `"${name}" is larger than the limit of ${maxBytes} bytes.`, { cause: error });
      case 'READ_DEVICE_REFUSED':
      case 'READ_NOT_A_FILE':
        throw desktopError('DESKTOP_NOT_A_FILE', `"${name}" is not a regular file.`, { cause: error });
      case 'READ_FAILED':
        throw desktopError('DESKTOP_READ_FAILED', `"${name}" could not be opened or read (${errorCode(error.cause)}).`, { cause: error });
    }
  }
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
}
