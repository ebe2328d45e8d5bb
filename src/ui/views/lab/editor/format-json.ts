/**
 * "Format" for the WPC editor: JSON pretty-printed with 2-space indentation, in the style of the
 * policy fixtures: objects one member a line, a short list of plain values (action names, field
 * names) on one line, a short object of plain values inside a list (a DLP rule) on one line.
 *
 * Formatting parses strictly first, so it never changes what the policy says (and so not its
 * policy hash, which is over the parsed value); text that does not parse is left as it is.
 */
import { isClawproofError } from '../../../../core/errors.js';
import { parseStrictJson, type JsonValue } from '../../../../core/json.js';

const INDENT = '  ';
/** Widest line a one-line list or object may make. */
export const FORMAT_WIDTH = 100;

export type FormatResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** `text` formatted, or why not (it is not strict JSON). */
export function formatJsonText(text: string): FormatResult {
  let value: JsonValue;
  try {
    value = parseStrictJson(text);
  } catch (error) {
    if (isClawproofError(error)) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, text: formatJson(value) };
}

/** A parsed JSON value as formatted text, ending with a newline. */
export function formatJson(value: JsonValue): string {
  return `${render(value, '', 0, false)}\n`;
}

/**
 * `value` rendered at `indent`; `used` is how many columns precede it on its first line (its
 * member name), so a one-line form is only chosen when the whole line fits.
 */
function render(value: JsonValue, indent: string, used: number, inList: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries: [string | null, JsonValue][] = Array.isArray(value)
    ? value.map((v): [null, JsonValue] => [null, v])
    : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const plain = entries.every(([, v]) => v === null || typeof v !== 'object');
  // Lists of plain values may share a line; objects only inside a list (a DLP rule).
  if (plain && (Array.isArray(value) || inList)) {
    const items = entries.map(([k, v]) => (k === null ? JSON.stringify(v) : `${JSON.stringify(k)}: ${JSON.stringify(v)}`));
    const line = Array.isArray(value) ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
    // +1 for a comma that may follow.
    if (indent.length + used + line.length + 1 <= FORMAT_WIDTH) return line;
  }
  const inner = indent + INDENT;
  const lines = entries.map(([k, v]) => {
    const name = k === null ? '' : `${JSON.stringify(k)}: `;
    return `${inner}${name}${render(v, inner, name.length, Array.isArray(value))}`;
  });
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}
