/**
 * The classifier's train/held-out split and its accuracy measure.
 *
 * The split is by ticket id (held out when id % 4 === 0, a quarter of the set), so it is the
 * same on every run and needs no list; the generator shuffles categories across ids, so the
 * split is not correlated with the label.
 */
import type { JsonObject } from '../../core/json.js';
import type { Model } from './types.js';

export const HELD_OUT_MODULUS = 4;

export function isHeldOut(ticketId: number): boolean {
  return ticketId % HELD_OUT_MODULUS === 0;
}

export interface LabelledView {
  readonly id: number;
  readonly view: JsonObject;
  readonly category: string;
  readonly language: string;
}

export interface AccuracyReport {
  total: number;
  correct: number;
  /** correct / total, rounded to 4 decimals (0 when total is 0). */
  accuracy: number;
  byLanguage: Record<string, { total: number; correct: number }>;
  byCategory: Record<string, { total: number; correct: number }>;
  /** Ids the model got wrong, with what it said. */
  errors: { id: number; expected: string; got: string }[];
}

export function evaluateAccuracy(model: Model, items: readonly LabelledView[]): AccuracyReport {
  const report: AccuracyReport = { total: 0, correct: 0, accuracy: 0, byLanguage: {}, byCategory: {}, errors: [] };
  for (const item of items) {
    const got = model.classify(item.view).category;
    const ok = got === item.category;
    report.total++;
    if (ok) report.correct++;
    else report.errors.push({ id: item.id, expected: item.category, got });
    const lang = (report.byLanguage[item.language] ??= { total: 0, correct: 0 });
    lang.total++;
    if (ok) lang.correct++;
    const cat = (report.byCategory[item.category] ??= { total: 0, correct: 0 });
    cat.total++;
    if (ok) cat.correct++;
  }
  report.accuracy = report.total === 0 ? 0 : Math.round((report.correct / report.total) * 10_000) / 10_000;
  return report;
}
