/**
 * The signature of a signed line: Ed25519 over DSSE PAE(payload type, RFC 8785 bytes of the
 * payload), the same message a v1 envelope's signature covers, without the envelope around it.
 */
import { base64Decode, base64Encode } from '../../core/bytes.js';
import { canonicalBytes } from '../../core/canonical.js';
import { pae, type DsseSigner } from '../../core/dsse.js';
import { sign, verifySignature, type VerifySignatureOptions } from '../../core/ed25519/index.js';

export interface LineSignature {
  keyid: string;
  sig: string;
}

export function signLinePayload(payloadType: string, payload: unknown, signer: DsseSigner): LineSignature {
  return { keyid: signer.keyid, sig: base64Encode(sign(signer.secretKey, pae(payloadType, canonicalBytes(payload)))) };
}

/** True only for a valid strict Ed25519 signature of `payload` under `publicKey`. Never throws. */
export async function verifyLinePayload(
  payloadType: string,
  payload: unknown,
  signature: LineSignature,
  publicKey: Uint8Array,
  options?: VerifySignatureOptions,
): Promise<boolean> {
  try {
    return await verifySignature(publicKey, pae(payloadType, canonicalBytes(payload)), base64Decode(signature.sig), options);
  } catch {
    return false;
  }
}
