/**
 * Assignments: NAME [は] ["'] (= | : | := | => | ：) [scheme] VALUE, found without judging them.
 * secret.generic judges each by what its name says (secret-names.ts) and how its value looks
 * (secret-bars.ts); the vendor rules of vendor-keyed.ts look for a vendor's name in it.
 *
 * NAME is up to four words of a space-separated script ("db_password", "X-Api-Key", "client
 * secret", "mot de passe") or one of the CJK words in CJK_NAME (CJK puts no space before a word,
 * so those are matched anywhere). VALUE is
 *   - a "…" or '…' string (the span is inside the quotes), closed on its line or, when every line
 *     in between is one unbroken run, on one of the next MAX_VALUE_LINES lines (a long key wrapped
 *     inside its quotes);
 *   - else a run of characters other than whitespace, quotes, '`', '[' and ']', after at most one
 *     quote; a run of 16 or more that ends its line continues on the next line when that line is
 *     one base64/hex-like run of 8 or more with a digit (a key split over two lines);
 *   - else, when nothing follows the sign on its line, the next line if it is one run or one
 *     quoted string ("Password:\n  Summer2024!").
 * Assignments are found in the order of their signs; scanning resumes at each value, which may
 * hold another assignment ("url: password=X"). Values nested in one run share that run's end.
 */
import { WORD_CLASS } from './spans.js';

// Spaces around the sign: French typesetting puts a no-break space before ':' ("mot de passe : X").
const SPACE = '[ \\t\\u00A0\\u202F\\u3000]';
const SIGN = '(?::=|=>|=|:|：)';
// A name word starts with a letter of a space-separated script (see WORD_CLASS). Han and kana are
// left out, so that "確認のためpassword: X" starts the name at "password"; a name in a CJK script
// is one of the words in CJK_NAME, matched wherever it stands.
const NAME_WORD = `(?=\\p{L})[${WORD_CLASS}][${WORD_CLASS}\\p{M}.\\-]{0,63}`;
const NAME = `(?<![${WORD_CLASS}\\p{M}.\\-])${NAME_WORD}(?: ${NAME_WORD}){0,3}`;
export const CJK_NAME = 'パスワード|暗証番号|密码|密碼|비밀번호';
/**
 * A sign, then the name before it (group 1) in a lookbehind: the engine looks for the rare sign
 * characters first and reads back from each, instead of trying a name at every letter of the text.
 * The lookbehind takes as many words as it can (up to four), which is the name a forward scan
 * would start first. The match ends where the value starts; readValue reads the value. Every part
 * is bounded (four words of at most 64 units, then runs of spaces), so nothing backtracks badly.
 */
const ASSIGNMENT = new RegExp(
  `${SIGN}(?<=(${NAME}|${CJK_NAME})は?["']?${SPACE}*${SIGN})${SPACE}*(?:(?:bearer|basic|token|bot)${SPACE}+)?`,
  'giu',
);
const RUN = /[^\s"'`[\]]+/y;
const TABLE_ROW = new RegExp(`^[ \\t]*\\|[ \\t]*(${NAME_WORD})[ \\t]*\\|[ \\t]*([^|\\s"'\`[\\]]{1,1024})[ \\t]*\\|`, 'dgmu');
const REST_OF_LINE_BLANK = /[ \t\u00A0\u202F\u3000]*\r?\n[ \t]*/y;
const CONTINUATION = /\r?\n[ \t>]*([A-Za-z0-9+/=_-]{8,})(?=[ \t]*(?:\r?\n|$|["']))/y;
const KEY_CHAR = /[A-Za-z0-9+/=_.:-]/;
const WRAPPED_LINE = /^[A-Za-z0-9+/=_-]+$/;
export const MAX_VALUE_LINES = 4;

export interface Value {
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

export interface Assignment {
  /** The name as written ("DB_PASSWORD", "the password is", "パスワード"). */
  readonly name: string;
  readonly value: Value;
}

/** The "…" or '…' string opening at `at`, closed on its line or a few lines on; undefined if none. */
function quoted(text: string, at: number): Value | undefined {
  const q = text[at];
  let from = at + 1;
  for (let line = 0; line <= MAX_VALUE_LINES; line++) {
    let close = from;
    while (close < text.length && text[close] !== q && text[close] !== '\n' && text[close] !== '\r') close++;
    if (text[close] === q) return close > at + 1 ? { start: at + 1, end: close, quoted: true } : undefined;
    // Not closed on this line: go on only if the line so far is one wrapped run.
    if (close >= text.length || !WRAPPED_LINE.test(text.slice(from, close).trim())) return undefined;
    from = text[close] === '\r' && text[close + 1] === '\n' ? close + 2 : close + 1;
  }
  return undefined;
}

/** Memo of the last text's assignments: every detector that reads them runs over the same text. */
let memo: { readonly text: string; readonly list: readonly Assignment[] } | undefined;

export function findAssignments(text: string): readonly Assignment[] {
  if (memo !== undefined && memo.text === text) return memo.list;
  const list: Assignment[] = [];
  // Nested values in one run share its end: remember the last run.
  let run = { start: 0, end: 0 };
  const runEndAfter = (i: number): number => {
    if (i >= run.start && i < run.end) return run.end;
    RUN.lastIndex = i;
    run = RUN.test(text) ? { start: i, end: RUN.lastIndex } : { start: i, end: i };
    return run.end;
  };
  // Where the machine-like characters before a run's end begin, and where the run continues to:
  // computed once per run end, so a chain of nested values ("token=token=…") stays linear.
  let continued = { end: -1, keyStart: 0, to: 0 };
  const continuedEnd = (end: number): { keyStart: number; to: number } => {
    if (continued.end === end) return continued;
    let keyStart = end;
    while (keyStart > 0 && end - keyStart < 4096 && KEY_CHAR.test(text[keyStart - 1]!)) keyStart--;
    let to = end;
    for (let line = 0; line < MAX_VALUE_LINES; line++) {
      CONTINUATION.lastIndex = to;
      const c = CONTINUATION.exec(text);
      if (c === null || !/[0-9]/.test(c[1]!)) break;
      to = CONTINUATION.lastIndex;
    }
    continued = { end, keyStart, to };
    return continued;
  };
  const unquoted = (start: number): Value | undefined => {
    const end = runEndAfter(start);
    if (end <= start) return undefined;
    // A long machine value cut at the line end continues on the next line.
    if (end - start >= 16 && (text[end] === '\n' || text[end] === '\r')) {
      const c = continuedEnd(end);
      if (c.keyStart <= start) return { start, end: c.to, quoted: false };
    }
    return { start, end, quoted: false };
  };
  const readValue = (at: number): Value | undefined => {
    const q = text[at];
    if (q === '"' || q === "'") return quoted(text, at) ?? unquoted(at + 1);
    if (q === '\r' || q === '\n' || q === ' ' || q === '\t') {
      // Nothing after the sign on this line: the value may be the whole next line.
      REST_OF_LINE_BLANK.lastIndex = at;
      if (!REST_OF_LINE_BLANK.test(text)) return undefined;
      const next = REST_OF_LINE_BLANK.lastIndex;
      const eol = text.indexOf('\n', next);
      const line = text.slice(next, eol === -1 ? text.length : eol).replace(/[ \t\r]+$/, '');
      if (line.length === 0) return undefined;
      const first = line[0];
      if (first === '"' || first === "'") {
        // A quoted string alone on its line(s): nothing but spaces after its closing quote.
        const v = quoted(text, next);
        if (v === undefined) return undefined;
        const eolAfter = text.indexOf('\n', v.end);
        const rest = text.slice(v.end + 1, eolAfter === -1 ? text.length : eolAfter);
        return rest.trim().length === 0 ? v : undefined;
      }
      return /\s/.test(line) ? undefined : unquoted(next);
    }
    return unquoted(at);
  };
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m !== null; m = ASSIGNMENT.exec(text)) {
    const value = readValue(m.index + m[0].length);
    if (value === undefined) continue;
    // Rescan from the value: it may itself hold an assignment ("url: password=...").
    ASSIGNMENT.lastIndex = value.start;
    list.push({ name: m[1] ?? '', value });
  }
  // A two-column table row is an assignment too: "| DB_PASSWORD | Sommer2024! |".
  TABLE_ROW.lastIndex = 0;
  for (let m = TABLE_ROW.exec(text); m !== null; m = TABLE_ROW.exec(text)) {
    const at = m.indices?.[2];
    if (at !== undefined) list.push({ name: m[1]!, value: { start: at[0], end: at[1], quoted: false } });
  }
  list.sort((a, b) => a.value.start - b.value.start);
  memo = { text, list };
  return list;
}
