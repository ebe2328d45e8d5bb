import { afterEach, describe, expect, it, vi } from 'vitest';
import { hexDecode, utf8Encode } from '../../../src/core/bytes.js';
import { keyPairFromSeed, sign } from '../../../src/core/ed25519/keys.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function load() {
  return import('../../../src/core/ed25519/webcrypto.js');
}

const pair = keyPairFromSeed(new Uint8Array(32).fill(21));
const message = utf8Encode('webcrypto');
const signature = sign(pair.secretKey, message);

describe('the WebCrypto backend', () => {
  it('accepts a good signature and rejects a bad one', async () => {
    const { webCryptoEd25519Backend } = await load();
    expect(webCryptoEd25519Backend.name).toBe('webcrypto');
    expect(await webCryptoEd25519Backend.verify(pair.publicKey, message, signature)).toBe(true);
    expect(await webCryptoEd25519Backend.verify(pair.publicKey, utf8Encode('other'), signature)).toBe(false);
  });

  it('returns false when importKey refuses the key, and remembers the refusal', async () => {
    const { webCryptoEd25519Backend } = await load();
    const importKey = vi.fn(() => Promise.reject(new Error('bad key')));
    vi.stubGlobal('crypto', { subtle: { importKey, verify: vi.fn(() => Promise.resolve(true)) } });
    expect(await webCryptoEd25519Backend.verify(pair.publicKey, message, signature)).toBe(false);
    expect(await webCryptoEd25519Backend.verify(pair.publicKey, message, signature)).toBe(false);
    expect(importKey).toHaveBeenCalledTimes(1);
  });

  it('returns false when subtle.verify throws, and when there is no crypto.subtle', async () => {
    const { webCryptoEd25519Backend } = await load();
    vi.stubGlobal('crypto', { subtle: { importKey: () => Promise.resolve({}), verify: () => Promise.reject(new Error('x')) } });
    expect(await webCryptoEd25519Backend.verify(pair.publicKey, message, signature)).toBe(false);
    vi.stubGlobal('crypto', undefined);
    expect(await webCryptoEd25519Backend.verify(pair.publicKey, message, signature)).toBe(false);
  });

  it('imports each key once while it stays in the cache, and keeps at most 256 keys', async () => {
    const { webCryptoEd25519Backend, webCryptoKeyCacheSize } = await load();
    const importKey = vi.fn(() => Promise.resolve({}));
    vi.stubGlobal('crypto', { subtle: { importKey, verify: () => Promise.resolve(true) } });
    const key = (i: number) => hexDecode(i.toString(16).padStart(64, '0'));
    await webCryptoEd25519Backend.verify(key(0), message, signature);
    await webCryptoEd25519Backend.verify(key(0), message, signature);
    expect(importKey).toHaveBeenCalledTimes(1);
    for (let i = 1; i <= 300; i++) await webCryptoEd25519Backend.verify(key(i), message, signature);
    expect(webCryptoKeyCacheSize()).toBe(256);
    // key 300 is recent (cached), key 0 was evicted (imported again).
    importKey.mockClear();
    await webCryptoEd25519Backend.verify(key(300), message, signature);
    expect(importKey).toHaveBeenCalledTimes(0);
    await webCryptoEd25519Backend.verify(key(0), message, signature);
    expect(importKey).toHaveBeenCalledTimes(1);
  });
});
