/**
 * Writes the demo fixtures: fixtures/keys/demo-keyring.json, fixtures/trust/demo-trust-root.json
 * and the good demo bundles in fixtures/bundles/ (see src/runtime/node/demo-fixtures.ts).
 * Deterministic: running it again writes the same bytes. Run: npm run fixtures.
 * test/runtime/node/demo-fixtures.test.ts fails when the committed files differ from these.
 */
import { installNodeEd25519Signer } from '../src/node/ed25519-node-signer.js';
import { demoFixtureFiles } from '../src/runtime/node/demo-fixtures.js';
import { REPO_ROOT, writeFixtureFiles } from './write-fixture-files.js';

installNodeEd25519Signer(); // noble's bytes (RFC 8032 signing is deterministic), faster

writeFixtureFiles(await demoFixtureFiles(REPO_ROOT));
