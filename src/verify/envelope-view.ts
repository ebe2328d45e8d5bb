/**
 * One DSSE envelope of the bundle, verified once: the strict DSSE profile (core), the expected
 * payload type, every signature against the trust root's keys for the envelope's role, then (only
 * when a trusted signature verified) the payload parsed strictly and shape-checked. Never throws:
 * every problem becomes an issue in `problems`.
 */
import type { z } from 'zod';
import { utf8Decode } from '../core/bytes.js';
import { canonicalJson } from '../core/canonical.js';
import { decodeDsseEnvelope, verifyDecodedDsse, type DecodedDsseEnvelope, type DsseEnvelope } from '../core/dsse.js';
import type { VerifySignatureOptions } from '../core/ed25519/index.js';
import { isClawproofError } from '../core/errors.js';
import { sha256 } from '../core/hash.js';
import { parseStrictJson, type JsonValue } from '../core/json.js';
import type { TrustRole } from '../core/trust-root.js';
import type { EnvelopeView, SignatureStatus } from './context.js';
import { MAX_PAYLOAD_DEPTH } from '../format/limits.js';
import type { CheckCode, CheckIssue } from './report.js';
import { zodIssuesToReport, type IssuePlace } from './schemas/issues.js';
import type { KeyResolver } from './trusted-keys.js';

export interface EnvelopeSpec<P> {
  readonly pointer: string;
  readonly index: number;
  readonly role: TrustRole;
  readonly payloadType: string;
  /** What the part is, for messages: "receipt", "record", ... */
  readonly what: string;
  /** Shape check of the decoded payload; null for payloads checked elsewhere (the WPC). */
  readonly schema: z.ZodType<P> | null;
  readonly place?: Partial<IssuePlace>;
}

/** An envelope's well-formed copy, or null, and the view. */
export interface VerifiedEnvelope<P> {
  readonly envelope: DsseEnvelope | null;
  readonly view: EnvelopeView<P>;
  /** The strictly parsed payload before the shape check (for the WPC, which has its own validator). */
  readonly json: JsonValue | null;
}

export async function verifyEnvelope<P>(
  raw: unknown,
  spec: EnvelopeSpec<P>,
  resolveKey: KeyResolver,
  backend: VerifySignatureOptions['backend'],
): Promise<VerifiedEnvelope<P>> {
  const problems: CheckIssue[] = [];
  const base = { pointer: spec.pointer, role: spec.role, index: spec.index };
  const unusable = (status: SignatureStatus, keyids: readonly string[] = []): VerifiedEnvelope<P> => ({
    envelope: null,
    json: null,
    view: { ...base, keyids, trustedValidKeyids: [], signatureOk: false, payloadHash: null, payload: null, problems, signatureStatus: status, signatures: [] },
  });

  let decoded: DecodedDsseEnvelope;
  try {
    decoded = decodeDsseEnvelope(raw, spec.pointer);
  } catch (cause) {
    const message = isClawproofError(cause) ? cause.message : 'unreadable';
    const pointer = isClawproofError(cause) && cause.pointer !== undefined ? cause.pointer : spec.pointer;
    problems.push(issue('ENVELOPE_MALFORMED', `the ${spec.what} at ${spec.pointer} is not a DSSE envelope of the Clawproof profile: ${message}`, { pointer }));
    return unusable('malformed');
  }
  const envelope: DsseEnvelope = decoded.envelope;
  const keyids = envelope.signatures.map((s) => s.keyid);
  if (envelope.signatures.length !== 1) {
    // The bundle format has one signer per part; extra signatures are unexplained content.
    problems.push(
      issue('SIGNATURE_COUNT_INVALID', `the ${spec.what} at ${spec.pointer} has ${envelope.signatures.length} signatures; every envelope of a bundle has exactly one`, {
        pointer: `${spec.pointer}/signatures`,
      }),
    );
  }
  if (envelope.payloadType !== spec.payloadType) {
    // A payload signed for one purpose is never read as another (DSSE binds the type into PAE).
    problems.push(
      issue('PAYLOAD_TYPE_MISMATCH', `the ${spec.what} at ${spec.pointer} has payloadType ${JSON.stringify(envelope.payloadType)}; expected ${spec.payloadType}`, {
        pointer: `${spec.pointer}/payloadType`,
        expected: spec.payloadType,
        actual: envelope.payloadType,
      }),
    );
    return { ...unusable('malformed', keyids), envelope };
  }

  const payloadBytes = decoded.payload;
  const payloadHash = sha256(payloadBytes);
  const verification = await verifyDecodedDsse(decoded, resolveKey, { payloadType: spec.payloadType, pointer: spec.pointer, backend });
  const signatures = verification.signatures;
  const trustedValidKeyids = verification.validKeyids;
  const status: SignatureStatus =
    trustedValidKeyids.length > 0 ? 'valid' : signatures.some((s) => s.status === 'invalid') ? 'invalid' : 'untrusted';
  const view = (payload: P | null): EnvelopeView<P> => ({
    ...base,
    keyids,
    trustedValidKeyids,
    signatureOk: status === 'valid',
    payloadHash,
    payload,
    problems,
    signatureStatus: status,
    signatures,
  });

  if (status === 'invalid') {
    const bad = signatures.filter((s) => s.status === 'invalid').map((s) => s.keyid);
    problems.push(
      issue('SIGNATURE_INVALID', `the ${spec.what} at ${spec.pointer} is not validly signed: the signature of ${bad.join(', ')} (trusted for ${spec.role}) does not verify`, {
        pointer: `${spec.pointer}/signatures`,
        keyid: bad[0],
      }),
    );
    return { envelope, json: null, view: view(null) };
  }
  if (status === 'untrusted') {
    problems.push(
      issue('SIGNATURE_UNVERIFIED', `the ${spec.what} at ${spec.pointer} is signed only by keys the trust root does not list for role ${spec.role} (${keyids.join(', ')}); its content is not read`, {
        pointer: `${spec.pointer}/signatures`,
        keyid: keyids[0],
      }),
    );
    return { envelope, json: null, view: view(null) };
  }

  let json: JsonValue;
  let text: string;
  try {
    text = utf8Decode(payloadBytes);
    // The text is exactly these bytes, so it is within their size: a limit it cannot reach skips the recount.
    json = parseStrictJson(text, { maxDepth: MAX_PAYLOAD_DEPTH, maxBytes: 3 * text.length });
  } catch (cause) {
    const code = isClawproofError(cause) && cause.code === 'JSON_DUPLICATE_KEY' ? 'PAYLOAD_DUPLICATE_KEY' : 'PAYLOAD_NOT_JSON';
    const reason = isClawproofError(cause) ? cause.message : 'unreadable';
    const position = isClawproofError(cause) ? cause.position : undefined;
    problems.push(
      issue(code, `the signed payload of the ${spec.what} at ${spec.pointer} is not strict JSON: ${reason}`, {
        pointer: `${spec.pointer}/payload`,
        ...(position === undefined ? {} : { position }),
      }),
    );
    return { envelope, json: null, view: view(null) };
  }
  if (canonicalJsonOrEmpty(json) !== text) {
    // One spelling per payload: the signed bytes are the RFC 8785 form, so two readers cannot
    // disagree about what was signed (and the payload hash is the digest of the payload object).
    // Comparing the texts is comparing the bytes: strict UTF-8 decoding is one-to-one.
    problems.push(
      issue('PAYLOAD_NOT_CANONICAL', `the signed payload of the ${spec.what} at ${spec.pointer} is not in RFC 8785 canonical form`, { pointer: `${spec.pointer}/payload` }),
    );
  }
  if (spec.schema === null) return { envelope, json, view: view(null) };
  const result = spec.schema.safeParse(json);
  if (!result.success) {
    const place: IssuePlace = { what: `${spec.what} payload`, ...spec.place, pointer: spec.pointer, inPayload: true };
    problems.push(...zodIssuesToReport(result.error.issues, json, place));
    return { envelope, json, view: view(null) };
  }
  // The parsed payload itself rather than zod's copy: the schemas are strict and have no
  // transforms or defaults, so a value that passes is the same as zod's output (pinned by
  // test/verify/schemas/output-is-input.test.ts), and the copy would hold every payload twice.
  return { envelope, json, view: view(json as P) };
}

function canonicalJsonOrEmpty(json: JsonValue): string | null {
  try {
    return canonicalJson(json);
  } catch {
    return null;
  }
}

function issue(code: CheckCode, message: string, evidence: CheckIssue['evidence'][number]): CheckIssue {
  return { severity: 'fail', code, message, evidence: [evidence] };
}
