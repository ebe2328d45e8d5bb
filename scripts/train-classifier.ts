/**
 * Trains the local classifier on the training split of the sample set and writes
 * fixtures/models/local-classifier.json; prints the accuracy on the held-out split.
 *
 *   npm run train:classifier
 *   npm run train:classifier -- --check   # fail if the committed model differs from a fresh run
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeClassifierFile } from '../src/runtime/models/classifier-file.js';
import { sampleViews, trainLocalClassifier } from '../src/runtime/models/training.js';
import { loadSampleSet } from '../src/runtime/tickets/sample-set.js';
import type { PlantedValue } from '../src/runtime/tickets/sample/types.js';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'clawproof') return dir;
    } catch {
      // not here; go up
    }
    dir = dirname(dir);
  }
  throw new Error('cannot find the clawproof project root');
}

function percent(correct: number, total: number): string {
  return total === 0 ? '-' : `${((100 * correct) / total).toFixed(1)}% (${correct}/${total})`;
}

function main(args: readonly string[]): number {
  const root = projectRoot();
  const sampleJson: unknown = JSON.parse(readFileSync(join(root, 'fixtures/tickets/sample-tickets.json'), 'utf8'));
  const planted = (JSON.parse(readFileSync(join(root, 'fixtures/tickets/planted.json'), 'utf8')) as {
    tickets: Record<string, PlantedValue[]>;
  }).tickets;
  const sample = loadSampleSet(sampleJson);
  if (sample.problems.length > 0) {
    for (const p of sample.problems) console.error(`sample problem at ${p.pointer}: ${p.message}`);
    return 1;
  }
  const seed = (sampleJson as { generator?: { seed?: string } }).generator?.seed ?? 'unknown';
  const { file, report } = trainLocalClassifier(sampleViews(sample, planted), seed);
  const text = serializeClassifierFile(file);
  const outPath = join(root, 'fixtures/models/local-classifier.json');

  console.log(`trained on ${file.training.train_tickets} tickets, vocabulary ${file.vocabulary.length} terms`);
  console.log(`held-out accuracy: ${percent(report.correct, report.total)}`);
  for (const [language, r] of Object.entries(report.byLanguage)) console.log(`  ${language}: ${percent(r.correct, r.total)}`);
  for (const [category, r] of Object.entries(report.byCategory)) console.log(`  ${category}: ${percent(r.correct, r.total)}`);
  for (const e of report.errors) console.log(`  miss: ticket ${e.id} is ${e.expected}, model said ${e.got}`);

  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outPath, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error(`out of date: ${outPath}`);
      return 1;
    }
    return 0;
  }
  writeFileSync(outPath, text);
  console.log(`wrote ${outPath} (${text.length} bytes)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
