/**
 * One individually signed v2 line (receipt, approval, tree head) checked against the trust root:
 * the key is the one the trust root lists under the keyid the header names at the line's key
 * index AND under the line's role, never a key the bundle carries, so an edited header key list
 * only makes a signature fail or go unverified, never pass under another role's key.
 */
import type { DsseSignatureStatus } from '../../core/dsse.js';
import type { VerifySignatureOptions } from '../../core/ed25519/index.js';
import type { HeaderLine, SigningRole } from '../../format/v2/header-line.js';
import { splitLineSignature, verifyLinePayload } from '../../format/v2/sign-line.js';
import type { SignatureStatus } from '../context.js';
import type { CheckIssue } from '../report.js';
import type { KeyResolver } from '../trusted-keys.js';

export interface LineSignatureResult {
  readonly keyid: string;
  readonly status: Exclude<SignatureStatus, 'malformed'>;
  readonly signatures: readonly { readonly keyid: string; readonly status: DsseSignatureStatus }[];
  readonly trustedValidKeyids: readonly string[];
  /** SIGNATURE_INVALID or SIGNATURE_UNVERIFIED when the signature does not hold; empty when it does. */
  readonly problems: readonly CheckIssue[];
}

export interface SignedLineSpec {
  readonly role: SigningRole;
  readonly payloadType: string;
  /** RFC 6901 pointer the report names the line by (`/receipts/3`). */
  readonly pointer: string;
  /** 1-based line number in the file, for messages. */
  readonly line: number;
  /** "receipt", "approval", "harness tree head": for messages. */
  readonly what: string;
}

export async function verifySignedLine(
  signed: { readonly payload: unknown; readonly sig: string },
  spec: SignedLineSpec,
  header: HeaderLine,
  resolveKey: KeyResolver,
  backend: VerifySignatureOptions['backend'],
): Promise<LineSignatureResult> {
  // The reader already refused an index past the header's list (SIGNATURE_KEY_UNKNOWN).
  const keyid = header.keys[spec.role][splitLineSignature(signed.sig).keyIndex]!;
  const publicKey = resolveKey(keyid);
  const where = `the ${spec.what} at ${spec.pointer} (line ${spec.line})`;
  if (publicKey === undefined) {
    return {
      keyid,
      status: 'untrusted',
      signatures: [{ keyid, status: 'unknown-key' }],
      trustedValidKeyids: [],
      problems: [
        issue('SIGNATURE_UNVERIFIED', `${where} is signed only by ${keyid}, which the trust root does not list for role ${spec.role}; its content is not read`, spec, keyid),
      ],
    };
  }
  const ok = await verifyLinePayload(spec.payloadType, signed.payload, signed.sig, publicKey, { backend });
  if (!ok) {
    return {
      keyid,
      status: 'invalid',
      signatures: [{ keyid, status: 'invalid' }],
      trustedValidKeyids: [],
      problems: [issue('SIGNATURE_INVALID', `${where} is not validly signed: the signature of ${keyid} (trusted for ${spec.role}) does not verify`, spec, keyid)],
    };
  }
  return { keyid, status: 'valid', signatures: [{ keyid, status: 'valid' }], trustedValidKeyids: [keyid], problems: [] };
}

function issue(code: 'SIGNATURE_INVALID' | 'SIGNATURE_UNVERIFIED', message: string, spec: SignedLineSpec, keyid: string): CheckIssue {
  return { severity: 'fail', code, message, evidence: [{ pointer: spec.pointer, payloadPointer: '/sig', keyid, note: `line ${spec.line}` }] };
}
