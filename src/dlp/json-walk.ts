/**
 * Checking and walking the JSON documents redaction reads.
 *
 * Document order (used for placeholder numbering and for counting characters against
 * maxChars): depth-first, pre-order; object members in ascending order of their names compared
 * as UTF-16 code units (the RFC 8785 order, so the result does not depend on how the member order
 * of the input was kept); array items by index.
 */
import type { JsonObject, JsonValue } from './types.js';
import { escapePointerToken } from '../core/pointer.js';
import { dlpError } from './errors.js';

/** Deepest nesting accepted (the strict core parser's default). */
export const MAX_DEPTH = 64;

/** Member names in document order. */
export function sortedKeys(obj: JsonObject): string[] {
  return Object.keys(obj).sort();
}

export function isPlainObject(value: unknown): value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Throws DLP_INPUT_INVALID, with a pointer, unless `value` is pure JSON data within MAX_DEPTH. */
export function assertJsonDocument(value: unknown, what: string): asserts value is JsonObject {
  if (!isPlainObject(value)) throw dlpError('DLP_INPUT_INVALID', `${what} must be a JSON object`, '');
  check(value, '', 0, what, new Set());
}

function check(value: unknown, pointer: string, depth: number, what: string, seen: Set<object>): void {
  if (depth > MAX_DEPTH) throw dlpError('DLP_INPUT_INVALID', `${what} nests deeper than ${MAX_DEPTH} levels`, pointer);
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw dlpError('DLP_INPUT_INVALID', `${what} holds a non-finite number`, pointer);
    return;
  }
  if (typeof value === 'object') {
    // A parsed JSON text is a tree; a shared or cyclic reference would be walked many times over.
    if (seen.has(value)) throw dlpError('DLP_INPUT_INVALID', `${what} holds a shared or cyclic reference`, pointer);
    seen.add(value);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw dlpError('DLP_INPUT_INVALID', `${what} holds an array hole`, `${pointer}/${i}`);
      check(value[i], `${pointer}/${i}`, depth + 1, what, seen);
    }
    return;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) check(value[key], `${pointer}/${escapePointerToken(key)}`, depth + 1, what, seen);
    return;
  }
  throw dlpError('DLP_INPUT_INVALID', `${what} holds a value that is not JSON (${typeof value})`, pointer);
}

export type { JsonValue };
