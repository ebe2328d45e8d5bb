/**
 * Where a JSON syntax error really is. A parser notices a missing `,` only at the next token,
 * often on the next line; the author's mistake is at the end of the value before it. This maps a
 * parse error's position back to that cause, for the three mistakes people make most: a missing
 * `,`, a missing `:` and a trailing `,`. Anything else keeps the parser's own position.
 */
import type { TextPosition } from '../core/errors.js';
import { textPositionAt } from '../core/json.js';
import type { TextRange } from './problems.js';

export interface SyntaxCause {
  readonly range: TextRange;
  readonly message: string;
}

const WHITESPACE = ' \t\n\r';
/** Characters a JSON value (or member name) can end with. */
const VALUE_END = /["\]}0-9el]/;
/** Characters a JSON value (or member name) can start with. */
const VALUE_START = /["[{\-0-9tfn]/;

/**
 * The cause of a parse error reported by core's parser at `position` with `message`, or null
 * when the error is not one of the separator mistakes (its own position is then the cause).
 */
export function syntaxCause(text: string, position: TextPosition, message: string): SyntaxCause | null {
  const at = position.offset;
  const found = text.charAt(at);
  const before = previousNonWhitespace(text, at);
  if (before < 0) return null;
  const last = text.charAt(before);
  const afterValue = before + 1;

  if (message.startsWith("expected ',' or") && VALUE_START.test(found) && VALUE_END.test(last)) {
    const point = textPositionAt(text, afterValue);
    return {
      range: { start: point, end: point },
      message: `a ',' is missing here, after the value that ends at line ${point.line}, column ${point.column - 1}; the next one starts at line ${position.line}, column ${position.column}`,
    };
  }
  if (message.startsWith("expected ':'") && last === '"') {
    const point = textPositionAt(text, afterValue);
    return {
      range: { start: point, end: point },
      message: `a ':' is missing here, after the member name that ends at line ${point.line}, column ${point.column - 1}`,
    };
  }
  if ((found === '}' || found === ']') && last === ',') {
    const comma = textPositionAt(text, before);
    return {
      range: { start: comma, end: textPositionAt(text, before + 1) },
      message: `a trailing ',' before '${found}' is not allowed in JSON (line ${comma.line}, column ${comma.column}): remove it`,
    };
  }
  return null;
}

function previousNonWhitespace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && WHITESPACE.includes(text.charAt(i))) i--;
  return i;
}
