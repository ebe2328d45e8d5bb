/**
 * Writes the tampered demo bundles, their index.json and README.md: the v1 set to
 * fixtures/bundles/tampered/ (the ways of tampering: scripts/tampered-fixtures.ts) and the format
 * v2 set to fixtures/bundles/v2/tampered/ (scripts/tampered-fixtures-v2.ts). Run it after
 * `npm run fixtures`: it starts from the committed good bundles. Deterministic: running it again
 * writes the same bytes. Run: npm run fixtures:tampered.
 */
import { tamperedFixtureFiles } from './tampered-fixtures.js';
import { tamperedV2FixtureFiles } from './tampered-fixtures-v2.js';
import { REPO_ROOT, writeFixtureFiles } from './write-fixture-files.js';
import { installNodeEd25519Signer } from '../src/node/ed25519-node-signer.js';

installNodeEd25519Signer(); // noble's bytes (RFC 8032 signing is deterministic), faster
writeFixtureFiles(await tamperedFixtureFiles(REPO_ROOT));
writeFixtureFiles(await tamperedV2FixtureFiles(REPO_ROOT));
