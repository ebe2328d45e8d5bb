/**
 * Node-only file helpers for the CLI and scripts (the rest of src/runtime is isomorphic and is
 * also loaded by the app). Failures become runtime errors that name the file and the cause.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isClawproofError } from '../../core/errors.js';
import { parseStrictJson, type JsonValue } from '../../core/json.js';
import { runtimeError, type RuntimeErrorCode } from '../errors.js';

/** Largest input file read (a bundle-sized Zendesk export is far smaller). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A plain-language reason for a Node file-system error. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'EEXIST':
      return 'it already exists';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Reads and strictly parses a JSON file; `code` is the error raised for any failure. */
export async function readJsonFile(path: string, what: string, code: RuntimeErrorCode = 'RUN_INPUT_INVALID'): Promise<JsonValue> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_INPUT_BYTES) throw new Error(`it is larger than ${MAX_INPUT_BYTES} bytes`);
    bytes = await readFile(path);
  } catch (cause) {
    throw runtimeError(code, `cannot read ${what} ${path}: ${describeFsError(cause)}`, { cause });
  }
  try {
    return parseStrictJson(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (cause) {
    const p = isClawproofError(cause) ? cause.position : undefined;
    const where = p === undefined ? '' : ` (line ${p.line}, column ${p.column})`;
    const reason = isClawproofError(cause) ? cause.message : 'unreadable';
    throw runtimeError(code, `${what} ${path} is not valid JSON${where}: ${reason}`, { cause });
  }
}

/**
 * Writes `data` to `path` atomically: a temporary file in the same directory, flushed, then
 * renamed over `path` (rename within one file system is atomic on POSIX). A failure at any point
 * removes the temporary file, so `path` is either the old file, absent, or the complete new one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (cause) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw runtimeError('RUN_INPUT_INVALID', `cannot write ${path}: ${describeFsError(cause)}`, { cause });
  }
}

/** Creates `path` with `data`, refusing (EEXIST) to replace anything already there. */
export async function writeNewFile(path: string, data: string, mode: number): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    // The umask may have narrowed the mode at creation; set exactly what was asked for.
    await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function ensureDirectory(path: string, mode = 0o700): Promise<void> {
  await mkdir(path, { recursive: true, mode });
}
