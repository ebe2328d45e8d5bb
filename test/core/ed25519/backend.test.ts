import { afterEach, describe, expect, it, vi } from 'vitest';

// A fresh module graph per test: the registry and the default-backend detection are module state.
afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function load() {
  const errors = await import('../../../src/core/errors.js');
  return { ...(await import('../../../src/core/ed25519/backend.js')), isClawproofError: errors.isClawproofError };
}

describe('the Ed25519 backend registry', () => {
  it('starts with noble and webcrypto', async () => {
    const { listEd25519Backends, getEd25519Backend } = await load();
    expect(listEd25519Backends().map((b) => b.name)).toEqual(['noble', 'webcrypto']);
    expect(getEd25519Backend('noble')?.name).toBe('noble');
    expect(getEd25519Backend('nope')).toBeUndefined();
  });

  it('registers a new backend, and the same object again without complaint', async () => {
    const { registerEd25519Backend, getEd25519Backend, listEd25519Backends } = await load();
    const backend = { name: 'custom', verify: () => false };
    registerEd25519Backend(backend);
    registerEd25519Backend(backend);
    expect(getEd25519Backend('custom')).toBe(backend);
    expect(listEd25519Backends()).toHaveLength(3);
  });

  it('refuses another backend under a taken name, and malformed backends, with INPUT_INVALID', async () => {
    const { registerEd25519Backend, getEd25519Backend, isClawproofError } = await load();
    const attempts: unknown[] = [
      { name: 'noble', verify: () => true },
      { name: '', verify: () => true },
      { name: 'x' },
      null,
    ];
    for (const attempt of attempts) {
      try {
        registerEd25519Backend(attempt as never);
        expect.unreachable('registration should have been refused');
      } catch (e) {
        expect(isClawproofError(e) && e.code).toBe('INPUT_INVALID');
      }
    }
    expect(getEd25519Backend('noble')?.verify(new Uint8Array(32), new Uint8Array(0), new Uint8Array(64))).toBe(false);
  });
});

describe('the default backend', () => {
  it('is webcrypto where crypto.subtle verifies Ed25519 (Node 20 does)', async () => {
    const { defaultEd25519Backend } = await load();
    expect((await defaultEd25519Backend()).name).toBe('webcrypto');
  });

  it('is noble when there is no crypto.subtle', async () => {
    vi.stubGlobal('crypto', {});
    const { defaultEd25519Backend } = await load();
    expect((await defaultEd25519Backend()).name).toBe('noble');
  });

  it('is noble when crypto.subtle has no Ed25519 (importKey refuses it)', async () => {
    const importKey = vi.fn(() => Promise.reject(new DOMException('Unrecognized name', 'NotSupportedError')));
    vi.stubGlobal('crypto', { subtle: { importKey, verify: vi.fn() } });
    const { defaultEd25519Backend } = await load();
    expect((await defaultEd25519Backend()).name).toBe('noble');
    expect(importKey).toHaveBeenCalled();
  });

  it('is noble when crypto.subtle says yes to everything (the probe includes a bad signature)', async () => {
    vi.stubGlobal('crypto', { subtle: { importKey: () => Promise.resolve({}), verify: () => Promise.resolve(true) } });
    const { defaultEd25519Backend } = await load();
    expect((await defaultEd25519Backend()).name).toBe('noble');
  });

  it('is detected once, on first use', async () => {
    const { defaultEd25519Backend } = await load();
    const first = await defaultEd25519Backend();
    vi.stubGlobal('crypto', {});
    expect(await defaultEd25519Backend()).toBe(first);
  });
});
