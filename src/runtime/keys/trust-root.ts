/**
 * The public half of a keyring, as the trust root an auditor loads into the verifier. It carries
 * no secret: only role, key id, public key and validity window of each key.
 */
import { TRUST_ROOT_MEDIA_TYPE, TRUST_ROOT_VERSION, parseTrustRoot, type TrustRoot } from '../../core/trust-root.js';
import type { Keyring } from './keyring.js';

const COMMENTS: Readonly<Record<string, string>> = {
  controls: 'signs WPCs (clawcontrols)',
  scope: 'signs CSTs (clawscope)',
  proxy: 'signs gateway receipts (clawproxy)',
  harness: 'signs tool-decision records and bundle manifests',
  approver: 'signs approvals of proposals',
  log: 'reserved for transparency-log checkpoints',
};

export function trustRootFromKeyring(keyring: Keyring, name?: string): TrustRoot {
  const demo = keyring.purpose === 'demo';
  return parseTrustRoot({
    mediaType: TRUST_ROOT_MEDIA_TYPE,
    version: TRUST_ROOT_VERSION,
    name: name ?? (demo ? 'Clawproof demo trust root (demos only)' : `Trust root of ${keyring.name}`),
    ...(demo ? { demoOnly: true } : {}),
    keys: keyring.keys.map((k) => ({
      role: k.role,
      keyid: k.keyid,
      publicKey: k.publicKey,
      validFrom: k.validFrom,
      ...(k.validUntil === undefined ? {} : { validUntil: k.validUntil }),
      comment: COMMENTS[k.role] ?? k.role,
    })),
  });
}
