/**
 * A quick way to read text that is already canonical: JSON.parse in native code, then proof that
 * the text is exactly the RFC 8785 form of what was parsed. On a large bundle nearly every line
 * is canonical, and the strict parser plus a re-serialisation cost several times this.
 *
 * It answers only "yes, and here is the value" or "cannot tell". The caller then runs
 * parseStrictJson and canonicalJson, which give the precise error (or, rarely, a yes this test
 * is too cautious to give, such as an object whose keys V8 reorders). Why a yes is sound:
 * - JSON.parse reads the RFC 8259 grammar; what it allows that the strict parser refuses is a
 *   duplicate key (the re-serialised text is then shorter), a number beyond a double (it
 *   becomes null), a lone surrogate written as an escape (refused here: no `\u` is accepted)
 *   and unbounded nesting (the walk below counts it).
 * - JSON.stringify writes strings and numbers exactly as RFC 8785 section 3.2.2 does (it is
 *   defined by them); members come in V8's property order, so equal text plus keys in UTF-16
 *   code-unit order (section 3.2.3) in every object is the canonical form.
 */
import type { JsonArray, JsonObject, JsonValue } from './json.js';

/** `text`'s value when `text` is one JSON value in its RFC 8785 form and nests at most `maxDepth` containers; otherwise undefined. */
export function parseIfCanonical(text: string, maxDepth: number): JsonValue | undefined {
  // A `\u` escape is canonical only for a control character; those, and every lone-surrogate
  // escape, take the strict path.
  if (text.includes('\\u')) return undefined;
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  if (!keysSortedWithin(value, maxDepth)) return undefined;
  return JSON.stringify(value) === text ? value : undefined;
}

/** Every object's keys strictly increasing in code-unit order, and at most `maxDepth` containers deep. */
function keysSortedWithin(root: JsonValue, maxDepth: number): boolean {
  if (typeof root !== 'object' || root === null) return true;
  // Containers still to look at, each with how many containers hold it (itself included).
  const stack: [JsonArray | JsonObject, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [container, depth] = stack.pop()!;
    if (depth > maxDepth) return false;
    const children = Array.isArray(container) ? container : sortedValues(container);
    if (children === undefined) return false;
    for (const child of children) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}

/** The object's values, or undefined if its keys are not strictly increasing. */
function sortedValues(object: JsonObject): JsonValue[] | undefined {
  const keys = Object.keys(object);
  for (let i = 1; i < keys.length; i++) {
    // `<` on strings compares UTF-16 code units, the order RFC 8785 section 3.2.3 sorts by.
    if (!(keys[i - 1]! < keys[i]!)) return undefined;
  }
  return keys.map((key) => object[key]!);
}
