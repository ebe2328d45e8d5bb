/**
 * Writes docs/schemas/*.schema.json from the zod WPC schemas (src/policy/schema.ts).
 * Run: npm run generate:schemas. test/policy/json-schema.test.ts fails when the committed files
 * differ from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateWpcSchemaFiles } from '../src/policy/json-schema.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(generateWpcSchemaFiles())) {
  writeFileSync(join(outDir, name), text);
  console.log(`wrote docs/schemas/${name}`);
}
