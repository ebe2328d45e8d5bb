/**
 * Node-only file helpers for the CLI and scripts (the rest of src/runtime is isomorphic and is
 * also loaded by the app). Every read goes through the bounded reader of src/node; failures
 * become runtime errors that name the file, the cause and, for a file too large, the limit.
 */
import { isClawproofError } from '../../core/errors.js';
import { parseStrictJson, type JsonValue } from '../../core/json.js';
import { describeFsError, readBounded, ReadBoundedError, type StdinSource } from '../../node/read-bounded.js';
import { runtimeError, type RuntimeErrorCode } from '../errors.js';

export { describeFsError } from '../../node/read-bounded.js';

export interface ReadJsonOptions {
  /** What the file is, for messages ("WPC file", "keyring"). */
  readonly what: string;
  readonly maxBytes: number;
  /** The error code raised for any failure (default RUN_INPUT_INVALID: bad input, exit 2). */
  readonly code?: RuntimeErrorCode;
  /** Given: `-` reads standard input. */
  readonly stdin?: () => StdinSource;
}

/** Reads (bounded) and strictly parses a JSON file. */
export async function readJsonFile(path: string, options: ReadJsonOptions): Promise<JsonValue> {
  return (await readJsonFileSized(path, options)).value;
}

/** readJsonFile, also saying how many bytes the file had (for budgets across several files). */
export async function readJsonFileSized(path: string, options: ReadJsonOptions): Promise<{ value: JsonValue; bytes: number }> {
  const { what, code = 'RUN_INPUT_INVALID' } = options;
  const shown = path === '-' && options.stdin !== undefined ? 'from standard input' : path;
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(path, { what, maxBytes: options.maxBytes, ...(options.stdin === undefined ? {} : { stdin: options.stdin }) });
  } catch (cause) {
    const reason = cause instanceof ReadBoundedError ? cause.reason : describeFsError(cause);
    throw runtimeError(code, `cannot read ${what} ${shown}: ${reason}`, { cause, details: { path, limit: options.maxBytes } });
  }
  try {
    return { value: parseStrictJson(bytes), bytes: bytes.byteLength };
  } catch (cause) {
    const p = isClawproofError(cause) ? cause.position : undefined;
    const where = p === undefined ? '' : ` (line ${p.line}, column ${p.column})`;
    const reason = isClawproofError(cause) ? cause.message : 'unreadable';
    throw runtimeError(code, `${what} ${shown} is not valid JSON${where}: ${reason}`, { cause });
  }
}
