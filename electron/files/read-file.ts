import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { isClawproofError } from '../../src/core/errors.js';
import { desktopError } from '../ipc/errors.js';

// O_NONBLOCK: opening a FIFO or a device named like a bundle must not hang the app; regular files
// are unaffected. Windows has neither the flag nor such files.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads a regular file of at most `maxBytes`. The size is checked on the open handle before
 * reading and counted again while reading, so a file that grows in between cannot make the app
 * read more than the limit.
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw desktopError('DESKTOP_READ_FAILED', `"${name}" could not be opened (${errorCode(error)}).`, { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw desktopError('DESKTOP_NOT_A_FILE', `"${name}" is not a regular file.`);
    if (stats.size > maxBytes) throw tooLarge(name, maxBytes);

    const chunks: Uint8Array[] = [];
    let total = 0;
    // The expected size plus one byte, so the usual case is one read that also sees the end.
    let buffer = new Uint8Array(stats.size + 1);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(name, maxBytes);
      chunks.push(buffer.subarray(0, bytesRead));
      buffer = new Uint8Array(CHUNK_BYTES);
    }
    return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : new Uint8Array(Buffer.concat(chunks));
  } catch (error) {
    if (isClawproofError(error)) throw error;
    throw desktopError('DESKTOP_READ_FAILED', `"${name}" could not be read (${errorCode(error)}).`, { cause: error });
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(name: string, maxBytes: number): Error {
  return desktopError('DESKTOP_FILE_TOO_LARGE', `"${name}" is larger than the limit of ${maxBytes} bytes.`);
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'unknown error';
}
