import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../src/core/canonical.js';
import { verifyDsse } from '../../../src/core/dsse.js';
import { digestOfJson, sha256 } from '../../../src/core/hash.js';
import { signCompactJws } from '../../../src/core/jws.js';
import { keyPairFromSeed } from '../../../src/core/ed25519/index.js';
import type { ReceiptPayload } from '../../../src/core/bundle/types.js';
import { PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import { SimulatedClock, parseTimestamp } from '../../../src/runtime/clock.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { CstMinter } from '../../../src/runtime/services/cst-minter.js';
import type { ClassifierModel } from '../../../src/runtime/services/model.js';
import { ReceiptingProxy } from '../../../src/runtime/services/proxy.js';
import { WpcStore } from '../../../src/runtime/services/wpc-store.js';
import { payloadOf } from '../bundle-reader.js';
import { KEYRING, ROUTING_WPC, START, ZENDESK_WPC, fixedModel } from '../support.js';

const scopeSigner = signerFor(KEYRING, 'scope');
const proxySigner = signerFor(KEYRING, 'proxy');
const store = new WpcStore(signerFor(KEYRING, 'controls'));
const routing = store.put(ROUTING_WPC());
const zendesk = store.put(ZENDESK_WPC());
const view = { subject: 'Refund please', description: 'charged twice' };

function setup(options: { maxCalls?: number | null; model?: ClassifierModel } = {}) {
  const clock = new SimulatedClock(parseTimestamp(START));
  const minter = new CstMinter(scopeSigner, clock);
  const model = options.model ?? fixedModel();
  const proxy = new ReceiptingProxy({
    signer: proxySigner,
    clock,
    model,
    scopeKey: { keyid: scopeSigner.keyid, publicKey: scopeSigner.publicKey },
    jobId: 'job_a',
    policyHash: routing.hash,
    requirePin: true,
    maxCallsPerTicket: options.maxCalls === undefined ? 3 : options.maxCalls,
  });
  const cst = minter.mint({ jobId: 'job_a', jti: 'cst_a', scopes: ['tickets.read'], wpc: routing, ttlSeconds: 60 });
  const call = (ticketId = 7, token = cst.token, policyHash = routing.hash) =>
    proxy.call({ cst: token, policyHash, request: { model: model.id, ticket_id: ticketId, view } });
  return { clock, minter, proxy, cst, call, model };
}

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/** An AWS access key id shape (split so the source holds no scanner-flagged literal). */
const LEAKED_KEY_ID = 'AKIA' + 'Q7RZ3MXN2LBV5KTD';

describe('ReceiptingProxy', () => {
  it('signs a receipt per call that binds model, hashes, job, CST and policy, chained to the previous one', async () => {
    const { proxy, cst, call, clock } = setup();
    const first = await call(7);
    clock.advanceBy(1500);
    const second = await call(8);
    const p1 = first.payload;
    expect(p1).toEqual({
      v: 1,
      receipt_id: first.receiptId,
      seq: 0,
      job_id: 'job_a',
      ticket_id: 7,
      model: 'test-fixed',
      request_hash: digestOfJson({ model: 'test-fixed', ticket_id: 7, view }),
      response_hash: digestOfJson(first.response),
      cst_jti: 'cst_a',
      cst_hash: sha256(cst.token),
      policy_hash: routing.hash,
      at: START,
      prev: null,
    } satisfies ReceiptPayload);
    expect(second.payload.seq).toBe(1);
    expect(second.payload.at).toBe('2026-01-05T09:00:01.500Z');
    expect(second.payload.prev).toBe(sha256(canonicalBytes(p1)));
    expect(payloadOf<ReceiptPayload>(second.receipt)).toEqual(second.payload);
    const verified = await verifyDsse(second.receipt, (id) => (id === proxySigner.keyid ? proxySigner.publicKey : undefined), {
      payloadType: PAYLOAD_TYPES.receipt,
    });
    expect(verified.validKeyids).toEqual([proxySigner.keyid]);
    expect(proxy.receipts).toHaveLength(2);
  });

  it('refuses a CST bound to another job (anti-replay) and one minted under another policy', async () => {
    const { minter, call } = setup();
    const otherJob = minter.mint({ jobId: 'job_b', jti: 'cst_b', scopes: ['tickets.read'], wpc: routing });
    expect(await refusal(call(7, otherJob.token))).toBe('CST_JOB_MISMATCH');
    const otherPolicy = minter.mint({ jobId: 'job_a', jti: 'cst_c', scopes: ['tickets.read'], wpc: zendesk });
    expect(await refusal(call(7, otherPolicy.token))).toBe('POLICY_HASH_MISMATCH');
  });

  it('refuses a call made under a policy hash other than the pinned one', async () => {
    const { call, cst } = setup();
    expect(await refusal(call(7, cst.token, zendesk.hash))).toBe('POLICY_HASH_MISMATCH');
  });

  it('refuses an expired CST under the injected clock, and accepts it one millisecond before', async () => {
    const { call, clock } = setup();
    clock.advanceBy(59_999);
    await expect(call(7)).resolves.toBeDefined();
    clock.advanceBy(1);
    expect(await refusal(call(8))).toBe('CST_EXPIRED');
  });

  it('refuses a CST with a bad signature, from another key, for another audience, or unpinned', async () => {
    const { call, cst } = setup();
    const [h, p, s] = cst.token.split('.') as [string, string, string];
    const flipped = `${h}.${p}.${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`;
    expect(await refusal(call(7, flipped))).toBe('CST_SIGNATURE_INVALID');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    const stranger = keyPairFromSeed(new Uint8Array(32).fill(9));
    const forged = signCompactJws({ typ: 'cst+jwt', kid: scopeSigner.keyid }, claims, stranger.secretKey);
    expect(await refusal(call(7, forged))).toBe('CST_SIGNATURE_INVALID');
    const wrongAud = signCompactJws({ typ: 'cst+jwt', kid: scopeSigner.keyid }, { ...claims, aud: 'elsewhere' }, scopeSigner.secretKey);
    expect(await refusal(call(7, wrongAud))).toBe('CST_AUDIENCE_MISMATCH');
    const { policy_hash: _, ...unpinned } = claims;
    const noPin = signCompactJws({ typ: 'cst+jwt', kid: scopeSigner.keyid }, unpinned, scopeSigner.secretKey);
    expect(await refusal(call(7, noPin))).toBe('CST_PIN_MISSING');
    const wrongTyp = signCompactJws({ typ: 'JWT', kid: scopeSigner.keyid }, claims, scopeSigner.secretKey);
    expect(await refusal(call(7, wrongTyp))).toBe('CST_MALFORMED');
    expect(await refusal(call(7, 'not.a.token'))).toBe('CST_MALFORMED');
  });

  it('refuses the call past max_model_calls_per_ticket, per ticket, without a receipt', async () => {
    const { call, proxy } = setup({ maxCalls: 2 });
    await call(7);
    await call(7);
    expect(await refusal(call(7))).toBe('MODEL_CALL_CAP_REACHED');
    await expect(call(8)).resolves.toBeDefined();
    expect(proxy.receipts).toHaveLength(3);
    expect(proxy.callsFor(7)).toBe(2);
  });

  it('refuses a request for a model it does not front', async () => {
    const { proxy, cst } = setup();
    const request = { model: 'other', ticket_id: 7, view };
    expect(await refusal(proxy.call({ cst: cst.token, policyHash: routing.hash, request }))).toBe('MODEL_MISMATCH');
  });

  it('scrubs secrets and PII out of a response, and receipts a failed model call as a fixed error', async () => {
    const leaky: ClassifierModel = {
      id: 'leaky',
      // Not AWS's documented example key, which redaction leaves alone (src/dlp/allowlist.ts).
      classify: () => ({ category: 'billing', rationale: `customer is jane.doe@example.com, key ${LEAKED_KEY_ID}` }),
    };
    const { call } = setup({ model: leaky });
    const result = await call(7);
    const text = JSON.stringify(result.response);
    expect(text).not.toContain('jane.doe@example.com');
    expect(text).not.toContain(LEAKED_KEY_ID);
    expect(result.payload.response_hash).toBe(digestOfJson(result.response));
    const broken: ClassifierModel = {
      id: 'broken',
      classify: () => {
        throw new Error('upstream said: jane.doe@example.com');
      },
    };
    const failed = await setup({ model: broken }).call(7);
    expect(failed.response).toEqual({ error: 'model_call_failed' });
    expect(failed.delivered).toBe(false);
  });
});
