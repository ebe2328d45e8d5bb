import sodium from 'libsodium-wrappers';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../../src/core/bytes.js';
import {
  DSSE_MAX_SIGNATURES,
  decodeDssePayloadJson,
  pae,
  parseDsseEnvelope,
  signDsse,
  verifyDsse,
  type DsseEnvelope,
} from '../../src/core/dsse.js';
import { keyPairFromSeed } from '../../src/core/ed25519/index.js';
import { isClawproofError } from '../../src/core/errors.js';
import { keyId } from '../../src/core/keyid.js';

const alice = keyPairFromSeed(new Uint8Array(32).fill(1));
const bob = keyPairFromSeed(new Uint8Array(32).fill(2));
const mallory = keyPairFromSeed(new Uint8Array(32).fill(3));
const ALICE = keyId(alice.publicKey);
const BOB = keyId(bob.publicKey);
const keys = new Map<string, Uint8Array>([
  [ALICE, alice.publicKey],
  [BOB, bob.publicKey],
]);
const resolve = (keyid: string) => keys.get(keyid);

const TYPE = 'application/vnd.clawproof.receipt+json';
const payload = utf8Encode('{"model":"local","n":1}');

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

async function caughtAsync(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('pae', () => {
  it('matches the example of the DSSE protocol', () => {
    expect(utf8Decode(pae('http://example.com/HelloWorld', utf8Encode('hello world')))).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts bytes, not characters, and handles an empty body', () => {
    expect(utf8Decode(pae('tÿpe', new Uint8Array(0)))).toBe('DSSEv1 5 tÿpe 0 ');
    const body = new Uint8Array([0x00, 0xff, 0x20]);
    expect(Array.from(pae('t', body))).toEqual([...utf8Encode('DSSEv1 1 t 3 '), 0x00, 0xff, 0x20]);
  });

  it('keeps type and body apart: moving bytes between them changes the encoding', () => {
    expect(pae('a b', utf8Encode('c'))).not.toEqual(pae('a', utf8Encode('b c')));
  });
});

describe('signDsse and verifyDsse', () => {
  it('signs the PAE bytes: libsodium verifies each signature over them', async () => {
    await sodium.ready;
    const env = signDsse(TYPE, payload, [
      { keyid: ALICE, secretKey: alice.secretKey },
      { keyid: BOB, secretKey: bob.secretKey },
    ]);
    const message = utf8Encode(`DSSEv1 ${TYPE.length} ${TYPE} ${payload.length} ${utf8Decode(payload)}`);
    expect(sodium.crypto_sign_verify_detached(base64Decode(env.signatures[0]!.sig), message, alice.publicKey)).toBe(true);
    expect(sodium.crypto_sign_verify_detached(base64Decode(env.signatures[1]!.sig), message, bob.publicKey)).toBe(true);
    expect(base64Decode(env.payload)).toEqual(payload);
  });

  it('reports every signature with its own status', async () => {
    const env = signDsse(TYPE, payload, [
      { keyid: ALICE, secretKey: alice.secretKey },
      { keyid: BOB, secretKey: mallory.secretKey }, // claims to be Bob
      { keyid: 'sha256:unknown', secretKey: mallory.secretKey },
    ]);
    const v = await verifyDsse(env, resolve);
    expect(v.signatures).toEqual([
      { keyid: ALICE, status: 'valid' },
      { keyid: BOB, status: 'invalid' },
      { keyid: 'sha256:unknown', status: 'unknown-key' },
    ]);
    expect(v.validKeyids).toEqual([ALICE]);
    expect(v.payloadType).toBe(TYPE);
    expect(v.payload).toEqual(payload);
  });

  it('fails every signature when the payload or the payloadType changes', async () => {
    const env = signDsse(TYPE, payload, [{ keyid: ALICE, secretKey: alice.secretKey }]);
    const otherPayload = { ...env, payload: base64Encode(utf8Encode('{"model":"local","n":2}')) };
    expect((await verifyDsse(otherPayload, resolve)).validKeyids).toEqual([]);
    const otherType = { ...env, payloadType: 'application/vnd.clawproof.record+json' };
    expect((await verifyDsse(otherType, resolve)).signatures).toEqual([{ keyid: ALICE, status: 'invalid' }]);
  });

  it('treats a key of the wrong length as an invalid signature, not an exception', async () => {
    const env = signDsse(TYPE, payload, [{ keyid: ALICE, secretKey: alice.secretKey }]);
    const v = await verifyDsse(env, () => alice.publicKey.subarray(0, 31));
    expect(v.signatures).toEqual([{ keyid: ALICE, status: 'invalid' }]);
  });

  it('[R-SIG-5] throws DSSE_PAYLOAD_TYPE_MISMATCH when the expected type differs, even by a space', async () => {
    const env = signDsse(TYPE, payload, [{ keyid: ALICE, secretKey: alice.secretKey }]);
    expect((await verifyDsse(env, resolve, { payloadType: TYPE })).validKeyids).toEqual([ALICE]);
    const e = await caughtAsync(() => verifyDsse(env, resolve, { payloadType: `${TYPE} `, pointer: '/receipts/2' }));
    expect(isClawproofError(e) && [e.code, e.pointer]).toEqual(['DSSE_PAYLOAD_TYPE_MISMATCH', '/receipts/2/payloadType']);
  });

  it('rechecks the envelope shape before verifying', async () => {
    const env = signDsse(TYPE, payload, [{ keyid: ALICE, secretKey: alice.secretKey }]);
    const extra = { ...env, note: 'unsigned' } as unknown as DsseEnvelope;
    const e = await caughtAsync(() => verifyDsse(extra, resolve, { pointer: '/manifest' }));
    expect(isClawproofError(e) && [e.code, e.pointer]).toEqual(['DSSE_MALFORMED', '/manifest/note']);
  });

  it('[R-SIG-4] refuses bad signer lists and payload types', () => {
    const one = [{ keyid: ALICE, secretKey: alice.secretKey }];
    const codeOf = (fn: () => unknown) => {
      const e = caught(fn);
      return isClawproofError(e) ? e.code : e;
    };
    expect(codeOf(() => signDsse(TYPE, payload, []))).toBe('INPUT_INVALID');
    expect(codeOf(() => signDsse(TYPE, payload, [...one, ...one]))).toBe('INPUT_INVALID');
    expect(codeOf(() => signDsse('', payload, one))).toBe('INPUT_INVALID');
    expect(codeOf(() => signDsse('type\n', payload, one))).toBe('INPUT_INVALID');
    expect(codeOf(() => signDsse(TYPE, payload, [{ keyid: '', secretKey: alice.secretKey }]))).toBe('INPUT_INVALID');
    expect(codeOf(() => signDsse(TYPE, payload, [{ keyid: ALICE, secretKey: new Uint8Array(64) }]))).toBe('KEY_INVALID');
  });
});

describe('parseDsseEnvelope', () => {
  const env = signDsse(TYPE, payload, [
    { keyid: ALICE, secretKey: alice.secretKey },
    { keyid: BOB, secretKey: bob.secretKey },
  ]);
  const sig0 = env.signatures[0]!;

  it('accepts a well-formed envelope and returns a copy', () => {
    const parsed = parseDsseEnvelope(JSON.parse(JSON.stringify(env)));
    expect(parsed).toEqual(env);
    expect(parsed.signatures).not.toBe(env.signatures);
  });

  it('accepts an empty payload', () => {
    expect(parseDsseEnvelope({ ...env, payload: '' }).payload).toBe('');
  });

  const withSig = (patch: Record<string, unknown>) => ({ ...env, signatures: [{ ...sig0, ...patch }] });
  const cases: [string, unknown, string][] = [
    ['not an object', [env], ''],
    ['null', null, ''],
    ['unknown top-level field', { ...env, extra: 1 }, '/extra'],
    ['unknown field with pointer escaping', { ...env, 'a/b~c': 1 }, '/a~1b~0c'],
    ['missing payloadType', { payload: env.payload, signatures: env.signatures }, '/payloadType'],
    ['payloadType not a string', { ...env, payloadType: 7 }, '/payloadType'],
    ['empty payloadType', { ...env, payloadType: '' }, '/payloadType'],
    ['payloadType with a control character', { ...env, payloadType: 'a\u0000b' }, '/payloadType'],
    ['payloadType too long', { ...env, payloadType: 'a'.repeat(257) }, '/payloadType'],
    ['payload not a string', { ...env, payload: [1] }, '/payload'],
    ['payload in base64url', { ...env, payload: base64Encode(new Uint8Array([0xfb, 0xff])).replace('+', '-') }, '/payload'],
    ['payload without padding', { ...env, payload: env.payload.replace(/=+$/, '') || 'QQ' }, '/payload'],
    ['payload with whitespace', { ...env, payload: ` ${env.payload}` }, '/payload'],
    ['signatures not an array', { ...env, signatures: {} }, '/signatures'],
    ['no signatures', { ...env, signatures: [] }, '/signatures'],
    ['too many signatures', { ...env, signatures: Array(DSSE_MAX_SIGNATURES + 1).fill(sig0) }, '/signatures'],
    ['signature not an object', { ...env, signatures: ['sig'] }, '/signatures/0'],
    ['signature with an unknown field', withSig({ cert: 'x' }), '/signatures/0/cert'],
    ['signature missing sig', { ...env, signatures: [{ keyid: ALICE }] }, '/signatures/0/sig'],
    ['keyid not a string', withSig({ keyid: 1 }), '/signatures/0/keyid'],
    ['empty keyid', withSig({ keyid: '' }), '/signatures/0/keyid'],
    ['keyid with a space', withSig({ keyid: 'a b' }), '/signatures/0/keyid'],
    ['sig not base64', withSig({ sig: '***' }), '/signatures/0/sig'],
    ['sig of 63 bytes', withSig({ sig: base64Encode(new Uint8Array(63)) }), '/signatures/0/sig'],
    ['sig of 65 bytes', withSig({ sig: base64Encode(new Uint8Array(65)) }), '/signatures/0/sig'],
    [
      'one keyid signing twice',
      { ...env, signatures: [sig0, env.signatures[1]!, { keyid: ALICE, sig: env.signatures[1]!.sig }] },
      '/signatures/2/keyid',
    ],
  ];

  it.each(cases)('[R-SIG-3] rejects %s with DSSE_MALFORMED at its pointer', (_name, value, pointer) => {
    const e = caught(() => parseDsseEnvelope(value));
    expect(isClawproofError(e) && [e.code, e.pointer]).toEqual(['DSSE_MALFORMED', pointer]);
  });

  it('prefixes pointers with the envelope location', () => {
    const e = caught(() => parseDsseEnvelope({ ...env, payload: '!' }, '/receipts/4'));
    expect(isClawproofError(e) && e.pointer).toBe('/receipts/4/payload');
    expect(isClawproofError(e) && e.message).toContain('/receipts/4/payload');
  });

  it('does not take fields from the prototype chain', () => {
    const proto = { payloadType: TYPE };
    const value = Object.assign(Object.create(proto) as object, { payload: env.payload, signatures: env.signatures });
    const e = caught(() => parseDsseEnvelope(value));
    expect(isClawproofError(e) && e.pointer).toBe('/payloadType');
  });
});

describe('decodeDssePayloadJson', () => {
  it('parses the payload of a verified envelope', async () => {
    const env = signDsse(TYPE, payload, [{ keyid: ALICE, secretKey: alice.secretKey }]);
    expect(decodeDssePayloadJson(await verifyDsse(env, resolve))).toEqual({ model: 'local', n: 1 });
  });

  it('parses strictly: a duplicate key in a signed payload is an error', async () => {
    const env = signDsse(TYPE, utf8Encode('{"n":1,"n":2}'), [{ keyid: ALICE, secretKey: alice.secretKey }]);
    const v = await verifyDsse(env, resolve);
    expect(v.validKeyids).toEqual([ALICE]);
    const e = caught(() => decodeDssePayloadJson(v));
    expect(isClawproofError(e) && e.code).toBe('JSON_DUPLICATE_KEY');
  });

  it('[R-SIG-6] refuses a payload no signature vouches for', async () => {
    const env = signDsse(TYPE, payload, [{ keyid: ALICE, secretKey: mallory.secretKey }]);
    const v = await verifyDsse(env, resolve);
    expect(v.validKeyids).toEqual([]);
    const e = caught(() => decodeDssePayloadJson(v));
    expect(isClawproofError(e) && e.code).toBe('DSSE_SIGNATURE_INVALID');
  });
});
