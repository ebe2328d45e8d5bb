import type { Span } from '../types.js';

/**
 * Spans of every match of a global regex. With `group`, the span of that capture group
 * (the regex must carry the `d` flag so the engine reports group offsets).
 */
export function regexSpans(re: RegExp, text: string, group = 0): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at: readonly [number, number] | undefined =
      group === 0 ? [m.index, m.index + m[0].length] : m.indices?.[group];
    if (at !== undefined && at[1] > at[0]) out.push({ start: at[0], end: at[1] });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Characters that continue a word, as a regex class body (use inside [...] with the 'u' flag):
 * digits, '_' and the letters of scripts written with spaces between words. Han, kana, Hangul
 * and Thai are left out on purpose: Japanese, Chinese, Korean and Thai text runs numbers and
 * addresses straight into the surrounding words ("電話番号は090-1234-5678です"), so those letters
 * must not count as a word boundary failure.
 */
export const WORD_CLASS = [
  '\\p{N}_',
  ...['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Devanagari'].map((s) => `\\p{sc=${s}}`),
].join('');
