/** The worked example of docs/formats-parts/90-verification.md, on the committed tiny example. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestOfJson } from '../../src/core/hash.js';
import type { ProofBundle, ReceiptPayload } from '../../src/core/bundle/types.js';
import { trustRootFromKeyring } from '../../src/runtime/keys/trust-root.js';
import { ROOT, STRANGER, checkOf, failedChecks, payloadOf, verify } from './support.js';

const bytes = new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'bundles', 'tiny-example.clawproof')));
const root = new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json')));

describe('the worked example of the verification section', () => {
  it('is valid with two warnings', async () => {
    const report = await verify(bytes, root);
    expect(report.summary).toBe(
      'Valid: 13 of 15 checks passed, 2 warnings: the trust root is demo-only: its secret keys are published, so anyone could have signed this bundle; ' +
        '1 applied write was approved automatically: the approver key signed, but no person reviewed the proposal.',
    );
    expect(report.causes).toEqual([]);
  });

  it('fails model_views and manifest, and only those, when one word of the view changes', async () => {
    const bundle = JSON.parse(new TextDecoder().decode(bytes)) as ProofBundle;
    const view = bundle.model_views[0]!.request.view as { subject: string };
    expect(view.subject).toBe('What is this charge?');
    view.subject = 'What is this change?';
    const report = await verify(bundle, root);
    expect(failedChecks(report)).toEqual(['model_views', 'manifest']);
    const receipt = payloadOf<ReceiptPayload>(bundle.receipts[0]!);
    expect(checkOf(report, 'model_views').issues[0]?.evidence[0]).toEqual({
      pointer: '/model_views/0/request',
      receiptId: receipt.receipt_id,
      expected: receipt.request_hash,
      actual: digestOfJson(bundle.model_views[0]!.request),
    });
    expect(checkOf(report, 'manifest').issues.map((i) => [i.code, i.evidence[0]?.payloadPointer])).toEqual([['MERKLE_ROOT_MISMATCH', '/merkle_root']]);
  });

  it('is unknown-signer against a trust root of other keys, every signed part KEY_NOT_TRUSTED', async () => {
    const report = await verify(bytes, trustRootFromKeyring(STRANGER));
    expect(report.verdict).toBe('unknown-signer');
    const bundle = JSON.parse(new TextDecoder().decode(bytes)) as ProofBundle;
    const parts = 3 + bundle.receipts.length + bundle.records.length + bundle.approvals.length;
    expect(parts).toBe(15);
    expect(checkOf(report, 'trust').issues.filter((i) => i.code === 'KEY_NOT_TRUSTED')).toHaveLength(parts);
  });
});
