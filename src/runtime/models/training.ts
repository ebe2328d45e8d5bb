/**
 * Training and held-out evaluation of the local classifier on the sample set. Used by
 * scripts/train-classifier.ts and by the tests that check the committed model is current.
 */
import { CATEGORIES, CATEGORY_QUEUE } from '../tickets/catalog.js';
import { ticketToDocument } from '../tickets/document.js';
import { maskPlanted } from '../tickets/sample/mask-planted.js';
import type { SampleSetData } from '../tickets/sample-set.js';
import type { PlantedValue } from '../tickets/sample/types.js';
import type { LocalClassifierFile } from './classifier-file.js';
import { evaluateAccuracy, HELD_OUT_MODULUS, isHeldOut, type AccuracyReport, type LabelledView } from './evaluate.js';
import { createLocalModel } from './local-model.js';
import { trainNaiveBayes } from './naive-bayes.js';
import { tokenize } from './tokenize.js';
import { viewText } from './view-text.js';

/** Each labelled sample ticket as the model would see it: its document with planted values masked. */
export function sampleViews(sample: SampleSetData, planted: Readonly<Record<string, readonly PlantedValue[]>>): LabelledView[] {
  return sample.tickets.flatMap((ticket) => {
    const label = sample.labels.get(ticket.id);
    if (label === undefined) return [];
    const view = maskPlanted(ticketToDocument(ticket), planted[String(ticket.id)] ?? []);
    return [{ id: ticket.id, view, category: label.category, language: label.language }];
  });
}

export interface TrainingResult {
  file: LocalClassifierFile;
  report: AccuracyReport;
}

export function trainLocalClassifier(views: readonly LabelledView[], sampleSeed: string): TrainingResult {
  const train = views.filter((v) => !isHeldOut(v.id));
  const heldOut = views.filter((v) => isHeldOut(v.id));
  const params = trainNaiveBayes(
    train.map((v) => ({ tokens: tokenize(viewText(v.view)), category: v.category })),
    CATEGORIES,
  );
  const report = evaluateAccuracy(createLocalModel({ ...params, queues: CATEGORY_QUEUE }), heldOut);
  const file: LocalClassifierFile = {
    ...params,
    queues: { ...CATEGORY_QUEUE },
    training: {
      sample_seed: sampleSeed,
      split: `held out when ticket id % ${HELD_OUT_MODULUS} == 0`,
      train_tickets: train.length,
      held_out_tickets: heldOut.length,
    },
    evaluation: { held_out: report.total, correct: report.correct, accuracy: report.accuracy },
  };
  return { file, report };
}
