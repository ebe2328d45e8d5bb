import { readFileSync } from 'node:fs';
import { SignJWT, compactVerify, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode, hexDecode, hexEncode, utf8Decode, utf8Encode } from '../../src/core/bytes.js';
import { keyPairFromSeed, sign as rawSign } from '../../src/core/ed25519/index.js';
import { isClawproofError } from '../../src/core/errors.js';
import {
  decodeCompactJws,
  parseCompactJws,
  signCompactJws,
  verifyCompactJws,
  verifyCompactJwsPayload,
} from '../../src/core/jws.js';
import type { JsonObject } from '../../src/core/json.js';
import { keyId } from '../../src/core/keyid.js';

interface Rfc8037 {
  'A.1_private_key_hex': { secret: string; pk: string };
  'A.2_public_key_jwk': { kty: string; crv: string; x: string };
  'A.4_ed25519_signing': { payload_text: string; signature_hex: string; jws_compact: string; signing_input: string };
  'A.5_ed25519_validation': { jws_compact: string; expected_protected_header_json: string; expected_payload_text: string };
}
const rfc = JSON.parse(
  readFileSync(new URL('../vectors/rfc8037-jws-eddsa/rfc8037_appendix_a.json', import.meta.url), 'utf8'),
) as Rfc8037;
const rfcPublicKey = hexDecode(rfc['A.1_private_key_hex'].pk);

const signer = keyPairFromSeed(new Uint8Array(32).fill(9));
const KID = keyId(signer.publicKey);
const resolve = (kid: string | undefined) => (kid === KID ? signer.publicKey : undefined);
const claims = { iss: 'clawproof-lab', job_id: 'job-1', scope: ['ticket:read', 'ticket:note'], exp: 4102444800 };
const token = signCompactJws({ typ: 'cst+jwt', kid: KID }, claims, signer.secretKey);

/** A token with the given header and payload JSON texts, signed by `signer` over exactly those bytes. */
function mint(headerJson: string, payloadText: string, secretKey = signer.secretKey): string {
  const input = `${base64urlEncode(utf8Encode(headerJson))}.${base64urlEncode(utf8Encode(payloadText))}`;
  return `${input}.${base64urlEncode(rawSign(secretKey, utf8Encode(input)))}`;
}

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  const e = await errorOf(p);
  return isClawproofError(e) ? e.code : e;
}

describe('RFC 8037 appendix A', () => {
  const jws = rfc['A.5_ed25519_validation'].jws_compact;

  it('verifies the A.5 token, asking for the key of a header without kid', async () => {
    const asked: (string | undefined)[] = [];
    const result = await verifyCompactJwsPayload(jws, (kid) => {
      asked.push(kid);
      return kid === undefined ? rfcPublicKey : undefined;
    });
    expect(asked).toEqual([undefined]);
    expect(result.header).toEqual(JSON.parse(rfc['A.5_ed25519_validation'].expected_protected_header_json));
    expect(utf8Decode(result.payload)).toBe(rfc['A.5_ed25519_validation'].expected_payload_text);
  });

  it('decodes the A.4 signing input and signature', () => {
    const decoded = decodeCompactJws(rfc['A.4_ed25519_signing'].jws_compact);
    expect(utf8Decode(decoded.signingInput)).toBe(rfc['A.4_ed25519_signing'].signing_input);
    expect(hexEncode(decoded.signature)).toBe(rfc['A.4_ed25519_signing'].signature_hex);
  });

  it('signs the A.4 signing input to the same signature (deterministic Ed25519)', () => {
    const input = utf8Encode(rfc['A.4_ed25519_signing'].signing_input);
    expect(hexEncode(rawSign(hexDecode(rfc['A.1_private_key_hex'].secret), input))).toBe(
      rfc['A.4_ed25519_signing'].signature_hex,
    );
  });

  it('is not a claims token: its payload is text, so verifyCompactJws says so', async () => {
    const e = await errorOf(verifyCompactJws(jws, () => rfcPublicKey));
    expect(isClawproofError(e) && e.code).toBe('JWS_MALFORMED');
    expect(isClawproofError(e) && e.message).toContain('payload');
  });
});

describe('signCompactJws', () => {
  it('writes canonical JSON with alg EdDSA in the header', () => {
    const [h, p] = token.split('.');
    expect(utf8Decode(base64urlDecode(h!))).toBe(`{"alg":"EdDSA","kid":"${KID}","typ":"cst+jwt"}`);
    expect(utf8Decode(base64urlDecode(p!))).toBe(
      '{"exp":4102444800,"iss":"clawproof-lab","job_id":"job-1","scope":["ticket:read","ticket:note"]}',
    );
  });

  it('refuses another alg, crit, b64 or a header without kid', async () => {
    const sk = signer.secretKey;
    expect(await codeOf(() => signCompactJws({ typ: 't', kid: KID, alg: 'none' }, claims, sk))).toBe('INPUT_INVALID');
    expect(await codeOf(() => signCompactJws({ typ: 't', kid: KID, crit: ['x'] }, claims, sk))).toBe('INPUT_INVALID');
    expect(await codeOf(() => signCompactJws({ typ: 't', kid: KID, b64: false }, claims, sk))).toBe('INPUT_INVALID');
    const noKid = { typ: 't' } as unknown as { typ: string; kid: string };
    expect(await codeOf(() => signCompactJws(noKid, claims, sk))).toBe('INPUT_INVALID');
    expect(await codeOf(() => signCompactJws({ typ: 't', kid: KID }, [] as unknown as JsonObject, sk))).toBe(
      'INPUT_INVALID',
    );
  });
});

describe('verifyCompactJws', () => {
  it('round-trips header and claims', async () => {
    const out = await verifyCompactJws(token, resolve, { typ: 'cst+jwt' });
    expect(out.claims).toEqual(claims);
    expect(out.header).toEqual({ alg: 'EdDSA', kid: KID, typ: 'cst+jwt' });
  });

  it('[R-SIG-12] checks typ exactly', async () => {
    expect(await codeOf(verifyCompactJws(token, resolve, { typ: 'jwt' }))).toBe('JWS_TYPE_MISMATCH');
    expect(await codeOf(verifyCompactJws(token, resolve, { typ: 'CST+JWT' }))).toBe('JWS_TYPE_MISMATCH');
  });

  it('says KEY_NOT_TRUSTED when the resolver has no key for the kid', async () => {
    const e = await errorOf(verifyCompactJws(token, () => undefined));
    expect(isClawproofError(e) && [e.code, e.message.includes(KID)]).toEqual(['KEY_NOT_TRUSTED', true]);
  });

  it('says JWS_SIGNATURE_INVALID under the wrong key', async () => {
    const other = keyPairFromSeed(new Uint8Array(32).fill(10)).publicKey;
    expect(await codeOf(verifyCompactJws(token, () => other))).toBe('JWS_SIGNATURE_INVALID');
  });

  it.each([
    ['header', 0, (b: Uint8Array) => utf8Encode(utf8Decode(b).replace('cst+jwt', 'cst+jws'))],
    ['payload', 1, (b: Uint8Array) => utf8Encode(utf8Decode(b).replace('job-1', 'job-2'))],
    ['signature', 2, (b: Uint8Array) => b.map((x, j) => (j === 10 ? x ^ 1 : x))],
  ] as const)('fails with JWS_SIGNATURE_INVALID when the %s segment changes', async (_name, i, change) => {
    const segments = token.split('.');
    const changed = change(base64urlDecode(segments[i]!));
    expect(hexEncode(changed)).not.toBe(hexEncode(base64urlDecode(segments[i]!)));
    segments[i] = base64urlEncode(changed);
    expect(await codeOf(verifyCompactJws(segments.join('.'), resolve))).toBe('JWS_SIGNATURE_INVALID');
  });

  it('fails when header or claims are re-signed by another key but keep the kid', async () => {
    const attacker = keyPairFromSeed(new Uint8Array(32).fill(66));
    const forged = signCompactJws({ typ: 'cst+jwt', kid: KID }, { ...claims, scope: ['*'] }, attacker.secretKey);
    expect(await codeOf(verifyCompactJws(forged, resolve))).toBe('JWS_SIGNATURE_INVALID');
  });

  it('fails for the signature of one token spliced onto another', async () => {
    const other = signCompactJws({ typ: 'cst+jwt', kid: KID }, { ...claims, job_id: 'job-2' }, signer.secretKey);
    const spliced = `${other.split('.').slice(0, 2).join('.')}.${token.split('.')[2]}`;
    expect(await codeOf(verifyCompactJws(spliced, resolve))).toBe('JWS_SIGNATURE_INVALID');
  });
});

describe('algorithm confusion', () => {
  const payload = JSON.stringify(claims);
  it.each(['none', 'HS256', 'EdDSA ', 'eddsa', 'Ed25519', 'ES256', 'RS256', ''])('[R-SIG-8] refuses alg %j', async (alg) => {
    const forged = mint(JSON.stringify({ alg, kid: KID, typ: 'cst+jwt' }), payload);
    expect(await codeOf(verifyCompactJws(forged, resolve))).toBe('JWS_ALG_UNSUPPORTED');
    expect(await codeOf(() => parseCompactJws(forged))).toBe('JWS_ALG_UNSUPPORTED');
  });

  it('refuses a non-string alg', async () => {
    const forged = mint(JSON.stringify({ alg: ['EdDSA'], kid: KID }), payload);
    expect(await codeOf(() => decodeCompactJws(forged))).toBe('JWS_ALG_UNSUPPORTED');
  });

  it('refuses alg "none" with an empty signature segment', async () => {
    const input = `${base64urlEncode(utf8Encode('{"alg":"none"}'))}.${base64urlEncode(utf8Encode(payload))}`;
    expect(await codeOf(() => decodeCompactJws(`${input}.`))).toBe('JWS_MALFORMED');
  });

  it('[R-SIG-8] refuses a header without alg', async () => {
    expect(await codeOf(() => decodeCompactJws(mint(JSON.stringify({ kid: KID }), payload)))).toBe('JWS_MALFORMED');
  });
});

describe('header profile', () => {
  const payload = JSON.stringify(claims);
  it.each([
    ['crit', { alg: 'EdDSA', kid: KID, crit: ['exp'], exp: 1 }],
    ['b64 false', { alg: 'EdDSA', kid: KID, b64: false }],
    ['b64 as a string', { alg: 'EdDSA', kid: KID, b64: 'true' }],
    ['numeric kid', { alg: 'EdDSA', kid: 1 }],
    ['numeric typ', { alg: 'EdDSA', kid: KID, typ: 1 }],
    // [R-SIG-9] crit, [R-SIG-10] b64
  ])('refuses %s even when correctly signed', async (_name, header) => {
    const forged = mint(JSON.stringify(header), payload);
    expect(await codeOf(verifyCompactJws(forged, resolve))).toBe('JWS_MALFORMED');
  });

  it('[R-SIG-10] accepts b64 true, the default meaning', async () => {
    const t = mint(JSON.stringify({ alg: 'EdDSA', kid: KID, b64: true }), payload);
    expect((await verifyCompactJws(t, resolve)).claims).toEqual(claims);
  });

  it('takes the key from the resolver, never from a jwk header', async () => {
    const attacker = keyPairFromSeed(new Uint8Array(32).fill(66));
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(attacker.publicKey) };
    const forged = mint(JSON.stringify({ alg: 'EdDSA', kid: KID, jwk }), payload, attacker.secretKey);
    expect(await codeOf(verifyCompactJws(forged, resolve))).toBe('JWS_SIGNATURE_INVALID');
  });

  it('[R-SIG-7] parses header and claims strictly: duplicate keys are malformed', async () => {
    const dupHeader = mint(`{"alg":"EdDSA","kid":"${KID}","kid":"other"}`, payload);
    expect(await codeOf(verifyCompactJws(dupHeader, resolve))).toBe('JWS_MALFORMED');
    const dupClaims = mint(`{"alg":"EdDSA","kid":"${KID}"}`, '{"scope":["a"],"scope":["*"]}');
    expect(await codeOf(verifyCompactJws(dupClaims, resolve))).toBe('JWS_MALFORMED');
  });

  it('[R-SIG-7] [R-SIG-11] requires JSON objects for header and claims', async () => {
    expect(await codeOf(() => decodeCompactJws(mint('["EdDSA"]', payload)))).toBe('JWS_MALFORMED');
    expect(await codeOf(() => parseCompactJws(mint(`{"alg":"EdDSA"}`, '[1,2]')))).toBe('JWS_MALFORMED');
    expect(await codeOf(() => parseCompactJws(mint(`{"alg":"EdDSA"}`, '"text"')))).toBe('JWS_MALFORMED');
  });
});

describe('token syntax', () => {
  const [h, p, s] = token.split('.') as [string, string, string];
  const cases: [string, string, RegExp][] = [
    ['two segments', `${h}.${p}`, /2 segments/],
    ['four segments', `${token}.${s}`, /4 segments/],
    ['an empty payload (detached content)', `${h}..${s}`, /payload segment is empty/],
    ['leading whitespace', ` ${token}`, /header segment/],
    ['trailing newline', `${token}\n`, /signature segment/],
    ['a space inside the payload', `${h}.${p.slice(0, 4)} ${p.slice(4)}.${s}`, /payload segment/],
    ['base64 padding on the signature', `${token}==`, /signature segment/],
    ['standard base64 characters', `${h}.${p}.${s.replace(/-/g, '+').replace(/_/g, '/')}+`, /signature segment/],
    ['a 63-byte signature', `${h}.${p}.${base64urlEncode(base64urlDecode(s).subarray(0, 63))}`, /63 bytes/],
    ['a 65-byte signature', `${h}.${p}.${base64urlEncode(new Uint8Array(65))}`, /65 bytes/],
  ];

  it.each(cases)('refuses %s, naming the segment', async (_name, bad, message) => {
    const e = await errorOf(verifyCompactJws(bad, resolve));
    expect(isClawproofError(e) && e.code).toBe('JWS_MALFORMED');
    expect(isClawproofError(e) && e.message).toMatch(message);
  });

  it('refuses non-canonical trailing bits in a segment', async () => {
    // The last character of a 64-byte signature carries 4 unused bits; setting one gives a second spelling.
    const last = s.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const twin = alphabet[alphabet.indexOf(last) ^ 1]!;
    expect(await codeOf(verifyCompactJws(`${h}.${p}.${s.slice(0, -1)}${twin}`, resolve))).toBe('JWS_MALFORMED');
  });

  it('refuses a non-string token', async () => {
    expect(await codeOf(() => decodeCompactJws(42 as unknown as string))).toBe('JWS_MALFORMED');
  });
});

describe('interoperability with jose', () => {
  const publicJwk = { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(signer.publicKey) };
  const privateJwk = { ...publicJwk, d: base64urlEncode(signer.secretKey) };

  it('jose verifies a token minted here (jwtVerify and compactVerify)', async () => {
    const key = await importJWK(publicJwk, 'EdDSA');
    const { payload, protectedHeader } = await jwtVerify(token, key, { typ: 'cst+jwt', algorithms: ['EdDSA'] });
    expect(payload).toEqual(claims);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: KID, typ: 'cst+jwt' });
    const compact = await compactVerify(token, key);
    expect(JSON.parse(new TextDecoder().decode(compact.payload))).toEqual(claims);
  });

  it('verifies a token minted by jose', async () => {
    const key = await importJWK(privateJwk, 'EdDSA');
    const joseToken = await new SignJWT({ job_id: 'job-9', scope: ['ticket:read'] })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'cst+jwt', kid: KID })
      .setIssuedAt(1_700_000_000)
      .sign(key);
    const out = await verifyCompactJws(joseToken, resolve, { typ: 'cst+jwt' });
    expect(out.claims).toEqual({ job_id: 'job-9', scope: ['ticket:read'], iat: 1_700_000_000 });
  });

  it('jose verifies the RFC 8037 example with its public JWK', async () => {
    const key = await importJWK(rfc['A.2_public_key_jwk'], 'EdDSA');
    const { payload } = await compactVerify(rfc['A.5_ed25519_validation'].jws_compact, key);
    expect(new TextDecoder().decode(payload)).toBe(rfc['A.4_ed25519_signing'].payload_text);
  });
});
