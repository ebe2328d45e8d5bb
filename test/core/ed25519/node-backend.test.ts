// src/node/ed25519-node.ts: the node:crypto backend (kept with the other Ed25519 backend tests).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hexDecode, utf8Encode } from '../../../src/core/bytes.js';
import { keyPairFromSeed, sign } from '../../../src/core/ed25519/keys.js';

afterEach(() => {
  vi.resetModules();
});

async function load() {
  const cli = await import('../../../src/node/ed25519-node.js');
  const core = await import('../../../src/core/ed25519/index.js');
  return { ...cli, ...core };
}

const pair = keyPairFromSeed(new Uint8Array(32).fill(33));
const message = utf8Encode('node');
const signature = sign(pair.secretKey, message);

describe('the node:crypto backend', () => {
  it('accepts a good signature and rejects a bad one, synchronously', async () => {
    const { nodeEd25519Backend } = await load();
    expect(nodeEd25519Backend.name).toBe('node');
    expect(nodeEd25519Backend.verify(pair.publicKey, message, signature)).toBe(true);
    expect(nodeEd25519Backend.verify(pair.publicKey, utf8Encode('nod'), signature)).toBe(false);
  });

  it('returns false for a key OpenSSL cannot decode and for wrong lengths', async () => {
    const { nodeEd25519Backend } = await load();
    const offCurve = hexDecode('02'.padEnd(64, '0')); // y = 2 is not on the curve
    expect(nodeEd25519Backend.verify(offCurve, message, signature)).toBe(false);
    expect(nodeEd25519Backend.verify(pair.publicKey.subarray(1), message, signature)).toBe(false);
    expect(nodeEd25519Backend.verify(pair.publicKey, message, signature.subarray(1))).toBe(false);
  });

  it('is available as { backend: "node" } after registerNodeEd25519Backend(), which may be called twice', async () => {
    const { registerNodeEd25519Backend, verifySignature, getEd25519Backend, nodeEd25519Backend } = await load();
    expect(await verifySignature(pair.publicKey, message, signature, { backend: 'node' })).toBe(false);
    registerNodeEd25519Backend();
    registerNodeEd25519Backend();
    expect(getEd25519Backend('node')).toBe(nodeEd25519Backend);
    expect(await verifySignature(pair.publicKey, message, signature, { backend: 'node' })).toBe(true);
  });

  it('keeps at most 256 KeyObjects', async () => {
    const { nodeEd25519Backend, nodeKeyCacheSize } = await load();
    for (let i = 0; i < 300; i++) {
      const key = keyPairFromSeed(hexDecode(i.toString(16).padStart(64, '0'))).publicKey;
      nodeEd25519Backend.verify(key, message, signature);
    }
    expect(nodeKeyCacheSize()).toBe(256);
  });
});
