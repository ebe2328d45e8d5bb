import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyDsse } from '../../../src/core/dsse.js';
import { base64Decode } from '../../../src/core/bytes.js';
import { parseTrustRoot } from '../../../src/core/trust-root.js';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { PAYLOAD_TYPES } from '../../../src/format/v2/media-types.js';
import { readBundleV2, type ReadLine } from '../../../src/format/v2/read.js';
import { verifyLinePayload } from '../../../src/format/v2/sign-line.js';
import { checkTreeHead } from '../../../src/format/v2/tree-head.js';
import { exportBundleV2, v2SignersOf } from '../../../src/runtime/bundle/export-v2.js';
import { demoKeyring } from '../../../src/runtime/keys/generate.js';
import { DEMO_BUNDLES, DEMO_EXPORTS, DEMO_TRUST_ROOT_FILE, DEMO_V2_DIR, demoFixtureFiles, demoV2File } from '../../../src/runtime/node/demo-fixtures.js';
import { ROOT } from '../support.js';

describe('demo fixtures', () => {
  it('the committed files are exactly what npm run fixtures writes', async () => {
    const files = await demoFixtureFiles(ROOT);
    expect([...files.keys()].length).toBe(2 + 2 * DEMO_BUNDLES.length + DEMO_EXPORTS.length);
    for (const [relative, content] of files) {
      expect(readFileSync(join(ROOT, relative), 'utf8'), `${relative} is stale: run npm run fixtures`).toBe(content);
    }
  });

  it('every signature in the demo bundles is by a key of the demo trust root', async () => {
    const root = demoRoot();
    expect(root.demoOnly).toBe(true);
    for (const spec of DEMO_BUNDLES) {
      const bundle = JSON.parse(readFileSync(join(ROOT, spec.file), 'utf8')) as ProofBundle;
      for (const envelope of [bundle.wpc, ...bundle.receipts, ...bundle.records, ...bundle.approvals, bundle.manifest]) {
        expect((await verifyDsse(envelope, keyOf(root))).validKeyids).toHaveLength(1);
      }
    }
  });

  describe('v2 copies (fixtures/bundles/v2)', () => {
    it('hold one copy of each good demo bundle and nothing else (beside the tampered set in its own folder)', () => {
      const names = DEMO_BUNDLES.map((spec) => demoV2File(spec).slice(DEMO_V2_DIR.length + 1)).sort();
      expect(readdirSync(join(ROOT, DEMO_V2_DIR)).filter((name) => name !== 'tampered').sort()).toEqual(names);
    });

    it.each(DEMO_BUNDLES.map((spec) => [demoV2File(spec), spec.file]))('%s is the v2 export of the committed %s, byte for byte', (v2, v1) => {
      const bundle = JSON.parse(readFileSync(join(ROOT, v1), 'utf8')) as ProofBundle;
      const expected = exportBundleV2(bundle, v2SignersOf(demoKeyring())).bytes;
      expect(Buffer.from(readFileSync(join(ROOT, v2))).equals(Buffer.from(expected)), `${v2} is stale: run npm run fixtures`).toBe(true);
    });

    it.each(DEMO_BUNDLES.map((spec) => [demoV2File(spec)]))('%s reads back, its heads and line signatures by keys of the demo trust root', async (v2) => {
      const root = demoRoot();
      const signed: ReadLine[] = [];
      const bytes = new Uint8Array(readFileSync(join(ROOT, v2)));
      const result = await readBundleV2(
        (async function* () {
          yield bytes;
        })(),
        { onLine: (l) => void (l.line.t === 'receipt' || l.line.t === 'approval' ? signed.push(l) : undefined) },
      );
      const key = (role: 'proxy' | 'approver' | 'harness') => {
        const keyid = result.header.keys[role][0]!;
        expect(root.keys.find((k) => k.keyid === keyid)?.role).toBe(role);
        return keyOf(root)(keyid)!;
      };
      expect(await checkTreeHead(result.treeHeads.proxy, { service: 'proxy', tree: result.proxyTree, publicKey: key('proxy') })).toEqual([]);
      expect(await checkTreeHead(result.treeHeads.harness, { service: 'harness', tree: result.harnessTree, publicKey: key('harness') })).toEqual([]);
      expect(signed.length).toBe(result.counts.receipts + result.counts.approvals);
      for (const { line } of signed) {
        const [type, role] = line.t === 'receipt' ? [PAYLOAD_TYPES.receipt, 'proxy' as const] : [PAYLOAD_TYPES.approval, 'approver' as const];
        const { payload, sig } = line as { payload: unknown; sig: string };
        expect(await verifyLinePayload(type, payload, sig, key(role))).toBe(true);
      }
    });
  });
});

function demoRoot() {
  return parseTrustRoot(readFileSync(join(ROOT, DEMO_TRUST_ROOT_FILE), 'utf8'));
}

function keyOf(root: ReturnType<typeof parseTrustRoot>): (id: string) => Uint8Array | undefined {
  return (id) => {
    const key = root.keys.find((k) => k.keyid === id);
    return key === undefined ? undefined : base64Decode(key.publicKey);
  };
}
