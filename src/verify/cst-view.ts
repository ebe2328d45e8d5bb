/**
 * The CST (compact JWS, RFC 7515 sec 7.1, EdDSA per RFC 8037) decoded and verified once: core's
 * strict JWS profile, a `kid` naming a key the trust root lists for role `scope`, the signature,
 * then (only after it verified) the claims parsed strictly and shape-checked. Header checks
 * (typ, alg) are reported by the cst check from `header` and `problems`.
 */
import { isClawproofError } from '../core/errors.js';
import { sha256, type Digest } from '../core/hash.js';
import { decodeCompactJws, type DecodedJws } from '../core/jws.js';
import { parseStrictJson, type JsonValue } from '../core/json.js';
import { verifySignature, type VerifySignatureOptions } from '../core/ed25519/index.js';
import type { CstClaims } from '../core/bundle/types.js';
import type { CstView, SignatureStatus } from './context.js';
import { MAX_PAYLOAD_DEPTH } from '../format/limits.js';
import type { CheckCode, CheckIssue, Evidence } from './report.js';
import { cstClaimsSchema } from './schemas/payloads.js';
import { zodIssuesToReport } from './schemas/issues.js';
import type { KeyResolver } from './trusted-keys.js';

const POINTER = '/cst';

export async function verifyCst(
  raw: unknown,
  resolveKey: KeyResolver,
  backend: VerifySignatureOptions['backend'],
): Promise<CstView> {
  const problems: CheckIssue[] = [];
  const token = typeof raw === 'string' ? raw : '';
  const tokenHash: Digest = hashToken(token);
  const result = (status: SignatureStatus, keyid: string | null, header: CstView['header'], claims: CstClaims | null): CstView => ({
    pointer: POINTER,
    token,
    tokenHash,
    keyid,
    signatureOk: status === 'valid',
    signatureStatus: status,
    header,
    claims,
    problems,
  });

  if (typeof raw !== 'string') {
    problems.push(fail('CST_MALFORMED', 'the bundle has no CST: /cst must be a compact JWS string', { pointer: POINTER }));
    return result('malformed', null, null, null);
  }
  let decoded: DecodedJws;
  try {
    decoded = decodeCompactJws(token);
  } catch (cause) {
    const code = isClawproofError(cause) && cause.code === 'JWS_ALG_UNSUPPORTED' ? 'JWS_ALG_UNSUPPORTED' : 'CST_MALFORMED';
    const reason = isClawproofError(cause) ? cause.message : 'unreadable';
    problems.push(fail(code, `the CST is not a compact JWS of the Clawproof profile: ${reason}`, { pointer: POINTER }));
    return result('malformed', null, null, null);
  }
  const { header } = decoded;
  const kid = typeof header.kid === 'string' ? header.kid : null;
  if (kid === null) {
    problems.push(fail('CST_MALFORMED', 'the CST header has no kid, so no trusted scope key can be chosen for it', { pointer: POINTER, payloadPointer: '/kid' }));
    return result('malformed', null, header, null);
  }
  const key = resolveKey(kid);
  if (key === undefined) {
    problems.push(
      fail('SIGNATURE_UNVERIFIED', `the CST is signed by ${kid}, a key the trust root does not list for role scope; its claims are not read`, { pointer: POINTER, keyid: kid }),
    );
    return result('untrusted', kid, header, null);
  }
  if (!(await verifySignature(key, decoded.signingInput, decoded.signature, { backend }))) {
    problems.push(fail('SIGNATURE_INVALID', `the CST's signature does not verify under the trusted scope key ${kid}`, { pointer: POINTER, keyid: kid }));
    return result('invalid', kid, header, null);
  }
  let json: JsonValue;
  try {
    json = parseStrictJson(decoded.payload, { maxDepth: MAX_PAYLOAD_DEPTH, maxBytes: decoded.payload.length });
  } catch (cause) {
    const code = isClawproofError(cause) && cause.code === 'JSON_DUPLICATE_KEY' ? 'PAYLOAD_DUPLICATE_KEY' : 'PAYLOAD_NOT_JSON';
    const reason = isClawproofError(cause) ? cause.message : 'unreadable';
    problems.push(fail(code, `the CST's claims are not strict JSON: ${reason}`, { pointer: POINTER }));
    return result('valid', kid, header, null);
  }
  const parsed = cstClaimsSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...zodIssuesToReport(parsed.error.issues, json, { pointer: POINTER, inPayload: true, what: 'CST claims' }));
    return result('valid', kid, header, null);
  }
  return result('valid', kid, header, parsed.data as CstClaims);
}

/** sha256 of the token's UTF-8 (its ASCII, for a well-formed token): what receipts and the manifest bind. */
function hashToken(token: string): Digest {
  try {
    return sha256(token);
  } catch {
    // Unreachable for a read document (the strict parser refuses lone surrogates); kept so that
    // building the view never throws.
    return sha256(new Uint8Array(0));
  }
}

function fail(code: CheckCode, message: string, evidence: Evidence): CheckIssue {
  return { severity: 'fail', code, message, evidence: [evidence] };
}
