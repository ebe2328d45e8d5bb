/**
 * DSSE v1 envelopes (https://github.com/secure-systems-lab/dsse, protocol.md and envelope.md)
 * with Ed25519 signatures, in a strict profile:
 *
 * - the envelope has exactly `payloadType`, `payload` and `signatures`; each signature exactly
 *   `keyid` and `sig` (unknown fields are rejected, not ignored: nothing unsigned rides along);
 * - `payload` and `sig` are standard padded base64, decoded strictly (one spelling per value);
 * - `payloadType` is 1-256 printable ASCII characters; `keyid` is 1-256 visible ASCII characters
 *   (an unauthenticated hint, but shown to people, so no control characters);
 * - 1 to DSSE_MAX_SIGNATURES signatures, each 64 bytes, with distinct keyids (so one key cannot
 *   be counted twice toward a threshold).
 *
 * Signatures cover PAE(payloadType, payload), never the base64 text, so the type is bound to
 * the bytes: a payload signed as one type is not valid as another.
 */
import { base64Decode, base64Encode, concatBytes, utf8Encode } from './bytes.js';
import { coreError, isClawproofError } from './errors.js';
import { ED25519_SIGNATURE_LENGTH, sign, verifySignature, type VerifySignatureOptions } from './ed25519/index.js';
import { parseStrictJson, type JsonValue } from './json.js';
import { escapePointerToken } from './pointer.js';

export interface DsseSignature {
  keyid: string;
  /** Standard base64 of the 64-byte Ed25519 signature over the PAE. */
  sig: string;
}

export interface DsseEnvelope {
  payloadType: string;
  /** Standard base64 of the payload bytes. */
  payload: string;
  signatures: DsseSignature[];
}

export interface DsseSigner {
  readonly keyid: string;
  /** 32-byte Ed25519 seed. */
  readonly secretKey: Uint8Array;
}

export type DsseSignatureStatus = 'valid' | 'invalid' | 'unknown-key';

export interface DsseVerification {
  readonly payloadType: string;
  readonly payload: Uint8Array;
  /** One entry per signature, in envelope order. */
  readonly signatures: readonly { readonly keyid: string; readonly status: DsseSignatureStatus }[];
  /** Keyids whose signature verified, in envelope order. */
  readonly validKeyids: readonly string[];
}

export interface VerifyDsseOptions {
  /** When set, the envelope's payloadType must equal it exactly (DSSE_PAYLOAD_TYPE_MISMATCH otherwise). */
  readonly payloadType?: string;
  /** JSON Pointer of the envelope inside a larger document, used in error pointers. */
  readonly pointer?: string;
  readonly backend?: VerifySignatureOptions['backend'];
}

/** More signatures than any threshold needs; a cap keeps a hostile envelope from costing unbounded work. */
export const DSSE_MAX_SIGNATURES = 64;
const MAX_FIELD_LENGTH = 256;
const ENVELOPE_FIELDS = ['payloadType', 'payload', 'signatures'] as const;
const SIGNATURE_FIELDS = ['keyid', 'sig'] as const;
const SP = Uint8Array.of(0x20);

/**
 * Pre-Authentication Encoding (protocol.md): "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body,
 * where LEN is the byte length in ASCII decimal with no leading zeros and type is UTF-8.
 */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  if (typeof payloadType !== 'string') throw coreError('INPUT_INVALID', 'pae: payloadType must be a string');
  if (!(payload instanceof Uint8Array)) throw coreError('INPUT_INVALID', 'pae: payload must be a Uint8Array');
  const type = utf8Encode(payloadType);
  return concatBytes(
    utf8Encode(`DSSEv1 ${type.length} `),
    type,
    utf8Encode(` ${payload.length}`),
    SP,
    payload,
  );
}

/** Signs `payload` once per signer (at least one, distinct keyids) and returns the envelope. */
export function signDsse(payloadType: string, payload: Uint8Array, signers: readonly DsseSigner[]): DsseEnvelope {
  const typeProblem = payloadTypeProblem(payloadType);
  if (typeProblem !== undefined) throw coreError('INPUT_INVALID', `signDsse: ${typeProblem}`);
  if (!(payload instanceof Uint8Array)) throw coreError('INPUT_INVALID', 'signDsse: payload must be a Uint8Array');
  if (!Array.isArray(signers) || signers.length === 0 || signers.length > DSSE_MAX_SIGNATURES) {
    throw coreError('INPUT_INVALID', `signDsse needs 1 to ${DSSE_MAX_SIGNATURES} signers`);
  }
  const seen = new Set<string>();
  for (const [i, signer] of signers.entries()) {
    const problem = keyidProblem(signer?.keyid);
    if (problem !== undefined) throw coreError('INPUT_INVALID', `signDsse: signer ${i}: ${problem}`);
    if (seen.has(signer.keyid)) throw coreError('INPUT_INVALID', `signDsse: keyid ${signer.keyid} is listed twice`);
    seen.add(signer.keyid);
  }
  const message = pae(payloadType, payload);
  return {
    payloadType,
    payload: base64Encode(payload),
    signatures: signers.map((s) => ({ keyid: s.keyid, sig: base64Encode(sign(s.secretKey, message)) })),
  };
}

/** An envelope of the profile with its payload and signatures decoded: each base64 text is read once. */
export interface DecodedDsseEnvelope {
  /** A fresh copy of the envelope as read. */
  readonly envelope: DsseEnvelope;
  readonly payload: Uint8Array;
  /** The 64-byte signatures, in envelope order. */
  readonly signatures: readonly { readonly keyid: string; readonly sig: Uint8Array }[];
}

/**
 * Checks that `value` is an envelope of this profile and returns a fresh copy of it. Throws
 * DSSE_MALFORMED at the first problem, with the JSON Pointer of the offending field (below
 * `pointer`, the envelope's own location in a larger document).
 */
export function parseDsseEnvelope(value: unknown, pointer = ''): DsseEnvelope {
  return decodeDsseEnvelope(value, pointer).envelope;
}

/** parseDsseEnvelope, also giving the decoded payload and signature bytes. Same checks, same errors. */
export function decodeDsseEnvelope(value: unknown, pointer = ''): DecodedDsseEnvelope {
  const envelope = expectObject(value, pointer, 'envelope', ENVELOPE_FIELDS);

  const payloadType = expectString(envelope, 'payloadType', pointer);
  const typeProblem = payloadTypeProblem(payloadType);
  if (typeProblem !== undefined) throw malformed(`${pointer}/payloadType`, typeProblem);

  const payload = expectString(envelope, 'payload', pointer);
  const payloadBytes = decodeBase64Field(payload, `${pointer}/payload`, 'payload');

  const list = envelope.signatures;
  const listPointer = `${pointer}/signatures`;
  if (!Array.isArray(list)) throw malformed(listPointer, 'signatures must be an array');
  if (list.length === 0) throw malformed(listPointer, 'signatures is empty; an envelope needs at least one');
  if (list.length > DSSE_MAX_SIGNATURES) {
    throw malformed(listPointer, `${list.length} signatures; at most ${DSSE_MAX_SIGNATURES} are accepted`);
  }
  const firstIndexOfKeyid = new Map<string, number>();
  const decoded: { keyid: string; sig: Uint8Array }[] = [];
  const signatures = list.map((item: unknown, i): DsseSignature => {
    const at = `${listPointer}/${i}`;
    const entry = expectObject(item, at, 'signature', SIGNATURE_FIELDS);
    const keyid = expectString(entry, 'keyid', at);
    const problem = keyidProblem(keyid);
    if (problem !== undefined) throw malformed(`${at}/keyid`, problem);
    const earlier = firstIndexOfKeyid.get(keyid);
    if (earlier !== undefined) {
      // One key, two signatures: a threshold counting signatures would count this key twice.
      throw malformed(`${at}/keyid`, `keyid ${keyid} already signs at ${listPointer}/${earlier}`);
    }
    firstIndexOfKeyid.set(keyid, i);
    const sig = expectString(entry, 'sig', at);
    const sigBytes = decodeBase64Field(sig, `${at}/sig`, 'sig');
    if (sigBytes.length !== ED25519_SIGNATURE_LENGTH) {
      const expected = ED25519_SIGNATURE_LENGTH;
      throw malformed(`${at}/sig`, `sig is ${sigBytes.length} bytes; an Ed25519 signature is ${expected}`);
    }
    decoded.push({ keyid, sig: sigBytes });
    return { keyid, sig };
  });
  return { envelope: { payloadType, payload, signatures }, payload: payloadBytes, signatures: decoded };
}

/**
 * Verifies every signature of `envelope` over its PAE and reports each one; a bad or unknown
 * signature is a status, never an exception. Throws DSSE_MALFORMED for an envelope outside the
 * profile and DSSE_PAYLOAD_TYPE_MISMATCH when `options.payloadType` differs.
 */
export async function verifyDsse(
  envelope: DsseEnvelope,
  resolveKey: (keyid: string) => Uint8Array | undefined,
  options: VerifyDsseOptions = {},
): Promise<DsseVerification> {
  return verifyDecodedDsse(decodeDsseEnvelope(envelope, options.pointer ?? ''), resolveKey, options);
}

/** verifyDsse over an envelope decodeDsseEnvelope already read (no second decoding of its base64). */
export async function verifyDecodedDsse(
  decoded: DecodedDsseEnvelope,
  resolveKey: (keyid: string) => Uint8Array | undefined,
  options: VerifyDsseOptions = {},
): Promise<DsseVerification> {
  const pointer = options.pointer ?? '';
  const parsed = decoded.envelope;
  if (options.payloadType !== undefined && parsed.payloadType !== options.payloadType) {
    throw coreError(
      'DSSE_PAYLOAD_TYPE_MISMATCH',
      `payloadType is ${JSON.stringify(parsed.payloadType)}; expected ${JSON.stringify(options.payloadType)}`,
      { pointer: `${pointer}/payloadType`, details: { actual: parsed.payloadType, expected: options.payloadType } },
    );
  }
  const payload = decoded.payload;
  const message = pae(parsed.payloadType, payload);
  const signatures = await Promise.all(
    decoded.signatures.map(async ({ keyid, sig }) => {
      const key = resolveKey(keyid);
      if (key === undefined || key === null) return { keyid, status: 'unknown-key' as const };
      const ok = await verifySignature(key, message, sig, { backend: options.backend });
      return { keyid, status: ok ? ('valid' as const) : ('invalid' as const) };
    }),
  );
  return {
    payloadType: parsed.payloadType,
    payload,
    signatures,
    validKeyids: signatures.filter((s) => s.status === 'valid').map((s) => s.keyid),
  };
}

/**
 * The payload of a verified envelope as strict JSON. Refuses (DSSE_SIGNATURE_INVALID) when no
 * signature verified, so an unauthenticated payload cannot be read through this path by mistake;
 * whether the valid keyids are the RIGHT ones stays the caller's check. JSON errors propagate
 * with their JSON_* code and text position.
 */
export function decodeDssePayloadJson(verification: DsseVerification): JsonValue {
  if (verification.validKeyids.length === 0) {
    throw coreError('DSSE_SIGNATURE_INVALID', 'no signature of the envelope verified; its payload is not decoded');
  }
  return parseStrictJson(verification.payload);
}

// --- profile checks ---------------------------------------------------------------------------

function payloadTypeProblem(payloadType: unknown): string | undefined {
  if (typeof payloadType !== 'string') return 'payloadType must be a string';
  if (payloadType.length === 0 || payloadType.length > MAX_FIELD_LENGTH) {
    return `payloadType must have 1 to ${MAX_FIELD_LENGTH} characters`;
  }
  if (!/^[\x20-\x7e]+$/.test(payloadType)) return 'payloadType must be printable ASCII';
  return undefined;
}

function keyidProblem(keyid: unknown): string | undefined {
  if (typeof keyid !== 'string') return 'keyid must be a string';
  if (keyid.length === 0 || keyid.length > MAX_FIELD_LENGTH) {
    return `keyid must have 1 to ${MAX_FIELD_LENGTH} characters`;
  }
  if (!/^[\x21-\x7e]+$/.test(keyid)) return 'keyid must be visible ASCII (no spaces or control characters)';
  return undefined;
}

// --- shape helpers ----------------------------------------------------------------------------

function expectObject(
  value: unknown,
  pointer: string,
  what: string,
  fields: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(pointer, `${what} must be a JSON object`);
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!fields.includes(key)) throw malformed(`${pointer}/${escapePointerToken(key)}`, `unknown field in ${what}`);
  }
  for (const field of fields) {
    if (!Object.hasOwn(record, field)) throw malformed(`${pointer}/${field}`, `${what} is missing ${field}`);
  }
  return record;
}

function expectString(record: Record<string, unknown>, field: string, pointer: string): string {
  const value = record[field];
  if (typeof value !== 'string') throw malformed(`${pointer}/${field}`, `${field} must be a string`);
  return value;
}

function decodeBase64Field(text: string, pointer: string, field: string): Uint8Array {
  try {
    return base64Decode(text);
  } catch (cause) {
    const reason = isClawproofError(cause) ? cause.message : 'undecodable';
    throw malformed(pointer, `${field} is not strict standard base64 (${reason})`, cause);
  }
}

function malformed(pointer: string, message: string, cause?: unknown) {
  const where = pointer === '' ? 'the root' : pointer;
  return coreError('DSSE_MALFORMED', `DSSE envelope at ${where}: ${message}`, { pointer, cause });
}
