/**
 * One line's bytes to a typed line, or the reason it is none: well-formed UTF-8, one strict JSON
 * value, its own RFC 8785 form (one spelling, so the bytes hashed are the bytes meant), an
 * object whose `t` names a line type, and that type's schema.
 */
import { canonicalJson } from '../../core/canonical.js';
import { parseIfCanonical } from '../../core/canonical-parse.js';
import { isClawproofError } from '../../core/errors.js';
import { parseStrictJson, type JsonObject, type JsonValue } from '../../core/json.js';
import { formatPointer } from '../../core/pointer.js';
import { utf8Decode } from '../../core/bytes.js';
import { V2ReadError } from './errors.js';
import { LINE_SCHEMAS, LINE_TYPES, isLineType, type V2Line } from './line.js';

/** Nesting a line may have; v1 payloads were read within 64 too. */
export const LINE_MAX_DEPTH = 64;

/** `beforeSchema` sees the parsed object before its schema does (the header's version is checked first). */
export function decodeLine(bytes: Uint8Array, number: number, beforeSchema?: (value: JsonObject) => void): V2Line {
  let text: string;
  try {
    text = utf8Decode(bytes);
  } catch (cause) {
    throw new V2ReadError('LINE_NOT_UTF8', number, 'the line is not well-formed UTF-8', { cause });
  }
  const value = parseIfCanonical(text, LINE_MAX_DEPTH) ?? parseStrictly(text, bytes.length, number);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof value['t'] !== 'string') {
    throw new V2ReadError('LINE_NOT_OBJECT', number, 'the line is not a JSON object with a string member t', { pointer: '/t' });
  }
  const t = value['t'];
  if (!isLineType(t)) {
    throw new V2ReadError('LINE_TYPE_UNKNOWN', number, `t is ${JSON.stringify(t).slice(0, 80)}, none of ${LINE_TYPES.join(', ')}`, { pointer: '/t' });
  }
  beforeSchema?.(value);
  const parsed = LINE_SCHEMAS[t].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // An unknown member is reported at the member itself, not at the object holding it.
    const path = [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])];
    const pointer = formatPointer(path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    throw new V2ReadError('LINE_SCHEMA_INVALID', number, `the ${t} line does not fit its schema at ${pointer === '' ? 'the root' : pointer}: ${issue.message}`, {
      pointer,
      details: { issues: parsed.error.issues.length },
    });
  }
  // The line as parsed, not zod's copy: the line schemas are strict, without transforms or
  // defaults, so the two are equal (pinned by test/verify/schemas/output-is-input.test.ts).
  return value as V2Line;
}

/** The strict parser and a re-serialisation: the precise reason a line is not canonical JSON (or, rarely, its value). */
function parseStrictly(text: string, length: number, number: number): JsonValue {
  let value: JsonValue;
  try {
    value = parseStrictJson(text, { maxDepth: LINE_MAX_DEPTH, maxBytes: length + 1 });
  } catch (cause) {
    const why = isClawproofError(cause) ? `${cause.code}: ${cause.message}` : 'unreadable';
    throw new V2ReadError('LINE_NOT_JSON', number, `the line is not one strict JSON value (${why})`, { cause });
  }
  if (canonicalJson(value) !== text) {
    throw new V2ReadError('LINE_NOT_CANONICAL', number, 'the line is not in its RFC 8785 canonical form (key order, number or string spelling, or whitespace)');
  }
  return value;
}
