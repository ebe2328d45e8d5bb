/**
 * Writes the conformance suite: fixtures/conformance/ (manifest.json, CASES.md, inputs/) and
 * docs/schemas/conformance-manifest.schema.json (what they are: scripts/conformance-suite.ts).
 * Run it after `npm run fixtures`: cases point at the committed demo and tampered bundles.
 * Deterministic: running it again writes the same bytes. Run: npm run fixtures:conformance.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conformanceFiles } from './conformance-suite.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [relative, content] of await conformanceFiles(root)) {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${relative} (${content.length} bytes)`);
}
