/**
 * The verifier's front door: bytes, text or an already parsed value become one strict JSON
 * object, or a clear input issue. Nothing here throws for bad input: size, depth, encoding,
 * syntax, duplicate keys and non-JSON values each map to their own INPUT_* code.
 *
 * Bytes and text go through core's strict parser (RFC 8259 plus I-JSON rules), so two verifiers
 * can never read one file two ways. A parsed value is bounded first (json-value-bounds.ts), then
 * serialised canonically (which rejects anything that is not pure JSON data) and parsed again:
 * the verifier works on its own copy, which the caller can no longer change under it.
 */
import { isBytes } from '@noble/hashes/utils.js';
import { utf8Encode } from '../core/bytes.js';
import { canonicalBytes } from '../core/canonical.js';
import { isClawproofError } from '../core/errors.js';
import { sha256, type Digest } from '../core/hash.js';
import { parseStrictJson, type JsonObject, type JsonValue } from '../core/json.js';
import type { InputCode } from '../format/codes.js';
import { checkJsonValueBounds } from './json-value-bounds.js';
import type { CheckIssue, Evidence } from './report.js';

export interface InputLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

export type BundleInput =
  | { readonly ok: true; readonly document: JsonObject; readonly hash: Digest; readonly bytes: number }
  | { readonly ok: false; readonly issue: CheckIssue; readonly hash: Digest | null; readonly bytes: number };

export type { InputCode } from '../format/codes.js';

/** Core parser codes and what they mean for a bundle document. */
const PARSE_CODES: Readonly<Record<string, InputCode>> = {
  JSON_TOO_LARGE: 'INPUT_TOO_LARGE',
  JSON_TOO_DEEP: 'INPUT_TOO_DEEP',
  ENCODING_INVALID: 'INPUT_NOT_UTF8',
  JSON_DUPLICATE_KEY: 'INPUT_DUPLICATE_KEY',
  CANONICAL_JSON_UNSUPPORTED: 'INPUT_NOT_JSON_DATA',
};

export function readBundleInput(input: unknown, limits: InputLimits): BundleInput {
  if (isBytes(input)) return fromBytes(input, limits);
  if (typeof input === 'string') return fromText(input, limits);
  return fromValue(input, limits);
}

function fromBytes(bytes: Uint8Array, limits: InputLimits): BundleInput {
  // Hashing a refused oversize input would be the unbounded work the limit exists to prevent.
  const hash = bytes.length <= limits.maxBytes ? sha256(bytes) : null;
  return finish(() => parseStrictJson(bytes, limits), hash, bytes.length);
}

function fromText(text: string, limits: InputLimits): BundleInput {
  let encoded: Uint8Array | null = null;
  if (text.length <= limits.maxBytes) {
    try {
      encoded = utf8Encode(text);
    } catch {
      encoded = null; // a lone surrogate: the parser below names it
    }
  }
  const size = encoded?.length ?? text.length;
  return finish(() => parseStrictJson(text, limits), encoded === null ? null : sha256(encoded), size);
}

function fromValue(value: unknown, limits: InputLimits): BundleInput {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    return unusable('INPUT_NOT_JSON_DATA', `the bundle is ${typeof value}, not bytes, text or a parsed JSON object`, {}, null, 0);
  }
  const bounds = checkJsonValueBounds(value, limits.maxDepth, limits.maxBytes);
  if (bounds !== null) return unusable(bounds.code, bounds.message, { pointer: bounds.pointer }, null, 0);
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(value);
  } catch (cause) {
    const pointer = isClawproofError(cause) ? cause.pointer : undefined;
    const reason = isClawproofError(cause) ? cause.message : 'it is not plain JSON data';
    return unusable('INPUT_NOT_JSON_DATA', `the bundle value is not JSON data: ${reason}`, pointer === undefined ? {} : { pointer }, null, 0);
  }
  return finish(() => parseStrictJson(bytes, limits), bytes.length <= limits.maxBytes ? sha256(bytes) : null, bytes.length);
}

function finish(parse: () => JsonValue, hash: Digest | null, bytes: number): BundleInput {
  let document: JsonValue;
  try {
    document = parse();
  } catch (cause) {
    if (!isClawproofError(cause)) throw cause;
    const code = PARSE_CODES[cause.code] ?? 'INPUT_NOT_JSON';
    const evidence: Evidence = cause.position === undefined ? { note: cause.code } : { position: cause.position, note: cause.code };
    return unusable(code, `the bundle cannot be read as strict JSON: ${cause.message}`, evidence, code === 'INPUT_TOO_LARGE' ? null : hash, bytes);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    const got = document === null ? 'null' : Array.isArray(document) ? 'an array' : typeof document;
    return unusable('INPUT_NOT_OBJECT', `a proof bundle is a JSON object; this document is ${got}`, { pointer: '' }, hash, bytes);
  }
  if (hash === null) {
    return unusable('INPUT_TOO_LARGE', 'the bundle is larger than the input limit', {}, null, bytes);
  }
  return { ok: true, document, hash, bytes };
}

function unusable(code: InputCode, message: string, evidence: Evidence, hash: Digest | null, bytes: number): BundleInput {
  return { ok: false, issue: { severity: 'fail', code, message, evidence: [evidence] }, hash, bytes };
}
