/**
 * Strict Ed25519 verification: the byte-level pre-checks, then a backend's cofactorless
 * equation. Verdicts equal libsodium's `crypto_sign_verify_detached` on every input.
 */
import { isBytes } from '@noble/curves/utils.js';
import { defaultEd25519Backend, getEd25519Backend, type Ed25519Backend } from './backend.js';
import { verifyCofactorless } from './noble.js';
import { strictPrecheck } from './precheck.js';

export interface VerifySignatureOptions {
  /** A registered backend name or a backend object; default: WebCrypto if usable, else noble. */
  readonly backend?: string | Ed25519Backend;
}

/**
 * True only for a valid strict Ed25519 signature. Never throws, whatever the arguments: bad
 * types, wrong lengths, an unknown backend name or a failing backend are all `false`.
 */
export async function verifySignature(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  options?: VerifySignatureOptions,
): Promise<boolean> {
  try {
    if (!isBytes(publicKey) || !isBytes(message) || !isBytes(signature)) return false;
    // Copies: the caller cannot change the bytes between the pre-checks and the backend.
    const key = publicKey.slice();
    const sig = signature.slice();
    if (strictPrecheck(key, sig) !== null) return false;
    const backend = await selectBackend(options?.backend);
    if (backend === undefined) return false;
    return (await backend.verify(key, message, sig)) === true;
  } catch {
    return false;
  }
}

/** The same verdicts as `verifySignature`, synchronously, on the noble backend. */
export function verifySignatureSync(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (!isBytes(publicKey) || !isBytes(message) || !isBytes(signature)) return false;
    if (strictPrecheck(publicKey, signature) !== null) return false;
    return verifyCofactorless(publicKey, message, signature);
  } catch {
    return false;
  }
}

async function selectBackend(choice: unknown): Promise<Ed25519Backend | undefined> {
  if (choice === undefined) return defaultEd25519Backend();
  if (typeof choice === 'string') return getEd25519Backend(choice);
  const candidate = choice as Partial<Ed25519Backend> | null;
  if (typeof candidate === 'object' && candidate !== null && typeof candidate.verify === 'function') {
    return candidate as Ed25519Backend;
  }
  return undefined;
}
