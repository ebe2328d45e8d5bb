/**
 * fixtures/models/local-classifier.json: the trained naive Bayes parameters, the category ->
 * queue mapping the router applies, and a record of how it was trained and how it scored on the
 * held-out split.
 */
import { isCategory, queueById } from '../tickets/catalog.js';
import { naiveBayesParamsProblem, type NaiveBayesParams } from './naive-bayes.js';

export interface LocalClassifierFile extends NaiveBayesParams {
  /** Category -> queue id. */
  queues: Record<string, string>;
  training: {
    sample_seed: string;
    split: string;
    train_tickets: number;
    held_out_tickets: number;
  };
  evaluation: {
    held_out: number;
    correct: number;
    accuracy: number;
  };
}

/** Why a value is not a usable classifier file, or null when it is. */
export function classifierFileProblem(value: unknown): string | null {
  const nbProblem = naiveBayesParamsProblem(value);
  if (nbProblem !== null) return nbProblem;
  const file = value as Partial<LocalClassifierFile> & NaiveBayesParams;
  for (const category of file.categories) {
    if (!isCategory(category)) return `category "${category}" is not in the catalog`;
  }
  if (typeof file.queues !== 'object' || file.queues === null) return 'queues must map each category to a queue';
  for (const category of file.categories) {
    const queue = (file.queues as Record<string, unknown>)[category];
    if (typeof queue !== 'string' || queueById(queue) === undefined) return `category "${category}" has no known queue`;
  }
  return null;
}

/** JSON text of the file: readable top level, one vocabulary term and its counts per line. */
export function serializeClassifierFile(file: LocalClassifierFile): string {
  const { vocabulary, counts, ...rest } = file;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const rows = vocabulary.map((term, i) => `    [${JSON.stringify(term)}, ${JSON.stringify(counts[i])}]`);
  // Stored as [term, counts] pairs; parseClassifierJson turns them back into the two arrays.
  return `${head},\n  "terms": [\n${rows.join(',\n')}\n  ]\n}\n`;
}

/** The inverse of serializeClassifierFile (the parsed JSON, `terms` pairs split back out). */
export function fromStoredClassifier(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || !Array.isArray((stored as { terms?: unknown }).terms)) return stored;
  const { terms, ...rest } = stored as { terms: unknown[] } & Record<string, unknown>;
  const vocabulary: unknown[] = [];
  const counts: unknown[] = [];
  for (const pair of terms) {
    if (!Array.isArray(pair) || pair.length !== 2) return { ...rest, vocabulary: null };
    vocabulary.push(pair[0]);
    counts.push(pair[1]);
  }
  return { ...rest, vocabulary, counts };
}
