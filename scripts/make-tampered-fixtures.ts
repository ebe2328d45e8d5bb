/**
 * Writes the tampered demo bundles, their index.json and README.md to fixtures/bundles/tampered/
 * (the ways of tampering: scripts/tampered-fixtures.ts). Run it after `npm run fixtures`: it starts
 * from the committed good bundles. Deterministic: running it again writes the same bytes.
 * Run: npm run fixtures:tampered.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tamperedFixtureFiles } from './tampered-fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [relative, content] of await tamperedFixtureFiles(root)) {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${relative} (${content.length} bytes)`);
}
