/**
 * Writes the conformance suite: fixtures/conformance/ (manifest.json, CASES.md, inputs/) and
 * docs/schemas/conformance-manifest.schema.json (what they are: scripts/conformance-suite.ts).
 * Run it after `npm run fixtures`: cases point at the committed demo and tampered bundles.
 * Deterministic: running it again writes the same bytes. Run: npm run fixtures:conformance.
 */
import { conformanceFiles } from './conformance-suite.js';
import { REPO_ROOT, writeFixtureFiles } from './write-fixture-files.js';

writeFixtureFiles(await conformanceFiles(REPO_ROOT));
