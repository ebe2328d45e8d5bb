/**
 * Context words: for shapes that alone are ambiguous (an SSN, a bare 40-character AWS secret, a
 * card number wrapped over two lines), a word that says what the value is must stand near it.
 * "Near" is at most `maxDistance` characters before the value, on its line or the line before (a
 * form label often sits on its own line: "Social Security Number:\n123-45-6789").
 */
const LINES_BACK = 1;

/** Start of the line holding `at`, looking back at most `limit` characters (then at - limit). */
export function lineStartWithin(text: string, at: number, limit: number): number {
  const floor = Math.max(0, at - limit);
  for (let i = at - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

/** Index of the first line break at or after `from`, looking at most `limit` characters ahead (then from + limit). */
export function lineEndWithin(text: string, from: number, limit: number): number {
  const ceiling = Math.min(text.length, from + limit);
  for (let i = from; i < ceiling; i++) if (text.charCodeAt(i) === 10) return i;
  return ceiling;
}

/** Start of the text a context word may come from: `maxDistance` back, at most LINES_BACK lines up. */
export function contextStart(text: string, at: number, maxDistance: number): number {
  const floor = Math.max(0, at - maxDistance);
  let s = lineStartWithin(text, at, maxDistance);
  for (let k = 0; k < LINES_BACK && s > floor; k++) s = lineStartWithin(text, s - 1, s - 1 - floor);
  return Math.max(s, floor);
}

/** True if `word` (a regex without the g flag) matches the text just before `at`. */
export function hasContextBefore(text: string, at: number, word: RegExp, maxDistance: number): boolean {
  return word.test(text.slice(contextStart(text, at, maxDistance), at));
}

/**
 * Spans of `value` (a global regex) that start at most `maxDistance` characters after a match of
 * `word` (a global regex), on its line or the next: the same pairs as hasContextBefore finds, but
 * searched from the context words, which are rare, instead of from every candidate value, which
 * may be every word. `maxValue` bounds a value's length. Each stretch of text is searched once,
 * plus at most maxValue characters past it, so this is linear.
 */
export function spansAfterContext(text: string, word: RegExp, value: RegExp, maxDistance: number, maxValue: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let searched = 0;
  word.lastIndex = 0;
  for (let w = word.exec(text); w !== null; w = word.exec(text)) {
    if (w[0].length === 0) word.lastIndex++;
    const wordEnd = w.index + w[0].length;
    const from = Math.max(wordEnd, searched);
    const reach = maxDistance + maxValue + 1;
    const nl = lineEndWithin(text, wordEnd, reach);
    const nextNl = nl < text.length && text.charCodeAt(nl) === 10 ? lineEndWithin(text, nl + 1, reach) : nl;
    const lastStart = Math.min(wordEnd + maxDistance, nextNl);
    if (lastStart <= from) continue;
    // One character of look-behind for the value's boundary, and the stretch runs to the end of
    // a value that starts in it (and one character of look-ahead).
    const sliceStart = Math.max(0, from - 1);
    const sliceEnd = Math.min(nextNl, lastStart + maxValue + 1);
    const stretch = text.slice(sliceStart, sliceEnd);
    value.lastIndex = from - sliceStart;
    for (let m = value.exec(stretch); m !== null && sliceStart + m.index < lastStart; m = value.exec(stretch)) {
      out.push({ start: sliceStart + m.index, end: sliceStart + m.index + m[0].length });
      if (m[0].length === 0) value.lastIndex++;
    }
    searched = lastStart;
  }
  return out;
}
