/**
 * Writes the conformance suite: fixtures/conformance/ (manifest.json, CASES.md, inputs/) and
 * docs/schemas/conformance-manifest.schema.json (what they are: scripts/conformance-suite.ts).
 * Run it after `npm run fixtures`: cases point at the committed demo and tampered bundles.
 * Deterministic: running it again writes the same bytes. Run: npm run fixtures:conformance.
 */
import { conformanceFiles } from './conformance-suite.js';
import { REPO_ROOT, writeFixtureFiles } from './write-fixture-files.js';
import { installNodeEd25519Signer } from '../src/node/ed25519-node-signer.js';

installNodeEd25519Signer(); // noble's bytes (RFC 8032 signing is deterministic), faster
writeFixtureFiles(await conformanceFiles(REPO_ROOT));
