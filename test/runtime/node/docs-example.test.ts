/**
 * The worked examples of docs/formats-parts/70-bundle.md and 80-runtime.md quote real values of
 * fixtures/bundles/tiny-example.clawproof. Every digest they quote must be one the bundle
 * actually has, so the text cannot drift from the code that writes bundles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { base64Decode, hexEncode } from '../../../src/core/bytes.js';
import { sha256 } from '../../../src/core/hash.js';
import { merkleLeafHash } from '../../../src/core/merkle.js';
import { bundleLeafData } from '../../../src/core/bundle/leaves.js';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { demoSeed } from '../../../src/runtime/keys/generate.js';
import { bundleTexts } from '../leak-scan.js';
import { ROOT } from '../support.js';

const HEX64 = /[0-9a-f]{64}/g;

function knownValues(): Set<string> {
  const file = readFileSync(join(ROOT, 'fixtures/bundles/tiny-example.clawproof'));
  const bundle = JSON.parse(file.toString('utf8')) as ProofBundle;
  const known = new Set<string>([sha256(new Uint8Array(file)).slice(7), hexEncode(demoSeed('controls'))]);
  for (const t of bundleTexts(bundle)) for (const m of t.text.matchAll(HEX64)) known.add(m[0]);
  for (const e of [bundle.wpc, ...bundle.receipts, ...bundle.records, ...bundle.approvals, bundle.manifest]) {
    known.add(sha256(base64Decode(e.payload)).slice(7));
  }
  const { manifest: _, mediaType: __, version: ___, ...body } = bundle;
  for (const leaf of bundleLeafData(body)) known.add(hexEncode(merkleLeafHash(leaf)));
  return known;
}

function exampleSection(doc: string, heading: string): string {
  const text = readFileSync(join(ROOT, 'docs/formats-parts', doc), 'utf8');
  const start = text.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const next = text.indexOf('\n### ', start + heading.length);
  return text.slice(start, next === -1 ? undefined : next);
}

describe('worked examples in the format docs', () => {
  const known = knownValues();
  it.each([
    ['70-bundle.md', '### Worked example'],
    ['80-runtime.md', '### Determinism'],
    ['80-runtime.md', '### Keyring'],
  ])('%s %s quotes only digests of the tiny example bundle', (doc, heading) => {
    const quoted = [...exampleSection(doc, heading).matchAll(HEX64)].map((m) => m[0]);
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((h) => !known.has(h))).toEqual([]);
  });
});
