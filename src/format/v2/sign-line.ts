/**
 * The signature of a signed line: Ed25519 over DSSE PAE(payload type, RFC 8785 bytes of the
 * payload), the same message a v1 envelope's signature covers, without the envelope around it.
 * The line's `sig` is base64 of one byte, the key's index in the header's list for the signer's
 * role, then the 64 signature bytes. The index is not signed (as v1's keyid was not): changing it
 * points at another key, under which the signature fails.
 */
import { base64Decode, base64Encode } from '../../core/bytes.js';
import { canonicalBytes } from '../../core/canonical.js';
import { pae, type DsseSigner } from '../../core/dsse.js';
import { sign, verifySignature, type VerifySignatureOptions } from '../../core/ed25519/index.js';

const SIGNATURE_BYTES = 64;

export function signLinePayload(payloadType: string, payload: unknown, signer: Pick<DsseSigner, 'secretKey'>, keyIndex = 0): string {
  if (!Number.isInteger(keyIndex) || keyIndex < 0 || keyIndex > 255) throw new RangeError('a key index is one byte, 0 to 255');
  const signature = sign(signer.secretKey, pae(payloadType, canonicalBytes(payload)));
  const out = new Uint8Array(1 + SIGNATURE_BYTES);
  out[0] = keyIndex;
  out.set(signature, 1);
  return base64Encode(out);
}

/** The key index and the signature bytes of a line's `sig` (already checked by its schema: 65 bytes). */
export function splitLineSignature(sig: string): { readonly keyIndex: number; readonly signature: Uint8Array } {
  const bytes = base64Decode(sig);
  if (bytes.length !== 1 + SIGNATURE_BYTES) throw new RangeError(`a line signature is ${1 + SIGNATURE_BYTES} bytes, not ${bytes.length}`);
  return { keyIndex: bytes[0]!, signature: bytes.subarray(1) };
}

/** True only for a valid strict Ed25519 signature of `payload` under `publicKey`. Never throws. */
export async function verifyLinePayload(payloadType: string, payload: unknown, sig: string, publicKey: Uint8Array, options?: VerifySignatureOptions): Promise<boolean> {
  try {
    return await verifySignature(publicKey, pae(payloadType, canonicalBytes(payload)), splitLineSignature(sig).signature, options);
  } catch {
    return false;
  }
}
