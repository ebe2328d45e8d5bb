/**
 * Map an RFC 6901 pointer to its place in JSON source text, so an editor can underline the
 * exact value (or member name) a problem is about.
 *
 * The text is expected to be strict JSON already (validateWpcText parses it first); on anything
 * else the locator gives up (returns null) rather than guess.
 */
import { textPositionAt } from '../core/json.js';
import { formatPointer, parsePointer } from './json-pointer.js';
import type { TextRange } from './problems.js';

export interface PointerLocation {
  /** The value at the pointer. */
  readonly value: TextRange;
  /** The member name (with its quotes) when the pointer ends at an object member. */
  readonly key?: TextRange;
}

/** Where `pointer` lands in `text`, or null when it does not resolve there. */
export function locatePointer(text: string, pointer: string): PointerLocation | null {
  const tokens = parsePointer(pointer);
  if (tokens === null) return null;
  const scanner = new Scanner(text);
  try {
    let start = scanner.skipWhitespace(0);
    let keySpan: [number, number] | undefined;
    for (const token of tokens) {
      const found = scanner.findChild(start, token);
      if (found === null) return null;
      start = found.valueStart;
      keySpan = found.key;
    }
    const end = scanner.skipValue(start);
    const range = (from: number, to: number): TextRange => ({ start: textPositionAt(text, from), end: textPositionAt(text, to) });
    return keySpan === undefined ? { value: range(start, end) } : { value: range(start, end), key: range(keySpan[0], keySpan[1]) };
  } catch (error) {
    if (error instanceof LocatorGaveUp) return null;
    throw error;
  }
}

/**
 * The range to underline for a problem at `pointer`: the member name when `preferKey` (e.g. an
 * unknown field), else the value; for a place that does not exist (a missing field), the nearest
 * enclosing member or value that does. Null only when even the document root cannot be found.
 */
export function rangeForPointer(text: string, pointer: string, preferKey = false): TextRange | null {
  const tokens = parsePointer(pointer);
  if (tokens === null) return null;
  const exact = locatePointer(text, pointer);
  if (exact !== null) return preferKey && exact.key !== undefined ? exact.key : exact.value;
  for (let n = tokens.length - 1; n >= 0; n--) {
    const ancestor = locatePointer(text, formatPointer(tokens.slice(0, n)));
    if (ancestor === null) continue;
    if (ancestor.key !== undefined) return ancestor.key;
    // The root (or an array element): its opening character, not the whole document.
    const start = ancestor.value.start;
    return { start, end: textPositionAt(text, start.offset + 1) };
  }
  return null;
}

class LocatorGaveUp extends Error {}

class Scanner {
  constructor(private readonly text: string) {}

  skipWhitespace(i: number): number {
    let j = i;
    while (j < this.text.length && ' \t\n\r'.includes(this.text.charAt(j))) j++;
    return j;
  }

  /** The member `token` of the object, or element `token` of the array, starting at `start`. */
  findChild(start: number, token: string): { valueStart: number; key?: [number, number] } | null {
    const open = this.text.charAt(start);
    if (open === '{') {
      let i = this.skipWhitespace(start + 1);
      if (this.text.charAt(i) === '}') return null;
      for (;;) {
        const keyStart = i;
        const keyEnd = this.skipString(i);
        const name = this.memberName(keyStart, keyEnd);
        i = this.skipWhitespace(keyEnd);
        this.expect(i, ':');
        const valueStart = this.skipWhitespace(i + 1);
        if (name === token) return { valueStart, key: [keyStart, keyEnd] };
        i = this.skipWhitespace(this.skipValue(valueStart));
        if (this.text.charAt(i) === '}') return null;
        this.expect(i, ',');
        i = this.skipWhitespace(i + 1);
      }
    }
    if (open === '[') {
      // RFC 6901 section 4: an array index is "0" or digits without a leading zero.
      if (!/^(?:0|[1-9][0-9]*)$/.test(token)) return null;
      const wanted = Number(token);
      let i = this.skipWhitespace(start + 1);
      if (this.text.charAt(i) === ']') return null;
      for (let index = 0; ; index++) {
        if (index === wanted) return { valueStart: i };
        i = this.skipWhitespace(this.skipValue(i));
        if (this.text.charAt(i) === ']') return null;
        this.expect(i, ',');
        i = this.skipWhitespace(i + 1);
      }
    }
    return null;
  }

  /** Offset just past the value starting at `start`. Iterative: nesting depth cannot overflow the stack. */
  skipValue(start: number): number {
    const c = this.text.charAt(start);
    if (c === '"') return this.skipString(start);
    if (c === '{' || c === '[') {
      let depth = 0;
      let i = start;
      while (i < this.text.length) {
        const ch = this.text.charAt(i);
        if (ch === '"') {
          i = this.skipString(i);
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') {
          depth--;
          if (depth === 0) return i + 1;
        }
        i++;
      }
      throw new LocatorGaveUp();
    }
    // Number or literal: runs to the next delimiter.
    let i = start;
    while (i < this.text.length && !' \t\n\r,]}'.includes(this.text.charAt(i))) i++;
    if (i === start) throw new LocatorGaveUp();
    return i;
  }

  private skipString(start: number): number {
    if (this.text.charAt(start) !== '"') throw new LocatorGaveUp();
    let i = start + 1;
    while (i < this.text.length) {
      const ch = this.text.charAt(i);
      if (ch === '\\') i += 2;
      else if (ch === '"') return i + 1;
      else i++;
    }
    throw new LocatorGaveUp();
  }

  private memberName(start: number, end: number): string {
    try {
      return JSON.parse(this.text.slice(start, end)) as string;
    } catch {
      throw new LocatorGaveUp();
    }
  }

  private expect(i: number, ch: string): void {
    if (this.text.charAt(i) !== ch) throw new LocatorGaveUp();
  }
}
