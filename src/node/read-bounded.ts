/**
 * The one way the command line, the runtime's Node adapters and the desktop shell read a file
 * into memory: bytes are counted while reading and the read stops one byte past the limit, so
 * nothing an input names can make Clawproof read without end. The size stat() reports is never
 * trusted to accept a file (it is 0 for /proc files and pipes, and a file can grow while it is
 * read); it is only used to refuse early and to size the first buffer.
 *
 * - character and block devices are refused before they are opened (`/dev/zero`, `/dev/urandom`
 *   and a tape drive have no end, or side effects on open);
 * - pipes and FIFOs are read like files and bounded the same way (process substitution,
 *   `--tickets <(curl ...)`, is a real use), unless the caller says `pipes: false`;
 * - `-` means standard input, bounded the same way, but only for callers that pass `stdin`.
 *
 * Node-only (node:fs). Errors are ReadBoundedError with a stable code; `reason` says what went
 * wrong without the path, for callers (the desktop shell) that must not show full paths.
 */
import { constants, fstatSync, type Stats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { isatty } from 'node:tty';
import { ClawproofError } from '../core/errors.js';

/** Stable codes (append only). */
export const READ_ERROR_CODES = [
  /** More bytes than the limit for this kind of file. */
  'READ_TOO_LARGE',
  /** A character or block device. */
  'READ_DEVICE_REFUSED',
  /** A directory, a socket, or a FIFO where only regular files are allowed. */
  'READ_NOT_A_FILE',
  /** The file system refused: missing, no permission, I/O error. */
  'READ_FAILED',
] as const;

export type ReadErrorCode = (typeof READ_ERROR_CODES)[number];

/** The path that means standard input, for callers that allow it. */
export const STDIN_PATH = '-';

export interface StdinSource {
  readonly stream: AsyncIterable<Uint8Array | string> & { destroy?: () => void };
  /** Its file descriptor (0), to refuse a device redirected to it; absent for a stream in memory. */
  readonly fd?: number;
}

export interface ReadBoundedOptions {
  /** Most bytes accepted; one more and the read stops with READ_TOO_LARGE. */
  readonly maxBytes: number;
  /** What the file is, for messages: "bundle", "trust root", "WPC file". */
  readonly what: string;
  /** Accept pipes and FIFOs (default true). The desktop shell says false: it opens regular files only. */
  readonly pipes?: boolean;
  /** When given, `-` reads this instead of a file named `-`. Called only then (process.stdin is lazy). */
  readonly stdin?: () => StdinSource;
}

export class ReadBoundedError extends ClawproofError<ReadErrorCode> {
  /** The path as given (`-` for standard input). */
  readonly path: string;
  readonly what: string;
  /** What went wrong, without the path: "it is larger than the limit of 4 MiB (4,194,304 bytes)". */
  readonly reason: string;
  readonly maxBytes: number;

  constructor(code: ReadErrorCode, path: string, options: ReadBoundedOptions, reason: string, cause?: unknown) {
    super({ code, message: `cannot read the ${options.what} ${displayPath(path)}: ${reason}`, cause, details: { path, limit: options.maxBytes } });
    this.name = 'ReadBoundedError';
    this.path = path;
    this.what = options.what;
    this.reason = reason;
    this.maxBytes = options.maxBytes;
  }
}

export function isReadBoundedError(value: unknown): value is ReadBoundedError {
  return value instanceof ReadBoundedError;
}

/** "256 MiB (268,435,456 bytes)": the limit as people read it, and exactly. */
export function describeLimit(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} bytes`;
  for (const [unit, size] of [['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit} (${exact})`;
  }
  return exact;
}

function displayPath(path: string): string {
  return path === STDIN_PATH ? 'from standard input' : path;
}

const PIPE_CHUNK_BYTES = 64 * 1024;

/** Reads all of `path` (or standard input for `-`, see options.stdin) if it has at most `maxBytes` bytes. */
export async function readBounded(path: string, options: ReadBoundedOptions): Promise<Uint8Array<ArrayBuffer>> {
  if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes < 0) throw new RangeError('maxBytes must be a whole number >= 0');
  if (path === STDIN_PATH && options.stdin !== undefined) return readStdin(options.stdin(), options);

  const fail = (code: ReadErrorCode, reason: string, cause?: unknown) => new ReadBoundedError(code, path, options, reason, cause);
  let info: Stats;
  try {
    info = await stat(path);
  } catch (cause) {
    throw fail('READ_FAILED', describeFsError(cause), cause);
  }
  refuseKind(info, options, fail);
  if (info.isFile() && info.size > options.maxBytes) throw fail('READ_TOO_LARGE', tooLarge(options.maxBytes));

  // A FIFO is opened blocking: open waits for a writer, as `cat` does. A regular file is opened
  // O_NONBLOCK so that, if it is swapped for a FIFO between stat and open, open cannot hang.
  const flags = info.isFIFO() ? constants.O_RDONLY : constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (cause) {
    throw fail('READ_FAILED', describeFsError(cause), cause);
  }
  try {
    const opened = await handle.stat();
    // What was opened is judged again: the path may name something else than it did at stat().
    refuseKind(opened, options, fail);
    if (opened.isFIFO() !== info.isFIFO()) throw fail('READ_NOT_A_FILE', 'it changed from a file to a pipe (or back) while it was being opened');
    const first = opened.isFile() ? opened.size + 1 : PIPE_CHUNK_BYTES;
    return await readAll((buffer, offset, length) => handle.read(buffer, offset, length, null).then((r) => r.bytesRead), first, options.maxBytes, () =>
      fail('READ_TOO_LARGE', tooLarge(options.maxBytes)),
    );
  } catch (error) {
    if (error instanceof ReadBoundedError) throw error;
    throw fail('READ_FAILED', describeFsError(error), error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

type Fail = (code: ReadErrorCode, reason: string, cause?: unknown) => ReadBoundedError;

function refuseKind(info: Stats, options: ReadBoundedOptions, fail: Fail): void {
  if (info.isFile()) return;
  if (info.isFIFO()) {
    if (options.pipes === false) throw fail('READ_NOT_A_FILE', 'it is a named pipe (FIFO), not a regular file');
    return;
  }
  if (info.isCharacterDevice()) throw fail('READ_DEVICE_REFUSED', 'it is a character device, not a file (devices such as /dev/zero are refused)');
  if (info.isBlockDevice()) throw fail('READ_DEVICE_REFUSED', 'it is a block device, not a file');
  if (info.isDirectory()) throw fail('READ_NOT_A_FILE', 'it is a directory, not a file');
  if (info.isSocket()) throw fail('READ_NOT_A_FILE', 'it is a socket, not a file');
  throw fail('READ_NOT_A_FILE', 'it is not a regular file');
}

function tooLarge(maxBytes: number): string {
  return `it is larger than the limit of ${describeLimit(maxBytes)}`;
}

/**
 * Reads with `read` until it returns 0, into one buffer that grows by doubling up to maxBytes + 1:
 * the extra byte is how a source longer than the limit is told apart from one of exactly the limit.
 */
async function readAll(
  read: (buffer: Uint8Array, offset: number, length: number) => Promise<number>,
  firstSize: number,
  maxBytes: number,
  tooLargeError: () => Error,
): Promise<Uint8Array<ArrayBuffer>> {
  const cap = maxBytes + 1;
  let buffer = new Uint8Array(Math.max(1, Math.min(firstSize, cap)));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= cap) throw tooLargeError();
      const grown = new Uint8Array(Math.min(Math.max(buffer.length * 2, PIPE_CHUNK_BYTES), cap));
      grown.set(buffer);
      buffer = grown;
    }
    const n = await read(buffer, length, buffer.length - length);
    if (n === 0) break;
    length += n;
    if (length > maxBytes) throw tooLargeError();
  }
  // Keep the common case (a file read whole into a buffer one byte larger) free of a copy.
  return buffer.length - length <= PIPE_CHUNK_BYTES ? buffer.subarray(0, length) : buffer.slice(0, length);
}

async function readStdin(source: StdinSource, options: ReadBoundedOptions): Promise<Uint8Array<ArrayBuffer>> {
  const fail: Fail = (code, reason, cause) => new ReadBoundedError(code, STDIN_PATH, options, reason, cause);
  if (source.fd !== undefined) {
    let info: Stats;
    try {
      info = fstatSync(source.fd);
    } catch (cause) {
      throw fail('READ_FAILED', describeFsError(cause), cause);
    }
    // A terminal is a character device too, and typing (or pasting) into it is a fair use of `-`;
    // a socket is what a parent process's pipe often is (Node's child_process, socket activation).
    if (!(info.isCharacterDevice() && isatty(source.fd)) && !info.isSocket()) refuseKind(info, options, fail);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for await (const chunk of source.stream) {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      length += bytes.byteLength;
      if (length > options.maxBytes) {
        source.stream.destroy?.();
        throw fail('READ_TOO_LARGE', tooLarge(options.maxBytes));
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof ReadBoundedError) throw error;
    throw fail('READ_FAILED', describeFsError(error), error);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** A plain-language reason for a Node file-system error. */
export function describeFsError(error: unknown): string {
  switch ((error as { code?: unknown } | null)?.code) {
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
    case 'ENXIO':
      return 'no such device or address (a socket or a device without a driver)';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
