/**
 * Writes the demo fixtures: fixtures/keys/demo-keyring.json, fixtures/trust/demo-trust-root.json
 * and the good demo bundles in fixtures/bundles/ (see src/runtime/node/demo-fixtures.ts).
 * Deterministic: running it again writes the same bytes. Run: npm run fixtures.
 * test/runtime/node/demo-fixtures.test.ts fails when the committed files differ from these.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFixtureFiles } from '../src/runtime/node/demo-fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [relative, content] of await demoFixtureFiles(root)) {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  console.log(`wrote ${relative} (${content.length} bytes)`);
}
