/**
 * The redaction part of `npm run bench` (`npm run bench -- --only redaction` runs it alone).
 *
 * Prints, for src/dlp with every detector:
 *  (1) recall per family on the labelled corpus (test/dlp/redaction-corpus/): a case counts when
 *      findings cover each planted value whole; and the false positives among the look-alikes;
 *  (2) throughput of scanText over about 4 MiB of ticket text (the corpus texts repeated), in MB
 *      of UTF-8 per second, against a baseline measured in the same run: a plain
 *      String.prototype.indexOf scan of the same text for one literal, the floor of any pass
 *      over it; and the same for the look-alikes alone (text with nothing to find);
 *  (3) the time of each adversarial 1 MiB input (test/dlp/redaction-corpus/adversarial.ts),
 *      best of three, and the slowest against the 0.5 s target.
 * The unit test test/dlp/redaction-corpus.test.ts asserts the same recall targets; timings live
 * only here, since they depend on the machine.
 */
import { DETECTOR_IDS } from '../src/dlp/detector-ids.js';
import { DLP_RULESET_VERSION } from '../src/dlp/ruleset.js';
import { scanText } from '../src/dlp/scan-text.js';
import { adversarialInputs } from '../test/dlp/redaction-corpus/adversarial.js';
import { LOOK_ALIKE_CASES, PLANTED, scoreCorpus } from '../test/dlp/redaction-corpus/index.js';

const MIB = 1 << 20;
const TARGET_RECALL_FAMILY = 0.95;
const TARGET_RECALL_OVERALL = 0.98;
const TARGET_FALSE_POSITIVES = 1;
const TARGET_ADVERSARIAL_MS = 500;

function pct(n: number, d: number): string {
  return `${((100 * n) / d).toFixed(1)} %`;
}

function repeatTo(parts: readonly string[], chars: number): string {
  const joined = parts.join('\n\n');
  return joined.repeat(Math.ceil(chars / joined.length)).slice(0, chars);
}

function bestOf(runs: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    f();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function indexOfScan(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

function throughput(label: string, text: string): void {
  const bytes = new TextEncoder().encode(text).length;
  scanText(text.slice(0, 100_000), DETECTOR_IDS); // warm up
  const scanMs = bestOf(3, () => void scanText(text, DETECTOR_IDS));
  const baseMs = bestOf(5, () => void indexOfScan(text, 'AKIA'));
  const mbps = (ms: number) => bytes / 1e6 / (ms / 1000);
  console.log(
    `  ${label.padEnd(34)} ${(bytes / 1e6).toFixed(1).padStart(5)} MB   scanText ${mbps(scanMs).toFixed(2).padStart(7)} MB/s (${Math.round(scanMs)} ms)   indexOf baseline ${mbps(baseMs).toFixed(0).padStart(6)} MB/s   ratio ${(scanMs / baseMs).toFixed(0)}x`,
  );
}

export function benchRedaction(): void {
  console.log(`\nredaction bench (src/dlp ruleset ${DLP_RULESET_VERSION}, ${DETECTOR_IDS.length} detectors)`);

  const score = scoreCorpus((text) => scanText(text, DETECTOR_IDS));
  console.log(`\n== recall on the labelled corpus: ${score.cases} planted values in ${score.families.length} families`);
  console.log(`  ${'family'.padEnd(14)} ${'found'.padStart(9)} ${'recall'.padStart(9)}`);
  for (const f of score.families) {
    const flag = f.caught / f.cases < TARGET_RECALL_FAMILY ? '   below the 95 % target' : '';
    console.log(`  ${f.family.padEnd(14)} ${`${f.caught}/${f.cases}`.padStart(9)} ${pct(f.caught, f.cases).padStart(9)}${flag}`);
  }
  const overall = score.caught / score.cases;
  console.log(`  ${'overall'.padEnd(14)} ${`${score.caught}/${score.cases}`.padStart(9)} ${pct(score.caught, score.cases).padStart(9)}   (target >= 98 % overall, >= 95 % per family)${overall < TARGET_RECALL_OVERALL ? '   BELOW TARGET' : ''}`);
  console.log(`  false positives: ${score.falsePositives.length} of ${score.lookAlikes} look-alikes redacted (target <= ${TARGET_FALSE_POSITIVES})${score.falsePositives.map((fp) => `\n    - ${fp.imitates}`).join('')}`);

  console.log('\n== throughput (best of 3; baseline: String.prototype.indexOf over the same text, best of 5)');
  throughput('ticket text with planted values', repeatTo(PLANTED.map((c) => c.text), 4 * MIB));
  throughput('look-alikes only (nothing to find)', repeatTo(LOOK_ALIKE_CASES.map((c) => c.text), 4 * MIB));

  console.log(`\n== adversarial inputs of 1 MiB (best of 3; target <= ${TARGET_ADVERSARIAL_MS} ms each)`);
  const times = adversarialInputs(MIB).map(({ name, text }) => ({ name, ms: bestOf(3, () => void scanText(text, DETECTOR_IDS)) }));
  times.sort((a, b) => b.ms - a.ms);
  for (const t of times.slice(0, 8)) console.log(`  ${t.name.padEnd(40)} ${Math.round(t.ms).toString().padStart(6)} ms`);
  const worst = times[0]!;
  console.log(`  ... ${times.length} inputs in all; slowest: ${worst.name}, ${Math.round(worst.ms)} ms (${worst.ms <= TARGET_ADVERSARIAL_MS ? 'within' : 'OVER'} the ${TARGET_ADVERSARIAL_MS} ms target)`);
}
