/** The bundled sample set as model views (planted values masked the way redaction would). */
import { readFileSync } from 'node:fs';
import type { LabelledView } from '../../../src/runtime/models/evaluate.js';
import { sampleViews } from '../../../src/runtime/models/training.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import type { PlantedValue } from '../../../src/runtime/tickets/sample/types.js';

export function plantedValues(): Record<string, PlantedValue[]> {
  const url = new URL('../../../fixtures/tickets/planted.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { tickets: Record<string, PlantedValue[]> }).tickets;
}

let cached: LabelledView[] | undefined;

export function maskedSampleViews(): LabelledView[] {
  cached ??= sampleViews(getSampleSet(), plantedValues());
  return cached;
}
