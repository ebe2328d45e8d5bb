/**
 * Writes docs/schemas/*.schema.json from the zod schemas: the WPC's (src/policy/schema.ts) and one
 * line of a v2 proof bundle (src/format/v2/line.ts). Run: npm run generate:schemas.
 * test/policy/json-schema.test.ts and test/format/v2/json-schema.test.ts fail when the committed
 * files differ from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateV2SchemaFiles } from '../src/format/v2/json-schema.js';
import { generateWpcSchemaFiles } from '../src/policy/json-schema.js';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries({ ...generateWpcSchemaFiles(), ...generateV2SchemaFiles() })) {
  writeFileSync(join(outDir, name), text);
  console.log(`wrote docs/schemas/${name}`);
}
