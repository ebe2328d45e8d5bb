/**
 * Where the WPC editor draws its problem marks: the underlined spans of text (a backdrop behind
 * the transparent textarea renders them) and the gutter's per-line markers. Pure functions of
 * the text and the problems, so the geometry is tested without a browser.
 */
import type { Problem, ProblemSeverity } from '../../../../policy/index.js';

/** A run of source text, marked when a problem's range covers it. */
export interface TextSegment {
  readonly text: string;
  readonly severity: ProblemSeverity | null;
  /** Index into the problem list of the first problem marking this span. */
  readonly problem: number | null;
  /** True for a mark at a place with no character to underline (end of line or of text). */
  readonly empty: boolean;
}

interface Mark {
  start: number;
  end: number;
  severity: ProblemSeverity;
  problem: number;
}

const rank = (s: ProblemSeverity): number => (s === 'error' ? 2 : 1);

/** The end of the line `offset` is on (the offset of its LF, or the text's length). */
function lineEnd(text: string, offset: number): number {
  const lf = text.indexOf('\n', offset);
  return lf === -1 ? text.length : lf;
}

/**
 * One mark per located problem, clipped to the first line of its range: a range that spans an
 * object of twenty lines is marked where it starts, not by underlining the whole object.
 */
function marksOf(text: string, problems: readonly Problem[]): Mark[] {
  const marks: Mark[] = [];
  problems.forEach((problem, index) => {
    const range = problem.range;
    if (range === undefined) return;
    const start = Math.min(Math.max(0, range.start.offset), text.length);
    const stop = lineEnd(text, start);
    let end = Math.min(Math.max(start, range.end.offset), stop);
    // A point (e.g. a syntax error) underlines the character there, when there is one.
    if (end === start && start < stop) end = start + 1;
    marks.push({ start, end, severity: problem.severity, problem: index });
  });
  return marks;
}

export function textSegments(text: string, problems: readonly Problem[]): TextSegment[] {
  const marks = marksOf(text, problems);
  // Boundaries of every mark; each piece between two boundaries takes the strongest mark over it.
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  const emptyAt = (offset: number): void => {
    const here = marks.filter((m) => m.start === offset && m.end === offset);
    if (here.length === 0) return;
    const best = here.reduce((a, b) => (rank(b.severity) > rank(a.severity) ? b : a));
    segments.push({ text: '', severity: best.severity, problem: best.problem, empty: true });
  };
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    emptyAt(from);
    const over = marks.filter((m) => m.start <= from && m.end >= to && m.end > m.start);
    const best = over.length === 0 ? null : over.reduce((a, b) => (rank(b.severity) > rank(a.severity) ? b : a));
    const piece = text.slice(from, to);
    const last = segments[segments.length - 1];
    const severity = best?.severity ?? null;
    const problem = best?.problem ?? null;
    // Neighbouring pieces under the same mark (or under none) read as one span.
    if (last !== undefined && !last.empty && last.severity === severity && last.problem === problem) {
      segments[segments.length - 1] = { ...last, text: last.text + piece };
    } else {
      segments.push({ text: piece, severity, problem, empty: false });
    }
  }
  emptyAt(text.length);
  return segments;
}

/** The number of lines of `text` (a trailing LF starts one more, as an editor shows it). */
export function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The strongest severity of a problem located on each line (1-based). */
export function lineSeverities(problems: readonly Problem[]): Map<number, ProblemSeverity> {
  const lines = new Map<number, ProblemSeverity>();
  for (const p of problems) {
    const line = p.range?.start.line;
    if (line === undefined) continue;
    const seen = lines.get(line);
    if (seen === undefined || rank(p.severity) > rank(seen)) lines.set(line, p.severity);
  }
  return lines;
}
