/**
 * The sentences of a spec part, as the requirement ids see them: fenced code and HTML comments
 * dropped, code spans blanked (a `MUST` inside backticks is a quotation, and `a.b` no sentence end),
 * each paragraph, list item and table cell read as a block and cut into sentences. An id written
 * after a sentence (`... other member. [R-BUNDLE-n]`) belongs to that sentence.
 */

/** Uppercase BCP 14 keywords of an absolute requirement (MUST NOT, SHALL NOT included). */
export const NORMATIVE_KEYWORD = /\b(?:MUST|SHALL|REQUIRED)\b/;
/** A sentence that defines the keywords (cites RFC 2119 or BCP 14) quotes them; it requires nothing. */
const KEYWORD_DEFINITION = /\bRFC 2119\b|\bBCP 14\b/;
const ID = /\[(R-[A-Z0-9]+-[0-9]+)\]/g;

export interface SpecSentence {
  /** 1-based line of the block the sentence is in. */
  readonly line: number;
  readonly text: string;
  readonly ids: readonly string[];
  /** Whether it states a requirement with MUST, MUST NOT, SHALL, SHALL NOT or REQUIRED. */
  readonly normative: boolean;
}

interface Block {
  readonly line: number;
  readonly lines: string[];
}

export function specSentences(markdown: string): SpecSentence[] {
  return blocks(markdown).flatMap((b) => sentencesOf(b.lines.join(' '), b.line));
}

/** Every id written in the text (also outside sentences: in headings, tables, anywhere). */
export function idsIn(text: string): string[] {
  return [...text.matchAll(ID)].map((m) => m[1]!);
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let current: Block | null = null;
  let fenced = false;
  for (const [i, raw] of markdown.split('\n').entries()) {
    const line = raw.replace(/<!--.*?-->/g, '');
    if (/^\s*```/.test(line)) {
      fenced = !fenced;
      current = null;
      continue;
    }
    if (fenced || line.trim() === '') {
      current = null;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      current = null;
      // Each cell is a block; the separator row has none worth reading.
      for (const cell of blankCode(line).split('|').slice(1, -1)) {
        if (!/^\s*:?-+:?\s*$/.test(cell)) out.push({ line: i + 1, lines: [cell.trim()] });
      }
      continue;
    }
    if (/^#/.test(line)) {
      current = null;
      out.push({ line: i + 1, lines: [line.replace(/^#+\s*/, '')] });
      continue;
    }
    const item = /^\s*(?:[*-]|\d+\.)\s+/.exec(line);
    if (item !== null || current === null) {
      current = { line: i + 1, lines: [line.slice(item?.[0].length ?? 0).trim()] };
      out.push(current);
    } else {
      current.lines.push(line.trim());
    }
  }
  return out;
}

/** Code spans become a neutral word, so their content neither ends a sentence nor states a keyword. */
function blankCode(text: string): string {
  return text.replace(/`[^`]*`/g, 'CODE');
}

function sentencesOf(block: string, line: number): SpecSentence[] {
  const text = blankCode(block).replace(/\b(e\.g|i\.e|etc|cf|vs)\./g, '$1');
  const pieces = text.split(/(?<=[.!?]["')*]*)\s+(?=[^a-z\s])/);
  const sentences: { text: string; ids: string[] }[] = [];
  for (const piece of pieces) {
    // Ids that open a piece were written after the previous sentence.
    const lead = /^(?:\s*\[R-[A-Z0-9]+-[0-9]+\])+/.exec(piece)?.[0] ?? '';
    const previous = sentences.at(-1);
    if (lead !== '' && previous !== undefined) previous.ids.push(...idsIn(lead));
    const rest = previous !== undefined ? piece.slice(lead.length) : piece;
    if (rest.trim() !== '') sentences.push({ text: rest.trim(), ids: idsIn(rest) });
  }
  return sentences.map((s) => ({ line, text: s.text, ids: s.ids, normative: NORMATIVE_KEYWORD.test(s.text) && !KEYWORD_DEFINITION.test(s.text) }));
}
