/**
 * Signing fast (node:crypto) with the demo keyring's keys, for forgers that sign thousands of
 * mutants: Ed25519 is deterministic, so these signatures are the ones the runtime's signer makes.
 */
import { createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import type { TrustRole } from '../../../src/core/trust-root.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { KEYRING } from '../support.js';

const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const keys = new Map<TrustRole, { key: KeyObject; keyid: string }>();

function keyFor(role: TrustRole): { key: KeyObject; keyid: string } {
  let k = keys.get(role);
  if (k === undefined) {
    const signer = signerFor(KEYRING, role);
    k = { key: createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.from(signer.secretKey)]), format: 'der', type: 'pkcs8' }), keyid: signer.keyid };
    keys.set(role, k);
  }
  return k;
}

/** The demo key of `role`'s Ed25519 signature over `message`, and that key's keyid. */
export function fastSign(role: TrustRole, message: Uint8Array): { readonly sig: Uint8Array; readonly keyid: string } {
  const { key, keyid } = keyFor(role);
  return { sig: cryptoSign(null, message, key), keyid };
}
