import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode } from '../../../src/core/bytes.js';
import type { ReceiptPayload } from '../../../src/core/bundle/types.js';
import { checkOf, codesOf, edited, makeBundle, payloadOf, reseal, rewriteReceipts, verify } from '../support.js';

describe('receipts check', () => {
  it('passes the runtime\'s chain of receipts', async () => {
    const bundle = await makeBundle();
    expect(bundle.receipts.length).toBeGreaterThanOrEqual(3);
    const report = await verify(bundle);
    expect(checkOf(report, 'receipts')).toMatchObject({ status: 'pass', code: 'OK' });
  });

  it('fails RECEIPT_CHAIN_BROKEN when a receipt in the middle is removed', async () => {
    const bundle = await makeBundle();
    bundle.receipts.splice(1, 1);
    const report = await verify(bundle);
    const receipts = checkOf(report, 'receipts');
    expect(receipts.code).toBe('RECEIPT_CHAIN_BROKEN');
    expect(receipts.issues[0]?.evidence[0]).toMatchObject({ pointer: '/receipts/1', payloadPointer: '/seq', expected: '1', actual: '2' });
    expect(codesOf(report, 'receipts')).toContain('RECEIPT_COUNT_MISMATCH');
    expect(codesOf(report, 'manifest')).toEqual(expect.arrayContaining(['MANIFEST_COUNT_MISMATCH', 'MERKLE_ROOT_MISMATCH']));
  });

  it('fails RECEIPT_COUNT_MISMATCH when the last receipt is removed (the chain alone cannot see a cut tail)', async () => {
    const bundle = await makeBundle();
    bundle.receipts.pop();
    const report = await verify(bundle);
    expect(codesOf(report, 'receipts')).toEqual(['RECEIPT_COUNT_MISMATCH']);
  });

  it('fails RECEIPT_CHAIN_BROKEN when two receipts are swapped', async () => {
    const bundle = await makeBundle();
    [bundle.receipts[0], bundle.receipts[1]] = [bundle.receipts[1]!, bundle.receipts[0]!];
    const report = await verify(bundle);
    const pointers = checkOf(report, 'receipts').issues.filter((i) => i.code === 'RECEIPT_CHAIN_BROKEN').map((i) => i.evidence[0]?.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/receipts/0', '/receipts/1']));
  });

  it('fails RECEIPT_DUPLICATE when a receipt is copied', async () => {
    const bundle = await makeBundle();
    bundle.receipts.splice(2, 0, bundle.receipts[1]!);
    const report = await verify(bundle);
    const duplicate = checkOf(report, 'receipts').issues.find((i) => i.code === 'RECEIPT_DUPLICATE');
    expect(duplicate?.evidence.map((e) => e.pointer)).toEqual(['/receipts/1', '/receipts/2']);
  });

  it('fails RECEIPT_DUPLICATE for two receipts with one id, even when the chain is re-signed around them', async () => {
    const bundle = await makeBundle();
    const first = payloadOf<ReceiptPayload>(bundle.receipts[0]!).receipt_id;
    rewriteReceipts(bundle, (r, i) => {
      if (i === 1) r.receipt_id = first;
    });
    reseal(bundle);
    const report = await verify(bundle);
    expect(codesOf(report, 'receipts')).toContain('RECEIPT_DUPLICATE');
  });

  it('fails SIGNATURE_INVALID when a receipt\'s content is edited under its signature', async () => {
    const bundle = await makeBundle();
    const payload = payloadOf<ReceiptPayload>(bundle.receipts[1]!);
    payload.model = 'another-model';
    bundle.receipts[1] = { ...bundle.receipts[1]!, payload: base64Encode(new TextEncoder().encode(JSON.stringify(payload))) };
    const report = await verify(bundle);
    expect(checkOf(report, 'receipts').code).toBe('SIGNATURE_INVALID');
    // The next receipt chains to the original bytes, so the chain breaks too.
    expect(codesOf(report, 'receipts')).toContain('RECEIPT_CHAIN_BROKEN');
  });

  it('[R-BUNDLE-7] fails the bindings of a receipt re-signed by the proxy key for another job, token and policy', async () => {
    const bundle = await makeBundle();
    rewriteReceipts(bundle, (r, i) => {
      if (i !== 0) return;
      r.job_id = 'job_000000000000000000000000';
      r.cst_jti = 'cst_00000000000000000000000000000000';
      r.cst_hash = `sha256:${'0'.repeat(64)}`;
      r.policy_hash = `sha256:${'1'.repeat(64)}`;
    });
    reseal(bundle);
    const report = await verify(bundle);
    expect(codesOf(report, 'receipts')).toEqual(['RECEIPT_JOB_MISMATCH', 'RECEIPT_CST_MISMATCH', 'RECEIPT_CST_MISMATCH', 'POLICY_HASH_MISMATCH']);
  });

  it('[R-BUNDLE-12] fails receipts out of time order, and a receipt for another model than the job ran', async () => {
    const bundle = await makeBundle();
    const lastAt = payloadOf<ReceiptPayload>(bundle.receipts[bundle.receipts.length - 1]!).at;
    rewriteReceipts(bundle, (r, i) => {
      if (i === 0) r.at = lastAt.replace(/\.\d{3}Z$/, '.999Z');
      if (i === 1) r.model = 'compromised';
    });
    reseal(bundle);
    const report = await verify(bundle);
    const found = checkOf(report, 'receipts').issues.map((i) => [i.code, i.evidence[0]?.payloadPointer]);
    expect(found).toEqual(expect.arrayContaining([['RECEIPT_CHAIN_BROKEN', '/at'], ['RECEIPT_MODEL_MISMATCH', '/model']]));
  });

  it('fails ENVELOPE_MALFORMED for a receipt whose signature is 65 bytes', async () => {
    const bundle = await makeBundle();
    const sig = base64Decode(bundle.receipts[0]!.signatures[0]!.sig);
    bundle.receipts[0] = { ...bundle.receipts[0]!, signatures: [{ ...bundle.receipts[0]!.signatures[0]!, sig: base64Encode(Uint8Array.of(...sig, 0)) }] };
    const report = await verify(bundle);
    expect(codesOf(report, 'receipts')[0]).toBe('ENVELOPE_MALFORMED');
  });

  it('fails a receipt edited and re-signed by the proxy key on what it binds: the chain after it and its model view', async () => {
    const bundle = await makeBundle();
    bundle.receipts[0] = edited<ReceiptPayload>(bundle.receipts[0]!, 'receipt', 'proxy', (r) => {
      r.request_hash = `sha256:${'2'.repeat(64)}`;
    });
    const report = await verify(bundle);
    expect(codesOf(report, 'model_views')).toEqual(['MODEL_VIEW_HASH_MISMATCH']);
    expect(codesOf(report, 'receipts')).toEqual(['RECEIPT_CHAIN_BROKEN']);
  });
});
