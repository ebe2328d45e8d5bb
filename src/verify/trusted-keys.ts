/**
 * Key lookup for signature checks: only keys the auditor's trust root lists for the role an
 * envelope is signed in. Keys a bundle names are never used (a bundle vouching for itself proves
 * nothing). Validity windows are judged by the trust check against signing times, not here, so a
 * signature by an expired key still verifies and is then reported as KEY_OUTSIDE_VALIDITY.
 */
import { base64Decode } from '../core/bytes.js';
import type { TrustRole, TrustRoot } from '../core/trust-root.js';

export type KeyResolver = (keyid: string) => Uint8Array | undefined;

export function keyResolver(root: TrustRoot, role: TrustRole): KeyResolver {
  const keys = new Map<string, Uint8Array>();
  for (const key of root.keys) {
    if (key.role === role && !keys.has(key.keyid)) keys.set(key.keyid, base64Decode(key.publicKey));
  }
  return (keyid) => keys.get(keyid);
}
