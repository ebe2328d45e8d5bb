/**
 * The labelled redaction corpus: planted values in ticket text (families.ts, framed by frames.ts)
 * and look-alikes (benign.ts). Deterministic: the same cases on every run. Shared by
 * test/dlp/redaction-corpus.test.ts (the recall and false-positive targets, as behaviour) and
 * scripts/bench.ts (the same numbers printed, with throughput).
 */
import { Rng } from '../helpers.js';
import { FAMILIES } from './families.js';
import { frame, type Lang } from './frames.js';
import { LOOK_ALIKES } from './benign.js';

export interface PlantedCase {
  readonly family: string;
  readonly text: string;
  /** Every value that must be covered by findings for the case to count as caught. */
  readonly values: readonly string[];
}

export interface LookAlikeCase {
  readonly imitates: string;
  readonly text: string;
}

const LANG_PREFIX = /^(de|es|fr|ja)\|/;

function seed(family: string, i: number): number {
  let h = 2166136261;
  for (const c of family) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h ^ (i * 0x9e3779b1)) >>> 0;
}

/** A value broken over two lines where it would wrap: the first half ends the (long) line. */
function wrapped(value: string): string {
  const k = Math.ceil(value.length / 2);
  return `${value.slice(0, k)}\n${value.slice(k)}`;
}

function plant(family: string, values: (r: Rng, i: number, slots: number) => string | readonly string[], snippet: string, i: number): PlantedCase {
  const lang = (LANG_PREFIX.exec(snippet)?.[1] ?? 'en') as Lang;
  const body = snippet.replace(LANG_PREFIX, '');
  const slots = body.includes('{v2}') ? 2 : 1;
  const made = values(new Rng(seed(family, i)), i, slots);
  const list = typeof made === 'string' ? [made] : [...made];
  if (list.length !== slots) throw new Error(`${family} #${i}: ${list.length} values for ${slots} placeholders`);
  if (body.includes('{vwrap}')) list[0] = wrapped(list[0]!);
  const text = body.replace(/\{(v2|vwrap|v)\}/g, (_, slot: string) => (slot === 'v2' ? list[1]! : list[0]!));
  return { family, text: frame(lang, i, text), values: list };
}

export const PLANTED: readonly PlantedCase[] = FAMILIES.flatMap((f) => f.snippets.map((snippet, i) => plant(f.family, f.values, snippet, i)));

export const LOOK_ALIKE_CASES: readonly LookAlikeCase[] = LOOK_ALIKES.map((l, i) => ({ imitates: l.imitates, text: frame(l.lang ?? 'en', i, l.text) }));

export const FAMILY_NAMES: readonly string[] = FAMILIES.map((f) => f.family);

// --- scoring ---------------------------------------------------------------------------------------

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True if text[at, at + length) lies inside the union of `spans` (sorted, non-overlapping). */
export function covered(spans: readonly Span[], at: number, length: number): boolean {
  let reach = at;
  for (const s of spans) {
    if (s.end <= reach) continue;
    if (s.start > reach) return false;
    reach = s.end;
    if (reach >= at + length) return true;
  }
  return reach >= at + length;
}

export interface FamilyScore {
  readonly family: string;
  readonly cases: number;
  readonly caught: number;
  /** The cases missed, as "#i: value" (for a failing test's message; never printed by the bench). */
  readonly missed: readonly string[];
}

export interface CorpusScore {
  readonly families: readonly FamilyScore[];
  readonly cases: number;
  readonly caught: number;
  readonly lookAlikes: number;
  readonly falsePositives: readonly { readonly imitates: string; readonly found: readonly string[] }[];
}

export function scoreCorpus(scan: (text: string) => readonly Span[]): CorpusScore {
  const byFamily = new Map<string, { cases: number; caught: number; missed: string[] }>();
  for (const name of FAMILY_NAMES) byFamily.set(name, { cases: 0, caught: 0, missed: [] });
  PLANTED.forEach((c) => {
    const spans = scan(c.text);
    const score = byFamily.get(c.family)!;
    score.cases++;
    if (c.values.every((v) => covered(spans, c.text.indexOf(v), v.length))) score.caught++;
    else score.missed.push(`#${score.cases - 1}: ${JSON.stringify(c.text)}`);
  });
  const falsePositives = LOOK_ALIKE_CASES.flatMap((l) => {
    const spans = scan(l.text);
    return spans.length === 0 ? [] : [{ imitates: l.imitates, found: spans.map((s) => l.text.slice(s.start, s.end)) }];
  });
  const families = [...byFamily].map(([family, s]) => ({ family, ...s }));
  return {
    families,
    cases: families.reduce((n, f) => n + f.cases, 0),
    caught: families.reduce((n, f) => n + f.caught, 0),
    lookAlikes: LOOK_ALIKE_CASES.length,
    falsePositives,
  };
}
