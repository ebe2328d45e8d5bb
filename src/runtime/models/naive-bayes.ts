/**
 * Multinomial naive Bayes over binarized token presence (each distinct token counts once per
 * document), with Laplace/Lidstone smoothing. Small, deterministic and explainable: the terms
 * that pushed a ticket into its category are the rationale.
 *
 * Parameters are plain integer counts, so the trained file is compact, diffs cleanly, and every
 * engine derives the same log-probabilities from it.
 */
import { TOKENIZER_ID } from './tokenize.js';

export const NB_FORMAT = 'clawproof-nb/1';

export interface NaiveBayesParams {
  format: typeof NB_FORMAT;
  tokenizer: typeof TOKENIZER_ID;
  /** Additive smoothing (Lidstone). Default 0.1, chosen by 4-fold cross-validation on the sample set. */
  alpha: number;
  categories: string[];
  /** Training documents per category. */
  doc_counts: number[];
  /** Sorted (code-unit order), distinct. */
  vocabulary: string[];
  /** counts[i][c]: training documents of category c containing vocabulary[i]. */
  counts: number[][];
}

export interface TrainingExample {
  readonly tokens: readonly string[];
  readonly category: string;
}

export interface TrainOptions {
  readonly alpha?: number;
  /** Terms in fewer training documents than this are dropped. Default 1 (keep all): on a few hundred
   * tickets, pruning rare terms cost accuracy in 4-fold cross-validation. */
  readonly minDocs?: number;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function trainNaiveBayes(
  examples: readonly TrainingExample[],
  categories: readonly string[],
  options: TrainOptions = {},
): NaiveBayesParams {
  const alpha = options.alpha ?? 0.1;
  const minDocs = options.minDocs ?? 1;
  const index = new Map(categories.map((c, i) => [c, i]));
  const docCounts = categories.map(() => 0);
  const termCounts = new Map<string, number[]>();
  for (const example of examples) {
    const c = index.get(example.category);
    if (c === undefined) throw new Error(`training example has unknown category "${example.category}"`);
    docCounts[c] = (docCounts[c] ?? 0) + 1;
    for (const token of new Set(example.tokens)) {
      let row = termCounts.get(token);
      if (row === undefined) {
        row = categories.map(() => 0);
        termCounts.set(token, row);
      }
      row[c] = (row[c] ?? 0) + 1;
    }
  }
  const vocabulary = [...termCounts.keys()]
    .filter((t) => (termCounts.get(t) ?? []).reduce((a, b) => a + b, 0) >= minDocs)
    .sort(compareCodeUnits);
  return {
    format: NB_FORMAT,
    tokenizer: TOKENIZER_ID,
    alpha,
    categories: [...categories],
    doc_counts: docCounts,
    vocabulary,
    counts: vocabulary.map((t) => termCounts.get(t) as number[]),
  };
}

/** Why a value is not usable as NaiveBayesParams, or null when it is. */
export function naiveBayesParamsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'not an object';
  const p = value as Partial<Record<keyof NaiveBayesParams, unknown>>;
  if (p.format !== NB_FORMAT) return `format must be "${NB_FORMAT}"`;
  if (p.tokenizer !== TOKENIZER_ID) return `tokenizer must be "${TOKENIZER_ID}"`;
  if (typeof p.alpha !== 'number' || !(p.alpha > 0) || !Number.isFinite(p.alpha)) return 'alpha must be a positive number';
  const isCount = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;
  if (!Array.isArray(p.categories) || p.categories.length < 2 || !p.categories.every((c) => typeof c === 'string')) {
    return 'categories must be at least two strings';
  }
  const k = p.categories.length;
  if (new Set(p.categories).size !== k) return 'categories must be distinct';
  if (!Array.isArray(p.doc_counts) || p.doc_counts.length !== k || !p.doc_counts.every(isCount)) {
    return 'doc_counts must hold one count per category';
  }
  if ((p.doc_counts as number[]).reduce((a, b) => a + b, 0) === 0) return 'doc_counts are all zero';
  if (!Array.isArray(p.vocabulary) || !p.vocabulary.every((t) => typeof t === 'string')) return 'vocabulary must be strings';
  for (let i = 1; i < p.vocabulary.length; i++) {
    if (compareCodeUnits(p.vocabulary[i - 1] as string, p.vocabulary[i] as string) >= 0) return 'vocabulary must be sorted and distinct';
  }
  if (!Array.isArray(p.counts) || p.counts.length !== p.vocabulary.length) return 'counts must hold one row per vocabulary term';
  for (const row of p.counts) {
    if (!Array.isArray(row) || row.length !== k || !row.every(isCount)) return 'each counts row must hold one count per category';
  }
  return null;
}

export interface Prediction {
  /** Index into categories of the most likely category (ties: the earlier category). */
  best: number;
  /** Per-category log score (log prior + log likelihood), unnormalized. */
  scores: number[];
  /** Distinct input tokens found in the vocabulary. */
  known: string[];
}

export class NaiveBayes {
  readonly categories: readonly string[];
  private readonly logPrior: number[];
  private readonly logUnseen: number[];
  private readonly logLikelihood = new Map<string, number[]>();

  constructor(params: NaiveBayesParams) {
    const problem = naiveBayesParamsProblem(params);
    if (problem !== null) throw new Error(`invalid naive Bayes parameters: ${problem}`);
    this.categories = params.categories;
    const k = params.categories.length;
    const docs = params.doc_counts.reduce((a, b) => a + b, 0);
    // Add-one prior smoothing so a category absent from training keeps a finite score.
    this.logPrior = params.doc_counts.map((n) => Math.log((n + 1) / (docs + k)));
    const totals = params.categories.map((_, c) => params.counts.reduce((sum, row) => sum + (row[c] ?? 0), 0));
    const v = params.vocabulary.length;
    const denominators = totals.map((t) => Math.log(t + params.alpha * v));
    this.logUnseen = denominators.map((d) => Math.log(params.alpha) - d);
    params.vocabulary.forEach((term, i) => {
      const row = params.counts[i] as number[];
      this.logLikelihood.set(
        term,
        row.map((n, c) => Math.log(n + params.alpha) - (denominators[c] as number)),
      );
    });
  }

  predict(tokens: readonly string[]): Prediction {
    const scores = [...this.logPrior];
    const known: string[] = [];
    for (const token of new Set(tokens)) {
      const row = this.logLikelihood.get(token);
      if (row === undefined) continue;
      known.push(token);
      for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) + (row[c] as number);
    }
    let best = 0;
    for (let c = 1; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
    return { best, scores, known };
  }

  /**
   * How much each known token favours `category` over the average of the others (log ratio),
   * highest first; ties in code-unit order of the term.
   */
  evidence(known: readonly string[], category: number): { term: string; weight: number }[] {
    const out: { term: string; weight: number }[] = [];
    for (const term of known) {
      const row = this.logLikelihood.get(term);
      if (row === undefined) continue;
      let others = 0;
      for (let c = 0; c < row.length; c++) if (c !== category) others += row[c] as number;
      out.push({ term, weight: (row[category] as number) - others / (row.length - 1) });
    }
    return out.sort((a, b) => b.weight - a.weight || compareCodeUnits(a.term, b.term));
  }

  /** Log-probability of a token never seen in training, per category (for tests and tooling). */
  unseenLogProbability(category: number): number {
    return this.logUnseen[category] as number;
  }
}
