/**
 * The default model: the naive Bayes classifier plus the sane router's rules. It reads the
 * ticket for its topic only; instructions in the text have no effect on what it requests.
 */
import type { JsonObject } from '../../core/json.js';
import { NaiveBayes, type NaiveBayesParams } from './naive-bayes.js';
import { MIN_ROUTING_CONFIDENCE, routeTicket, severityTerms } from './routing-rules.js';
import { tokenize } from './tokenize.js';
import type { Model, ModelOutput } from './types.js';
import { viewText } from './view-text.js';

/** How many indicative terms a rationale names. */
const RATIONALE_TERMS = 4;

export interface Classification {
  category: string;
  confidence: number;
  /** Terms that favoured the category most, strongest first. */
  terms: string[];
  tokens: string[];
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Naive Bayes posteriors are far too sure of themselves (every token is treated as independent
 * evidence). Dividing the log scores by the square root of the evidence count before the softmax
 * gives a confidence that drops on short or mixed tickets and rises on clear ones. It is a
 * ranking aid for thresholds, not a calibrated probability.
 */
function temperedConfidence(scores: readonly number[], best: number, evidence: number): number {
  const t = Math.max(1, Math.sqrt(evidence));
  const top = scores[best] as number;
  let sum = 0;
  for (const s of scores) sum += Math.exp((s - top) / t);
  return round4(1 / sum);
}

export function classifyText(nb: NaiveBayes, text: string): Classification {
  const tokens = tokenize(text);
  const { best, scores, known } = nb.predict(tokens);
  const terms = nb
    .evidence(known, best)
    .filter((e) => e.weight > 0)
    .slice(0, RATIONALE_TERMS)
    .map((e) => e.term);
  return {
    category: nb.categories[best] as string,
    confidence: temperedConfidence(scores, best, known.length),
    terms,
    tokens,
  };
}

export function describeTerms(terms: readonly string[]): string {
  return terms.length === 0 ? 'no indicative terms (prior only)' : `indicative terms: ${terms.join(', ')}`;
}

/** `queues` maps category -> queue id (the classifier file's mapping; the catalog's by default). */
export function createLocalModel(params: NaiveBayesParams & { queues?: Readonly<Record<string, string>> }): Model {
  const nb = new NaiveBayes(params);
  const queues = params.queues;
  return {
    id: 'local',
    classify(view: JsonObject): ModelOutput {
      const c = classifyText(nb, viewText(view));
      const severity = severityTerms(c.tokens);
      const route = routeTicket(c.category, c.confidence, severity, queues);
      let rationale = `Classified as ${c.category} (confidence ${c.confidence.toFixed(2)}); ${describeTerms(c.terms)}.`;
      if (severity.length > 0) rationale += ` Priority high: ${severity.join(', ')}.`;
      if (c.confidence < MIN_ROUTING_CONFIDENCE) rationale += ' Low confidence: routed to the general queue.';
      return {
        category: c.category,
        confidence: c.confidence,
        recommended_queue: route.queue,
        rationale,
        suggested_priority: route.priority,
        notification_template: route.template,
        requested_actions: route.actions,
      };
    },
  };
}
