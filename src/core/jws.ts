/**
 * Compact JWS (RFC 7515 section 7.1) with Ed25519 (RFC 8037 section 3.1), in a strict profile:
 *
 * - exactly three non-empty segments, each strict unpadded base64url (RFC 7515 section 2);
 * - the protected header is a strict JSON object whose `alg` is exactly "EdDSA": "none", HMAC
 *   and every other value are refused, so the token cannot choose a weaker check (RFC 8725
 *   section 3.1); `crit` is refused (we understand no extensions) and so is `b64` unless true
 *   (RFC 7797 unencoded payloads); `kid` and `typ`, when present, are strings;
 * - the signature is exactly 64 bytes; the key comes from the caller's `resolveKey`, never from
 *   the token (any `jwk`, `jku` or `x5c` header is ignored).
 *
 * Two levels: `decodeCompactJws` / `verifyCompactJwsPayload` treat the payload as bytes (any
 * RFC 8037 EdDSA JWS); `parseCompactJws` / `verifyCompactJws` also require the payload to be a
 * strict JSON object of claims, which is what tokens such as the CST are.
 */
import { base64urlDecode, base64urlEncode, utf8Encode } from './bytes.js';
import { canonicalJson } from './canonical.js';
import { coreError, isClawproofError } from './errors.js';
import { ED25519_SIGNATURE_LENGTH, sign, verifySignature, type VerifySignatureOptions } from './ed25519/index.js';
import { parseStrictJson, type JsonObject, type JsonValue } from './json.js';

export const JWS_ALG = 'EdDSA';

/** What a signer supplies; `alg` is added (and may only be given as "EdDSA"). */
export type JwsHeaderInput = { typ: string; kid: string } & Record<string, JsonValue>;

export interface DecodedJws {
  readonly header: JsonObject;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  /** ASCII(BASE64URL(header) "." BASE64URL(payload)): the bytes the signature covers. */
  readonly signingInput: Uint8Array;
}

export interface ParsedJws extends DecodedJws {
  readonly claims: JsonObject;
}

export interface VerifyJwsOptions {
  /** When set, the header's `typ` must equal it exactly (JWS_TYPE_MISMATCH otherwise). */
  readonly typ?: string;
  readonly backend?: VerifySignatureOptions['backend'];
}

/** Resolves the verification key for the header's `kid` (undefined when the header has none). */
export type JwsKeyResolver = (kid: string | undefined) => Uint8Array | undefined;

const SEGMENT_NAMES = ['header', 'payload', 'signature'] as const;

/** Signs `claims` as a compact JWS. Header and claims are serialised as RFC 8785 canonical JSON. */
export function signCompactJws(header: JwsHeaderInput, claims: JsonObject, secretKey: Uint8Array): string {
  if (!isPlainObject(header)) throw coreError('INPUT_INVALID', 'signCompactJws: header must be an object');
  if (typeof header.typ !== 'string' || typeof header.kid !== 'string') {
    throw coreError('INPUT_INVALID', 'signCompactJws: header needs string typ and kid');
  }
  if (Object.hasOwn(header, 'alg') && header.alg !== JWS_ALG) {
    throw coreError('INPUT_INVALID', `signCompactJws: alg can only be ${JWS_ALG}`);
  }
  if (Object.hasOwn(header, 'crit') || Object.hasOwn(header, 'b64')) {
    throw coreError('INPUT_INVALID', 'signCompactJws: crit and b64 are not part of this profile');
  }
  if (!isPlainObject(claims)) throw coreError('INPUT_INVALID', 'signCompactJws: claims must be an object');
  const encodedHeader = base64urlEncode(utf8Encode(canonicalJson({ ...header, alg: JWS_ALG })));
  const encodedPayload = base64urlEncode(utf8Encode(canonicalJson(claims)));
  const signingInput = `${encodedHeader}.${encodedPayload}`;
  return `${signingInput}.${base64urlEncode(sign(secretKey, utf8Encode(signingInput)))}`;
}

/**
 * Splits and checks a compact JWS without verifying it; the payload stays bytes. Throws
 * JWS_MALFORMED naming the segment at fault, JWS_ALG_UNSUPPORTED for any alg but "EdDSA".
 */
export function decodeCompactJws(token: string): DecodedJws {
  if (typeof token !== 'string') throw malformed('the token must be a string');
  const segments = token.split('.');
  if (segments.length !== 3) {
    throw malformed(`the token has ${segments.length} segments; a compact JWS has 3 (header.payload.signature)`);
  }
  const [header, payload, signature] = segments.map((s, i) => decodeSegment(s, SEGMENT_NAMES[i]!)) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  const parsedHeader = parseJsonObjectSegment(header, 'header');
  checkHeader(parsedHeader);
  if (signature.length !== ED25519_SIGNATURE_LENGTH) {
    const expected = ED25519_SIGNATURE_LENGTH;
    throw malformed(`signature segment is ${signature.length} bytes; an Ed25519 signature is ${expected}`);
  }
  return {
    header: parsedHeader,
    payload,
    signature,
    // Each segment passed the base64url check, so this is ASCII and encodes as itself.
    signingInput: utf8Encode(`${segments[0]}.${segments[1]}`),
  };
}

/** decodeCompactJws, and the payload must be a strict JSON object (the claims). */
export function parseCompactJws(token: string): ParsedJws {
  const decoded = decodeCompactJws(token);
  return { ...decoded, claims: parseJsonObjectSegment(decoded.payload, 'payload') };
}

/**
 * Verifies a compact EdDSA JWS with any payload. Throws JWS_MALFORMED / JWS_ALG_UNSUPPORTED for
 * a bad token, JWS_TYPE_MISMATCH for a wrong `typ`, KEY_NOT_TRUSTED when `resolveKey` has no key
 * for the `kid`, JWS_SIGNATURE_INVALID when the signature does not verify.
 */
export async function verifyCompactJwsPayload(
  token: string,
  resolveKey: JwsKeyResolver,
  options: VerifyJwsOptions = {},
): Promise<{ header: JsonObject; payload: Uint8Array }> {
  const decoded = decodeCompactJws(token);
  await checkSignature(decoded, resolveKey, options);
  return { header: decoded.header, payload: decoded.payload };
}

/** As verifyCompactJwsPayload, for tokens whose payload is a JSON object of claims. */
export async function verifyCompactJws(
  token: string,
  resolveKey: JwsKeyResolver,
  options: VerifyJwsOptions = {},
): Promise<{ header: JsonObject; claims: JsonObject }> {
  const parsed = parseCompactJws(token);
  await checkSignature(parsed, resolveKey, options);
  return { header: parsed.header, claims: parsed.claims };
}

async function checkSignature(
  decoded: DecodedJws,
  resolveKey: JwsKeyResolver,
  options: VerifyJwsOptions,
): Promise<void> {
  const { header } = decoded;
  if (options.typ !== undefined && header.typ !== options.typ) {
    const actual = header.typ === undefined ? 'missing' : JSON.stringify(header.typ);
    throw coreError('JWS_TYPE_MISMATCH', `JWS header typ is ${actual}; expected ${JSON.stringify(options.typ)}`, {
      pointer: '/typ',
      details: { actual: header.typ, expected: options.typ },
    });
  }
  const kid = header.kid as string | undefined; // checkHeader: a string when present
  const key = resolveKey(kid);
  if (key === undefined || key === null) {
    const message = kid === undefined ? 'no trusted key for a JWS without kid' : `no trusted key for kid ${kid}`;
    throw coreError('KEY_NOT_TRUSTED', message, { details: { kid } });
  }
  if (!(await verifySignature(key, decoded.signingInput, decoded.signature, { backend: options.backend }))) {
    const under = kid === undefined ? '' : ` under kid ${kid}`;
    throw coreError('JWS_SIGNATURE_INVALID', `JWS signature does not verify${under}`, { details: { kid } });
  }
}

function checkHeader(header: JsonObject): void {
  if (!Object.hasOwn(header, 'alg')) throw malformed('header has no alg', '/alg');
  if (header.alg !== JWS_ALG) {
    const message = `JWS alg ${JSON.stringify(header.alg)} is not supported; only ${JWS_ALG} is`;
    throw coreError('JWS_ALG_UNSUPPORTED', message, { pointer: '/alg' });
  }
  if (Object.hasOwn(header, 'crit')) throw malformed('header has crit; no extensions are supported', '/crit');
  if (Object.hasOwn(header, 'b64') && header.b64 !== true) {
    throw malformed('header has b64 other than true; unencoded payloads are not supported', '/b64');
  }
  for (const name of ['kid', 'typ'] as const) {
    if (Object.hasOwn(header, name) && typeof header[name] !== 'string') {
      throw malformed(`header ${name} must be a string`, `/${name}`);
    }
  }
}

function decodeSegment(segment: string, name: (typeof SEGMENT_NAMES)[number]): Uint8Array {
  if (segment.length === 0) {
    // An empty payload segment is also how detached content is written (RFC 7515 appendix F).
    throw malformed(`${name} segment is empty`);
  }
  try {
    return base64urlDecode(segment);
  } catch (cause) {
    throw malformed(`${name} segment is not strict unpadded base64url (${reasonOf(cause)})`, undefined, cause);
  }
}

function parseJsonObjectSegment(bytes: Uint8Array, name: 'header' | 'payload'): JsonObject {
  let value: JsonValue;
  try {
    value = parseStrictJson(bytes);
  } catch (cause) {
    throw malformed(`${name} segment is not strict JSON (${reasonOf(cause)})`, undefined, cause);
  }
  if (!isPlainObject(value)) throw malformed(`${name} segment is not a JSON object`);
  return value;
}

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reasonOf(cause: unknown): string {
  return isClawproofError(cause) ? cause.message : 'undecodable';
}

function malformed(message: string, pointer?: string, cause?: unknown) {
  return coreError('JWS_MALFORMED', `JWS: ${message}`, { pointer, cause });
}
