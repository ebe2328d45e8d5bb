import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyDsse } from '../../../src/core/dsse.js';
import { base64Decode } from '../../../src/core/bytes.js';
import { parseTrustRoot } from '../../../src/core/trust-root.js';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { DEMO_BUNDLES, DEMO_EXPORTS, DEMO_TRUST_ROOT_FILE, demoFixtureFiles } from '../../../src/runtime/node/demo-fixtures.js';
import { ROOT } from '../support.js';

describe('demo fixtures', () => {
  it('the committed files are exactly what npm run fixtures writes', async () => {
    const files = await demoFixtureFiles(ROOT);
    expect([...files.keys()].length).toBe(2 + DEMO_BUNDLES.length + DEMO_EXPORTS.length);
    for (const [relative, content] of files) {
      expect(readFileSync(join(ROOT, relative), 'utf8'), `${relative} is stale: run npm run fixtures`).toBe(content);
    }
  });

  it('every signature in the demo bundles is by a key of the demo trust root', async () => {
    const root = parseTrustRoot(readFileSync(join(ROOT, DEMO_TRUST_ROOT_FILE), 'utf8'));
    expect(root.demoOnly).toBe(true);
    const resolve = (id: string) => {
      const key = root.keys.find((k) => k.keyid === id);
      return key === undefined ? undefined : base64Decode(key.publicKey);
    };
    for (const spec of DEMO_BUNDLES) {
      const bundle = JSON.parse(readFileSync(join(ROOT, spec.file), 'utf8')) as ProofBundle;
      for (const envelope of [bundle.wpc, ...bundle.receipts, ...bundle.records, ...bundle.approvals, bundle.manifest]) {
        expect((await verifyDsse(envelope, resolve)).validKeyids).toHaveLength(1);
      }
    }
  });
});
