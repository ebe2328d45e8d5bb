/**
 * Canonical JSON: RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * The `canonicalize` package does the serialisation, but on its own it follows JSON.stringify
 * habits: it drops `undefined` members, calls toJSON, serialises Dates and class instances as
 * whatever their enumerable fields happen to be, and writes array holes as nothing (invalid JSON).
 * Each of those would let a signer hash something other than what it thinks it signed, so the
 * value is first checked to be pure JSON data and rejected otherwise, with a JSON Pointer.
 */
import canonicalize from 'canonicalize';
import { findLoneSurrogate, utf8Encode } from './bytes.js';
import { coreError } from './errors.js';
import { formatPointer } from './pointer.js';

/**
 * Deepest nesting accepted. Far above what the strict parser lets in by default (64), and low
 * enough that the recursive serialiser cannot exhaust the call stack.
 */
export const CANONICAL_MAX_DEPTH = 1000;

/** RFC 8785 canonical JSON text of `value`. Throws CANONICAL_JSON_UNSUPPORTED if `value` is not pure JSON data. */
export function canonicalJson(value: unknown): string {
  // Pure JSON data whose members are already in RFC 8785 order (every value read from a canonical
  // line is) is written by JSON.stringify exactly as RFC 8785 writes it: section 3.2.2 defines
  // strings and numbers by it, and it emits members in Object.keys order. Several times faster.
  if (assertJsonData(value, [], new Set())) return JSON.stringify(value);
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (cause) {
    throw coreError('CANONICAL_JSON_UNSUPPORTED', 'value could not be canonicalised', { pointer: '', cause });
  }
  if (text === undefined) {
    throw coreError('CANONICAL_JSON_UNSUPPORTED', 'value has no JSON form', { pointer: '' });
  }
  return text;
}

/** UTF-8 bytes of `canonicalJson(value)`: the exact bytes that are hashed and signed. */
export function canonicalBytes(value: unknown): Uint8Array {
  return utf8Encode(canonicalJson(value));
}

function unsupported(path: readonly (string | number)[], what: string): never {
  const pointer = formatPointer(path);
  throw coreError('CANONICAL_JSON_UNSUPPORTED', `${what} at ${pointer === '' ? 'the root' : pointer} is not JSON data`, {
    pointer,
  });
}

/**
 * Throws unless `value` is made only of null, booleans, finite numbers, well-formed strings,
 * arrays without holes and plain objects with data properties. `path` is the current location;
 * `ancestors` holds the containers above it (a repeat means a cycle; shared subtrees are fine).
 * Returns whether every object's keys are in strictly increasing code-unit order.
 */
function assertJsonData(value: unknown, path: (string | number)[], ancestors: Set<object>): boolean {
  switch (typeof value) {
    case 'boolean':
      return true;
    case 'number':
      if (!Number.isFinite(value)) unsupported(path, `number ${String(value)}`);
      return true;
    case 'string':
      if (findLoneSurrogate(value) !== -1) unsupported(path, 'string with a lone surrogate');
      return true;
    case 'object':
      if (value === null) return true;
      break;
    default:
      // undefined, function, symbol, bigint
      return unsupported(path, typeof value);
  }
  const container = value;
  if (path.length >= CANONICAL_MAX_DEPTH) unsupported(path, `nesting deeper than ${CANONICAL_MAX_DEPTH}`);
  if (ancestors.has(container)) unsupported(path, 'circular reference');
  if (typeof (container as { toJSON?: unknown }).toJSON === 'function') unsupported(path, 'object with a toJSON method');

  ancestors.add(container);
  let sorted = true;
  if (Array.isArray(container)) {
    if (Object.getPrototypeOf(container) !== Array.prototype) unsupported(path, 'array subclass');
    for (let i = 0; i < container.length; i++) {
      path.push(i);
      // A hole reads as undefined, and is rejected like one.
      if (!assertJsonData(container[i], path, ancestors)) sorted = false;
      path.pop();
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(container);
    if (proto !== Object.prototype && proto !== null) {
      unsupported(path, `${describeClass(container)} instance`);
    }
    // Symbol keys are invisible to JSON; refuse rather than drop them silently.
    if (Object.getOwnPropertySymbols(container).length > 0) unsupported(path, 'object with symbol keys');
    const record = container as Record<string, unknown>;
    let previous: string | undefined;
    for (const key of Object.keys(record)) {
      // `<` compares UTF-16 code units, RFC 8785 section 3.2.3's order.
      if (previous !== undefined && !(previous < key)) sorted = false;
      previous = key;
      path.push(key);
      if (findLoneSurrogate(key) !== -1) unsupported(path, 'member name with a lone surrogate');
      // A getter could answer differently when the serialiser reads it again.
      const descriptor = Object.getOwnPropertyDescriptor(record, key);
      if (descriptor === undefined || !('value' in descriptor)) unsupported(path, 'accessor property');
      if (!assertJsonData(descriptor.value, path, ancestors)) sorted = false;
      path.pop();
    }
  }
  ancestors.delete(container);
  return sorted;
}

function describeClass(value: object): string {
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? name : 'non-plain object';
}
