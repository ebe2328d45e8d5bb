import { describe, expect, it } from 'vitest';
import { base64Encode } from '../../../src/core/bytes.js';
import { parseTrustRoot } from '../../../src/core/trust-root.js';
import { demoKeyring, demoSeed, newKeyring } from '../../../src/runtime/keys/generate.js';
import { checkKeysValidAt, parseKeyring, serializeKeyring, signerFor, type Keyring } from '../../../src/runtime/keys/keyring.js';
import { trustRootFromKeyring } from '../../../src/runtime/keys/trust-root.js';

function problemsOf(fn: () => unknown): { pointer: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect((error as { code?: string }).code).toBe('KEYRING_INVALID');
    return (error as { details: { problems: { pointer: string; message: string }[] } }).details.problems;
  }
  throw new Error('expected KEYRING_INVALID');
}

describe('demo keyring', () => {
  it('is derived from the fixed text: the same keys on every call, a distinct key per role', () => {
    const a = demoKeyring();
    const b = demoKeyring();
    expect(serializeKeyring(a)).toBe(serializeKeyring(b));
    expect(a.keys.map((k) => k.role)).toEqual(['controls', 'scope', 'proxy', 'harness', 'approver', 'log']);
    expect(new Set(a.keys.map((k) => k.keyid)).size).toBe(6);
    expect(a.keys[0]!.secretSeed).toBe(base64Encode(demoSeed('controls')));
    expect(a.purpose).toBe('demo');
  });

  it('gives a trust root marked demoOnly that carries no secret', () => {
    const keyring = demoKeyring();
    const root = trustRootFromKeyring(keyring);
    expect(root.demoOnly).toBe(true);
    const text = JSON.stringify(root);
    for (const k of keyring.keys) expect(text).not.toContain(k.secretSeed);
    expect(parseTrustRoot(text).keys.map((k) => k.keyid)).toEqual(keyring.keys.map((k) => k.keyid));
  });
});

describe('parseKeyring', () => {
  const good = (): Keyring => JSON.parse(serializeKeyring(demoKeyring())) as Keyring;

  it('round-trips a serialized keyring', () => {
    expect(parseKeyring(serializeKeyring(demoKeyring()))).toEqual(demoKeyring());
  });

  it('[R-SIG-2] [R-RUN-1] rejects a public key or key id that does not follow from the seed, with pointers', () => {
    const k = good() as unknown as { keys: Record<string, unknown>[] };
    k.keys[1]!.publicKey = k.keys[2]!.publicKey;
    k.keys[3]!.keyid = k.keys[2]!.keyid;
    expect(problemsOf(() => parseKeyring(k)).map((p) => p.pointer)).toEqual(['/keys/1/publicKey', '/keys/3/keyid']);
  });

  it('rejects a role listed twice, unknown fields, a bad seed and text that is not strict JSON', () => {
    const k = good() as unknown as { keys: Record<string, unknown>[]; extra?: number };
    k.keys[1]!.role = 'controls';
    k.keys[2]!.secretSeed = 'AAAA';
    k.extra = 1;
    const pointers = problemsOf(() => parseKeyring(k)).map((p) => p.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/extra', '/keys/1/role', '/keys/2/secretSeed']));
    expect(problemsOf(() => parseKeyring('{"a":1,"a":2}'))[0]!.pointer).toBe('');
  });

  it('signerFor refuses a role the keyring lacks', () => {
    const partial = { ...good(), keys: good().keys.filter((k) => k.role !== 'proxy') };
    expect(() => signerFor(parseKeyring(partial), 'proxy')).toThrow(expect.objectContaining({ code: 'KEY_ROLE_MISSING' }));
    expect(signerFor(demoKeyring(), 'harness').keyid).toBe(demoKeyring().keys[3]!.keyid);
  });
});

describe('checkKeysValidAt', () => {
  it('accepts instants inside every signing key window and refuses those outside', () => {
    const keyring = demoKeyring();
    expect(() => checkKeysValidAt(keyring, Date.parse('2025-01-01T00:00:00Z'))).not.toThrow();
    expect(() => checkKeysValidAt(keyring, Date.parse('2024-12-31T23:59:59.999Z'))).toThrow(expect.objectContaining({ code: 'KEY_NOT_VALID' }));
    expect(() => checkKeysValidAt(keyring, Date.parse('2031-01-01T00:00:00Z'))).toThrow(/valid from 2025-01-01T00:00:00Z until 2031-01-01T00:00:00Z/);
  });
});

describe('newKeyring', () => {
  it('draws every seed from the random source and marks the keyring local', () => {
    let n = 0;
    const keyring = newKeyring({
      validFrom: '2026-01-01T00:00:00.000Z',
      validUntil: '2027-01-01T00:00:00.000Z',
      randomBytes: (len) => new Uint8Array(len).fill(++n),
    });
    expect(n).toBe(6);
    expect(keyring.purpose).toBe('local');
    expect(keyring.keys[0]!.secretSeed).toBe(base64Encode(new Uint8Array(32).fill(1)));
    expect(trustRootFromKeyring(keyring).demoOnly).toBeUndefined();
  });

  it('gives different keys on each call with the platform randomness', () => {
    const a = newKeyring({ validFrom: '2026-01-01T00:00:00Z' });
    const b = newKeyring({ validFrom: '2026-01-01T00:00:00Z' });
    expect(a.keys[0]!.keyid).not.toBe(b.keys[0]!.keyid);
  });
});
