/**
 * Writes the code tables of docs/formats-parts/90-verification.md from the registry
 * (src/format/codes.ts). Run by `npm run docs:formats` before the spec is assembled;
 * test/docs/code-tables.test.ts fails when the committed part differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_TABLES_PART, spliceRegions } from './code-tables.js';

const path = join(fileURLToPath(new URL('..', import.meta.url)), CODE_TABLES_PART);
const current = readFileSync(path, 'utf8');
const next = spliceRegions(current);
if (next !== current) writeFileSync(path, next);
console.log(`${CODE_TABLES_PART}: code tables ${next === current ? 'up to date' : 'written'}`);
