/**
 * Strict JSON parser (RFC 8259 grammar, nothing more).
 *
 * JSON.parse is too forgiving for signed data: it keeps the last of duplicate keys (two readers
 * can disagree on what a document says), accepts lone surrogates (no UTF-8 form, so no stable
 * hash), turns 1e400 into Infinity, and recurses without a depth bound. This parser rejects all
 * of those with a stable error code and the text position of the problem.
 *
 * It is iterative (an explicit stack, no recursion) and makes a single pass over the text.
 */
import { isBytes } from '@noble/hashes/utils.js';
import { utf8Decode } from './bytes.js';
import { coreError, type CoreErrorCode, type TextPosition } from './errors.js';

export type JsonValue = null | boolean | number | string | JsonArray | JsonObject;
export type JsonArray = JsonValue[];
export interface JsonObject {
  [k: string]: JsonValue;
}

export interface StrictJsonOptions {
  /** Most containers (objects/arrays) open at once. Default 64. */
  readonly maxDepth?: number;
  /** Largest accepted input, in UTF-8 bytes. Default 64 MiB. */
  readonly maxBytes?: number;
}

export const DEFAULT_JSON_MAX_DEPTH = 64;
export const DEFAULT_JSON_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Parse `input` (text, or UTF-8 bytes decoded fatally) as one strict JSON value.
 * Errors carry `position` {offset, line, column}: offset is 0-based and counted, like column,
 * in UTF-16 code units of the decoded text; line and column are 1-based.
 */
export function parseStrictJson(input: string | Uint8Array, options: StrictJsonOptions = {}): JsonValue {
  const maxDepth = checkLimit(options.maxDepth, DEFAULT_JSON_MAX_DEPTH, 'maxDepth');
  const maxBytes = checkLimit(options.maxBytes, DEFAULT_JSON_MAX_BYTES, 'maxBytes');
  let text: string;
  if (typeof input === 'string') {
    const size = utf8Length(input, maxBytes);
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    text = input;
  } else if (isBytes(input)) {
    if (input.length > maxBytes) throw tooLarge(input.length, maxBytes);
    text = utf8Decode(input);
  } else {
    throw coreError('INPUT_INVALID', 'parseStrictJson expects a string or a Uint8Array');
  }
  return new Parser(text, maxDepth).parseDocument();
}

function checkLimit(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw coreError('INPUT_INVALID', `parseStrictJson option ${name} must be a non-negative integer`);
  }
  return value;
}

function tooLarge(size: number, maxBytes: number) {
  return coreError('JSON_TOO_LARGE', `JSON input is ${size} bytes; the limit is ${maxBytes}`, {
    details: { size, maxBytes },
  });
}

/** UTF-8 length of `s`, stopping early once it is known to exceed `limit`. */
function utf8Length(s: string, limit: number): number {
  if (s.length * 3 <= limit) return s.length; // cannot exceed the limit: skip the count
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Line/column of `offset` in `text` (CRLF, CR and LF each end a line). */
export function textPositionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

// Character codes the grammar mentions (RFC 8259 sections 2-7).
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const UPPER_E = 0x45;
const L_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const R_BRACKET = 0x5d;
const LOWER_E = 0x65;
const L_BRACE = 0x7b;
const R_BRACE = 0x7d;
const LOWER_U = 0x75;
const BOM = 0xfeff;

/** RFC 8259 section 7 two-character escapes, by the code of the character after the backslash. */
const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

/**
 * A run of string characters that need no attention: anything but '"', '\\', controls and
 * surrogates. One character class with a sticky flag scans linearly in native code (no
 * backtracking), several times faster than a charCodeAt loop on long base64 payloads.
 */
const PLAIN_RUN = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;

/** An open container on the explicit stack. `key` is the member name awaiting its value. */
type Frame = { readonly array: JsonArray } | { readonly object: JsonObject; key: string };

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parseDocument(): JsonValue {
    if (this.text.charCodeAt(0) === BOM) {
      this.fail('JSON_SYNTAX', 'a byte order mark (U+FEFF) is not allowed before JSON text', 0);
    }
    const value = this.parseValueTree();
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      this.fail('JSON_TRAILING_DATA', `unexpected ${this.describeHere()} after the JSON value`);
    }
    return value;
  }

  private parseValueTree(): JsonValue {
    const stack: Frame[] = [];
    for (;;) {
      // Expecting a value. Containers push a frame and loop back here for their first element.
      this.skipWhitespace();
      let value: JsonValue;
      const c = this.text.charCodeAt(this.pos);
      if (c === L_BRACE || c === L_BRACKET) {
        if (stack.length >= this.maxDepth) {
          this.fail('JSON_TOO_DEEP', `JSON nests deeper than the limit of ${this.maxDepth} objects/arrays`);
        }
        this.pos++;
        this.skipWhitespace();
        if (c === L_BRACE) {
          const object: JsonObject = {};
          if (this.text.charCodeAt(this.pos) === R_BRACE) {
            this.pos++;
            value = object;
          } else {
            stack.push({ object, key: this.parseMemberName(object) });
            continue;
          }
        } else {
          const array: JsonArray = [];
          if (this.text.charCodeAt(this.pos) === R_BRACKET) {
            this.pos++;
            value = array;
          } else {
            stack.push({ array });
            continue;
          }
        }
      } else {
        value = this.parseScalar(c);
      }

      // A value is complete: attach it to its container and close every container that ends here.
      for (;;) {
        const top = stack[stack.length - 1];
        if (top === undefined) return value;
        this.skipWhitespace();
        const next = this.text.charCodeAt(this.pos);
        if ('array' in top) {
          top.array.push(value);
          if (next === COMMA) {
            this.pos++;
            break;
          }
          if (next !== R_BRACKET) this.fail('JSON_SYNTAX', `expected ',' or ']' in array, found ${this.describeHere()}`);
          this.pos++;
          stack.pop();
          value = top.array;
        } else {
          setMember(top.object, top.key, value);
          if (next === COMMA) {
            this.pos++;
            this.skipWhitespace();
            top.key = this.parseMemberName(top.object);
            break;
          }
          if (next !== R_BRACE) this.fail('JSON_SYNTAX', `expected ',' or '}' in object, found ${this.describeHere()}`);
          this.pos++;
          stack.pop();
          value = top.object;
        }
      }
    }
  }

  /** Reads `"name" :` and rejects a name `object` already has (compared after unescaping). */
  private parseMemberName(object: JsonObject): string {
    const start = this.pos;
    if (this.text.charCodeAt(start) !== QUOTE) {
      this.fail('JSON_SYNTAX', `expected a string member name, found ${this.describeHere()}`);
    }
    const key = this.parseString();
    if (Object.hasOwn(object, key)) {
      this.fail('JSON_DUPLICATE_KEY', `duplicate member name ${excerpt(key)} in object`, start);
    }
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== COLON) {
      this.fail('JSON_SYNTAX', `expected ':' after member name, found ${this.describeHere()}`);
    }
    this.pos++;
    return key;
  }

  private parseScalar(c: number): JsonValue {
    if (c === QUOTE) return this.parseString();
    if (c === MINUS || (c >= ZERO && c <= NINE)) return this.parseNumber();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    return this.fail('JSON_SYNTAX', `expected a JSON value, found ${this.describeHere()}`);
  }

  private literal<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  /** RFC 8259 section 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)? */
  private parseNumber(): number {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === MINUS) i++;
    const first = t.charCodeAt(i);
    if (first === ZERO) {
      i++;
      if (isDigit(t.charCodeAt(i))) this.fail('JSON_SYNTAX', 'a number must not have a leading zero', i - 1);
    } else if (isDigit(first)) {
      while (isDigit(t.charCodeAt(i))) i++;
    } else {
      this.fail('JSON_SYNTAX', `expected a digit in number, found ${this.describeAt(i)}`, i);
    }
    if (t.charCodeAt(i) === DOT) {
      i++;
      if (!isDigit(t.charCodeAt(i))) this.fail('JSON_SYNTAX', `expected a digit after '.', found ${this.describeAt(i)}`, i);
      while (isDigit(t.charCodeAt(i))) i++;
    }
    const e = t.charCodeAt(i);
    if (e === LOWER_E || e === UPPER_E) {
      i++;
      const sign = t.charCodeAt(i);
      if (sign === PLUS || sign === MINUS) i++;
      if (!isDigit(t.charCodeAt(i))) this.fail('JSON_SYNTAX', `expected a digit in exponent, found ${this.describeAt(i)}`, i);
      while (isDigit(t.charCodeAt(i))) i++;
    }
    const n = Number(t.slice(start, i));
    if (!Number.isFinite(n)) {
      this.fail('JSON_NUMBER_INVALID', `number ${excerpt(t.slice(start, i))} is too large for an IEEE 754 double`, start);
    }
    this.pos = i;
    return n;
  }

  /** Parses a string starting at the opening quote; leaves `pos` after the closing quote. */
  private parseString(): string {
    const t = this.text;
    let i = this.pos + 1;
    let runStart = i;
    let out = '';
    for (;;) {
      PLAIN_RUN.lastIndex = i;
      PLAIN_RUN.test(t);
      i = PLAIN_RUN.lastIndex;
      if (i >= t.length) this.fail('JSON_SYNTAX', 'unterminated string', i);
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        this.pos = i + 1;
        return out + t.slice(runStart, i);
      }
      if (c === BACKSLASH) {
        out += t.slice(runStart, i) + this.parseEscape(i);
        i = this.pos;
        runStart = i;
        continue;
      }
      if (c < SPACE) {
        this.fail('JSON_SYNTAX', `control character U+${hex4(c)} must be escaped in a string`, i);
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        // Raw surrogates are fine only as a well-formed pair (the text came from a JS string).
        const d = t.charCodeAt(i + 1);
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          i += 2;
          continue;
        }
        this.fail('JSON_LONE_SURROGATE', `lone surrogate U+${hex4(c)} in string`, i);
      }
      i++;
    }
  }

  /** Decodes the escape whose backslash is at `i`; leaves `pos` after it. */
  private parseEscape(i: number): string {
    const t = this.text;
    const simple = SIMPLE_ESCAPES[t.charCodeAt(i + 1)];
    if (simple !== undefined) {
      this.pos = i + 2;
      return simple;
    }
    if (t.charCodeAt(i + 1) !== LOWER_U) {
      this.fail('JSON_SYNTAX', `invalid escape ${this.describeAt(i + 1)} after '\\' in string`, i);
    }
    const unit = this.hexEscape(i);
    if (unit < 0xd800 || unit > 0xdfff) {
      this.pos = i + 6;
      return String.fromCharCode(unit);
    }
    // RFC 8259 section 7: a character outside the BMP is a \u escaped surrogate pair. A lone half
    // has no UTF-8 form, so it could not be hashed or re-serialised faithfully.
    if (unit <= 0xdbff && t.charCodeAt(i + 6) === BACKSLASH && t.charCodeAt(i + 7) === LOWER_U) {
      const low = this.hexEscape(i + 6);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.pos = i + 12;
        return String.fromCharCode(unit, low);
      }
    }
    return this.fail('JSON_LONE_SURROGATE', `escape \\u${hex4(unit)} is a lone surrogate`, i);
  }

  /** Value of the four hex digits of the \u escape whose backslash is at `i`. */
  private hexEscape(i: number): number {
    let v = 0;
    for (let k = i + 2; k < i + 6; k++) {
      const c = this.text.charCodeAt(k);
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
      else return this.fail('JSON_SYNTAX', `expected 4 hex digits in \\u escape, found ${this.describeAt(k)}`, k);
      v = (v << 4) | d;
    }
    return v;
  }

  /** RFC 8259 section 2: whitespace is space, tab, LF and CR only. */
  private skipWhitespace(): void {
    const t = this.text;
    let i = this.pos;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === SPACE || c === LF || c === CR || c === TAB) i++;
      else break;
    }
    this.pos = i;
  }

  private describeHere(): string {
    return this.describeAt(this.pos);
  }

  private describeAt(i: number): string {
    if (i >= this.text.length) return 'end of input';
    const c = this.text.charCodeAt(i);
    if (c < SPACE || c > 0x7e) return `character U+${hex4(this.text.codePointAt(i) ?? c)}`;
    return `'${this.text[i]}'`;
  }

  private fail(code: CoreErrorCode, message: string, offset: number = this.pos): never {
    const position = textPositionAt(this.text, offset);
    throw coreError(code, `${message} at line ${position.line}, column ${position.column}`, { position });
  }
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** `s` quoted for an error message, shortened so a huge input cannot make a huge message. */
function excerpt(s: string): string {
  return s.length > 60 ? `${JSON.stringify(s.slice(0, 60))}...` : JSON.stringify(s);
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Adds a member as an own data property. Plain assignment of "__proto__" would instead replace
 * the object's prototype (prototype pollution), so that one name goes through defineProperty.
 */
function setMember(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}
