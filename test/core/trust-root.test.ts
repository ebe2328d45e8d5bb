import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { base64Encode, base64urlEncode, utf8Encode } from '../../src/core/bytes.js';
import { keyPairFromSeed } from '../../src/core/ed25519/index.js';
import { isClawproofError, type ClawproofError } from '../../src/core/errors.js';
import { keyId } from '../../src/core/keyid.js';
import {
  TRUST_ROOT_MEDIA_TYPE,
  TRUST_ROOT_ROLES,
  findTrustedKey,
  parseTrustRoot,
  serializeTrustRoot,
  trustRootDigest,
  type TrustRoot,
  type TrustRootProblem,
} from '../../src/core/trust-root.js';

const pairs = [1, 2, 3].map((n) => keyPairFromSeed(new Uint8Array(32).fill(n)));
interface KeyFields {
  keyid: string;
  publicKey: string;
}
const [controls, proxy, other] = pairs.map((p) => ({
  keyid: keyId(p.publicKey),
  publicKey: base64Encode(p.publicKey),
})) as [KeyFields, KeyFields, KeyFields];

function sampleDocument(): Record<string, unknown> & { keys: Record<string, unknown>[] } {
  return {
    mediaType: TRUST_ROOT_MEDIA_TYPE,
    version: 1,
    name: 'Example Corp audit',
    keys: [
      { role: 'controls', ...controls, validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' },
      { role: 'proxy', ...proxy, validFrom: '2026-01-01T00:00:00.000Z', comment: 'gateway eu-1' },
      { role: 'harness', ...proxy, validFrom: '2026-01-01T00:00:00Z' },
    ],
  };
}

function problemsOf(input: unknown): TrustRootProblem[] {
  try {
    parseTrustRoot(input);
  } catch (e) {
    expect(isClawproofError(e) && e.code).toBe('TRUST_ROOT_INVALID');
    return (e as ClawproofError).details!.problems as TrustRootProblem[];
  }
  throw new Error('expected TRUST_ROOT_INVALID');
}

const withKey = (patch: Record<string, unknown>, drop: string[] = []) => {
  const doc = sampleDocument();
  const key = { ...doc.keys[0]!, ...patch };
  for (const d of drop) delete key[d];
  doc.keys[0] = key;
  return doc;
};

describe('parseTrustRoot', () => {
  it('accepts a valid root as text, bytes or value and returns the same frozen result', () => {
    const doc = sampleDocument();
    const fromValue = parseTrustRoot(doc);
    expect(parseTrustRoot(JSON.stringify(doc))).toEqual(fromValue);
    expect(parseTrustRoot(utf8Encode(JSON.stringify(doc)))).toEqual(fromValue);
    expect(fromValue.keys.map((k) => k.role)).toEqual(['controls', 'proxy', 'harness']);
    expect(Object.isFrozen(fromValue)).toBe(true);
    expect(Object.isFrozen(fromValue.keys)).toBe(true);
    expect(Object.isFrozen(fromValue.keys[0])).toBe(true);
  });

  it('leaves absent optional fields absent', () => {
    const root = parseTrustRoot({ ...sampleDocument(), demoOnly: undefined });
    expect('demoOnly' in root).toBe(false);
    expect('validUntil' in root.keys[1]!).toBe(false);
    expect(parseTrustRoot({ ...sampleDocument(), demoOnly: true }).demoOnly).toBe(true);
  });

  // [R-SIG-2] [R-SIG-15] a key id that does not match its key; [R-SIG-16] unknown members
  it('reports every problem at once, each at its pointer', () => {
    const doc = {
      mediaType: 'application/json',
      version: 2,
      name: '',
      extra: true,
      keys: [
        { role: 'admin', keyid: 'sha256:XY', publicKey: controls.publicKey, validFrom: '2026-01-01' },
        {
          role: 'proxy',
          keyid: proxy.keyid,
          publicKey: controls.publicKey,
          validFrom: '2026-02-01T00:00:00Z',
          validUntil: '2026-01-01T00:00:00Z',
          note: 1,
        },
        { role: 'proxy', keyid: proxy.keyid, publicKey: proxy.publicKey, validFrom: '2026-01-01T00:00:00Z' },
        { role: 'proxy', keyid: proxy.keyid, publicKey: proxy.publicKey, validFrom: '2026-03-01T00:00:00Z' },
        'not a key',
      ],
    };
    const problems = problemsOf(doc);
    expect(problems.map((p) => p.pointer).sort()).toEqual(
      [
        '/mediaType',
        '/version',
        '/name',
        '/extra',
        '/keys/0/role',
        '/keys/0/keyid',
        '/keys/0/validFrom',
        '/keys/1/note',
        '/keys/1/keyid',
        '/keys/1/validUntil',
        '/keys/3',
        '/keys/4',
      ].sort(),
    );
    const at = (pointer: string) => problems.find((p) => p.pointer === pointer)!.message;
    expect(at('/extra')).toBe('unknown field');
    expect(at('/version')).toBe('must be 1');
    expect(at('/keys/1/keyid')).toBe(`does not match publicKey, whose key id is ${controls.keyid}`);
    expect(at('/keys/1/validUntil')).toBe('must be later than validFrom');
    expect(at('/keys/3')).toBe('lists the same key for role proxy as /keys/2');
    expect(at('/keys/4')).toBe('must be an object');
  });

  it('summarises the first problem and the count in the message', () => {
    try {
      parseTrustRoot({ ...sampleDocument(), version: 2, name: 7 });
    } catch (e) {
      expect(isClawproofError(e) && e.message).toBe('trust root: /version must be 1 (and 1 more problem)');
      expect(isClawproofError(e) && e.pointer).toBe('/version');
      return;
    }
    throw new Error('expected an exception');
  });

  it.each([
    ['a missing field', withKey({}, ['validFrom']), '/keys/0/validFrom', 'is required'],
    ['a wrong type', withKey({ validFrom: 20260101 }), '/keys/0/validFrom', 'must be a string'],
    ['an unknown role', withKey({ role: 'root' }), '/keys/0/role', 'must be "controls" or "scope"'],
    ['an unknown key field, escaped', withKey({ 'x/y~': 1 }), '/keys/0/x~1y~0', 'unknown field'],
    ['an uppercase keyid', withKey({ keyid: controls.keyid.toUpperCase() }), '/keys/0/keyid', 'sha256:'],
    ['base64url public key', withKey({ publicKey: base64urlEncode(pairs[0]!.publicKey) }), '/keys/0/publicKey', 'base64'],
    ['unpadded public key', withKey({ publicKey: controls.publicKey.replace(/=$/, '') }), '/keys/0/publicKey', 'base64'],
    ['a 31-byte public key', withKey({ publicKey: base64Encode(new Uint8Array(31)) }), '/keys/0/publicKey', '32-byte'],
    ['a 64-byte secret-sized key', withKey({ publicKey: base64Encode(new Uint8Array(64)) }), '/keys/0/publicKey', '32-byte'],
    ['an empty validity window', withKey({ validUntil: '2026-01-01T00:00:00.000Z' }), '/keys/0/validUntil', 'later'],
    ['a non-boolean demoOnly', { ...sampleDocument(), demoOnly: 'yes' }, '/demoOnly', 'must be a boolean'],
    ['no keys', { ...sampleDocument(), keys: [] }, '/keys', 'at least one key'],
    ['keys not an array', { ...sampleDocument(), keys: {} }, '/keys', 'must be an array'],
    ['a name too long', { ...sampleDocument(), name: 'n'.repeat(201) }, '/name', 'at most 200'],
    ['a document that is an array', [sampleDocument()], '', 'must be an object'],
  ])('reports %s', (_name, doc, pointer, message) => {
    const problems = problemsOf(doc);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.pointer).toBe(pointer);
    expect(problems[0]!.message).toContain(message);
  });

  it('[R-SIG-16] allows one key under several roles, but not twice under one', () => {
    expect(parseTrustRoot(sampleDocument()).keys.filter((k) => k.keyid === proxy.keyid)).toHaveLength(2);
    const doc = sampleDocument();
    doc.keys.push({ ...doc.keys[0]!, validFrom: '2027-01-01T00:00:00Z', validUntil: undefined });
    expect(problemsOf(doc)).toEqual([{ pointer: '/keys/3', message: 'lists the same key for role controls as /keys/0' }]);
  });

  it('parses text strictly, keeping the position of the JSON error', () => {
    const text = JSON.stringify(sampleDocument()).replace('"version":1', '"version":1,"version":1');
    try {
      parseTrustRoot(text);
    } catch (e) {
      expect(isClawproofError(e) && e.code).toBe('TRUST_ROOT_INVALID');
      const err = e as ClawproofError;
      expect((err.details!.problems as TrustRootProblem[])[0]!.message).toMatch(/not strict JSON/);
      expect(err.position?.offset).toBeGreaterThan(0);
      expect(isClawproofError(err.cause) && err.cause.code).toBe('JSON_DUPLICATE_KEY');
      return;
    }
    throw new Error('expected an exception');
  });

  it('rejects text that is not JSON at all', () => {
    expect(problemsOf('{"mediaType":')[0]!.pointer).toBe('');
  });
});

describe('findTrustedKey', () => {
  const root = parseTrustRoot(sampleDocument());

  it('finds a key for its role inside its window and returns the key bytes', () => {
    const found = findTrustedKey(root, 'controls', controls.keyid, '2026-06-01T12:00:00Z');
    expect(found.ok && found.publicKey).toEqual(pairs[0]!.publicKey);
    expect(found.ok && found.key.role).toBe('controls');
  });

  it('includes validFrom and excludes validUntil', () => {
    expect(findTrustedKey(root, 'controls', controls.keyid, '2026-01-01T00:00:00Z').ok).toBe(true);
    expect(findTrustedKey(root, 'controls', controls.keyid, '2026-12-31T23:59:59.999Z').ok).toBe(true);
    const atEnd = findTrustedKey(root, 'controls', controls.keyid, '2027-01-01T00:00:00Z');
    expect(atEnd).toMatchObject({ ok: false, code: 'KEY_OUTSIDE_VALIDITY' });
    expect(!atEnd.ok && atEnd.message).toContain('until 2027-01-01T00:00:00Z');
    expect(findTrustedKey(root, 'controls', controls.keyid, '2025-12-31T23:59:59.999Z')).toMatchObject({
      code: 'KEY_OUTSIDE_VALIDITY',
    });
  });

  it('has no end when validUntil is absent', () => {
    expect(findTrustedKey(root, 'proxy', proxy.keyid, '9999-12-31T23:59:59Z').ok).toBe(true);
  });

  it('does not trust a key for a role it is not listed under, and says where it is listed', () => {
    const result = findTrustedKey(root, 'scope', proxy.keyid, '2026-06-01T00:00:00Z');
    expect(result).toMatchObject({ ok: false, code: 'KEY_NOT_TRUSTED' });
    expect(!result.ok && result.message).toContain('only for role proxy, harness');
  });

  it('does not trust an unknown key', () => {
    const result = findTrustedKey(root, 'controls', other.keyid, '2026-06-01T00:00:00Z');
    expect(result).toMatchObject({ ok: false, code: 'KEY_NOT_TRUSTED' });
    expect(!result.ok && result.message).toContain('not in the trust root "Example Corp audit"');
  });

  it('throws INPUT_INVALID for a malformed instant or an unknown role', () => {
    for (const call of [
      () => findTrustedKey(root, 'controls', controls.keyid, '2026-06-01'),
      () => findTrustedKey(root, 'root' as (typeof TRUST_ROOT_ROLES)[number], controls.keyid, '2026-06-01T00:00:00Z'),
    ]) {
      try {
        call();
        throw new Error('expected an exception');
      } catch (e) {
        expect(isClawproofError(e) && e.code).toBe('INPUT_INVALID');
      }
    }
  });
});

describe('trustRootDigest and serializeTrustRoot', () => {
  const root = parseTrustRoot(sampleDocument());

  it('digest is SHA-256 of the RFC 8785 form, computed independently', () => {
    const expected = createHash('sha256').update(canonicalize(sampleDocument())!, 'utf8').digest('hex');
    expect(trustRootDigest(root)).toBe(`sha256:${expected}`);
  });

  it('digest ignores layout and member order but not content', () => {
    const doc = sampleDocument();
    const reordered = JSON.stringify({ keys: doc.keys, name: doc.name, version: 1, mediaType: doc.mediaType }, null, 4);
    expect(trustRootDigest(parseTrustRoot(reordered))).toBe(trustRootDigest(root));
    expect(trustRootDigest(parseTrustRoot(withKey({ validUntil: '2027-01-01T00:00:00.001Z' })))).not.toBe(
      trustRootDigest(root),
    );
  });

  it('serialises to text that parses back to the same root', () => {
    const text = serializeTrustRoot(root);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseTrustRoot(text)).toEqual(root);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['mediaType', 'version', 'name', 'keys']);
  });

  it('refuses to serialise or digest an invalid root', () => {
    const bad = { ...root, version: 2 } as unknown as TrustRoot;
    expect(() => serializeTrustRoot(bad)).toThrow(/version/);
    expect(() => trustRootDigest(bad)).toThrow(/version/);
  });
});
