import { describe, expect, it } from 'vitest';
import { digestOfJson } from '../../../src/core/hash.js';
import type { ReceiptPayload } from '../../../src/core/bundle/types.js';
import { checkOf, codesOf, makeBundle, payloadOf, reseal, rewriteReceipts, verify } from '../support.js';
import { run, sampleTickets, uselessModel } from '../diff/bundles.js';

describe('model_views check', () => {
  it('passes views and responses that hash to their receipts', async () => {
    const report = await verify(await makeBundle());
    expect(checkOf(report, 'model_views')).toMatchObject({ status: 'pass', code: 'OK' });
  });

  it('fails MODEL_VIEW_HASH_MISMATCH when a model view is edited, naming the receipt and both hashes', async () => {
    const bundle = await makeBundle();
    const entry = bundle.model_views[1]!;
    entry.request.view = { ...entry.request.view, subject: 'something the model never saw' };
    const report = await verify(bundle);
    const issue = checkOf(report, 'model_views').issues[0]!;
    expect(issue.code).toBe('MODEL_VIEW_HASH_MISMATCH');
    const receipt = payloadOf<ReceiptPayload>(bundle.receipts[1]!);
    expect(issue.evidence[0]).toEqual({ pointer: '/model_views/1/request', receiptId: receipt.receipt_id, expected: receipt.request_hash, actual: digestOfJson(entry.request) });
  });

  it('fails MODEL_RESPONSE_HASH_MISMATCH when a model response is edited', async () => {
    const bundle = await makeBundle();
    bundle.model_responses[0]!.response = { ...bundle.model_responses[0]!.response, category: 'security' };
    const report = await verify(bundle);
    expect(codesOf(report, 'model_views')).toEqual(['MODEL_RESPONSE_HASH_MISMATCH']);
  });

  it('fails MODEL_VIEW_MISSING and MODEL_VIEW_ORPHAN when a view is re-labelled to another receipt', async () => {
    const bundle = await makeBundle();
    bundle.model_views[0]!.receipt_id = 'rct_00000000000000000000';
    const report = await verify(bundle);
    expect(codesOf(report, 'model_views')).toEqual(['MODEL_VIEW_MISSING', 'MODEL_VIEW_ORPHAN']);
  });

  it('fails a duplicated view and views moved away from their receipt\'s index', async () => {
    const bundle = await makeBundle();
    bundle.model_views.push(structuredClone(bundle.model_views[0]!));
    [bundle.model_responses[0], bundle.model_responses[1]] = [bundle.model_responses[1]!, bundle.model_responses[0]!];
    const report = await verify(bundle);
    const codes = codesOf(report, 'model_views');
    expect(codes).toContain('MODEL_VIEW_DUPLICATE');
    expect(codes.filter((c) => c === 'MODEL_VIEW_MISPLACED').length).toBe(2);
  });

  it('fails a view that names another ticket than its receipt', async () => {
    const bundle = await makeBundle();
    bundle.model_views[0]!.request.ticket_id += 1000;
    const report = await verify(bundle);
    expect(codesOf(report, 'model_views')).toEqual(['MODEL_VIEW_HASH_MISMATCH', 'MODEL_VIEW_BINDING_MISMATCH']);
  });
});

describe('model_views check, across the calls of one ticket', () => {
  it('fails MODEL_VIEW_INCONSISTENT when a retry sent another view than the first call (receipted as such)', async () => {
    const bundle = await run({ model: uselessModel(), tickets: sampleTickets(1) });
    expect(bundle.receipts.length).toBeGreaterThan(1);
    const entry = bundle.model_views[1]!;
    entry.request.view = { ...entry.request.view, subject: 'a second, different view' };
    rewriteReceipts(bundle, (r, i) => {
      if (i === 1) r.request_hash = digestOfJson(entry.request);
    });
    reseal(bundle);
    const check = checkOf(await verify(bundle), 'model_views');
    expect(check.issues.map((i) => i.code)).toEqual(['MODEL_VIEW_INCONSISTENT']);
    expect(check.issues[0]!.message).toMatch(/^Ticket \d+: model call rct_\w+ sent another view than rct_\w+; a retry resends the view redacted at intake$/);
  });
});
