import { describe, expect, it } from 'vitest';
import { base64Decode, utf8Decode } from '../../../src/core/bytes.js';
import { canonicalJson } from '../../../src/core/canonical.js';
import { verifyDsse } from '../../../src/core/dsse.js';
import { sha256 } from '../../../src/core/hash.js';
import { PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import { policyHash } from '../../../src/policy/index.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { WpcStore } from '../../../src/runtime/services/wpc-store.js';
import { KEYRING, ROUTING_WPC, ZENDESK_WPC, readJson } from '../support.js';

const controls = signerFor(KEYRING, 'controls');

describe('WpcStore', () => {
  it('signs the RFC 8785 bytes of the WPC with the controls key and files them under their hash', async () => {
    const store = new WpcStore(controls);
    const wpc = ROUTING_WPC();
    const entry = store.put(wpc);
    expect(entry.hash).toBe(policyHash(wpc));
    expect(utf8Decode(base64Decode(entry.envelope.payload))).toBe(canonicalJson(wpc));
    expect(sha256(base64Decode(entry.envelope.payload))).toBe(entry.hash);
    const verified = await verifyDsse(entry.envelope, (id) => (id === controls.keyid ? controls.publicKey : undefined), {
      payloadType: PAYLOAD_TYPES.wpc,
    });
    expect(verified.validKeyids).toEqual([controls.keyid]);
    expect(store.get(entry.hash)).toBe(entry);
    expect(entry.shape).toBe('routing');
  });

  it('returns the entry already stored when the same WPC is put again, in any key order', () => {
    const store = new WpcStore(controls);
    const first = store.put(ZENDESK_WPC());
    const reordered = Object.fromEntries(Object.entries(ZENDESK_WPC() as object).reverse());
    expect(store.put(reordered)).toBe(first);
    expect(store.hashes()).toEqual([first.hash]);
  });

  it('keeps the stored content immutable whatever the caller does to its input or the entry', () => {
    const store = new WpcStore(controls);
    const wpc = ROUTING_WPC() as { limits: { max_concurrency: number } };
    const entry = store.put(wpc);
    wpc.limits.max_concurrency = 500;
    expect((entry.document.limits as { max_concurrency: number }).max_concurrency).toBe(5);
    expect(() => {
      (entry.document.limits as { max_concurrency: number }).max_concurrency = 9;
    }).toThrow(TypeError);
    expect(() => {
      (entry as { hash: string }).hash = 'sha256:00';
    }).toThrow(TypeError);
    expect(store.require(entry.hash).document).toEqual(ROUTING_WPC());
  });

  it('refuses an invalid WPC with every problem and its pointer, and stores nothing', () => {
    const store = new WpcStore(controls);
    let error: { code?: string; details?: { problems: { pointer: string }[] } } | undefined;
    try {
      store.put(readJson('fixtures/policies/invalid/allow-deny-contradiction.wpc.json'));
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.code).toBe('WPC_INVALID');
    expect(error?.details?.problems.length).toBeGreaterThan(1);
    expect(error?.details?.problems.every((p) => p.pointer.startsWith('/') || p.pointer === '')).toBe(true);
    expect(store.hashes()).toEqual([]);
  });

  it('refuses to sign with any key but the controls key, and reports unknown hashes', () => {
    expect(() => new WpcStore(signerFor(KEYRING, 'harness'))).toThrow(/controls key/);
    expect(() => new WpcStore(controls).require(policyHash({}))).toThrow(expect.objectContaining({ code: 'WPC_NOT_FOUND' }));
  });
});
