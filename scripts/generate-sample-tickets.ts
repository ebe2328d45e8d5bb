/**
 * Writes the sample ticket set: fixtures/tickets/sample-tickets.json and planted.json.
 *
 *   npm run generate:tickets                 # default seed
 *   npm run generate:tickets -- --seed demo  # another seed
 *   npm run generate:tickets -- --check      # fail if the files on disk differ from a fresh run
 *
 * The same seed gives byte-identical files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SAMPLE_SEED, generateSampleSet, serializeSampleFile } from '../src/runtime/tickets/sample/generate.js';

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

function projectRoot(): string {
  // Works both from scripts/ (vitest, tsc --noEmit) and from a compiled copy under .tmp/.
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

function main(args: readonly string[]): number {
  const seed = argValue(args, '--seed') ?? DEFAULT_SAMPLE_SEED;
  const outDir = resolve(projectRoot(), argValue(args, '--out-dir') ?? 'fixtures/tickets');
  const { file, planted } = generateSampleSet(seed);
  const outputs = [
    { path: join(outDir, 'sample-tickets.json'), text: serializeSampleFile(file) },
    { path: join(outDir, 'planted.json'), text: serializeSampleFile(planted) },
  ];
  if (args.includes('--check')) {
    const stale = outputs.filter((o) => {
      try {
        return readFileSync(o.path, 'utf8') !== o.text;
      } catch {
        return true;
      }
    });
    for (const o of stale) console.error(`out of date: ${o.path}`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const o of outputs) writeFileSync(o.path, o.text);
  const labels = Object.values(file.labels);
  console.log(
    `wrote ${file.tickets.length} tickets (${labels.filter((l) => l.injection).length} with injections, ` +
      `${labels.filter((l) => l.credentials).length} with credentials) and ${file.users.length} users, seed "${seed}"`,
  );
  for (const o of outputs) console.log(`  ${o.path}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
