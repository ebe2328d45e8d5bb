/**
 * Writes the tampered demo bundles, their index.json and README.md to fixtures/bundles/tampered/
 * (the ways of tampering: scripts/tampered-fixtures.ts). Run it after `npm run fixtures`: it starts
 * from the committed good bundles. Deterministic: running it again writes the same bytes.
 * Run: npm run fixtures:tampered.
 */
import { tamperedFixtureFiles } from './tampered-fixtures.js';
import { REPO_ROOT, writeFixtureFiles } from './write-fixture-files.js';

writeFixtureFiles(await tamperedFixtureFiles(REPO_ROOT));
