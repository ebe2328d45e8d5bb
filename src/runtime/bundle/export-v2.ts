/**
 * A finished run's proof bundle as format v2 (docs/design/format-v2.md), signed with the run's
 * own service keys: the proxy key for the receipts and the proxy's tree head, the approver key for
 * the approvals, the harness key for the harness's tree head. v1 stays what a run writes by
 * default; this is the bridge (src/format/v2/encode.ts) until the runtime writes v2 as it goes.
 *
 * Each signer must be of its role and the key that signed that part of the v1 bundle: a v2 file
 * re-signed by another key than the run's would vouch for a run that key never saw.
 */
import type { ProofBundle } from '../../core/bundle/types.js';
import type { DsseEnvelope } from '../../core/dsse.js';
import { encodeBundleV2, type EncodedV2 } from '../../format/v2/encode.js';
import { runtimeError } from '../errors.js';
import { signerFor, type Keyring, type Signer } from '../keys/keyring.js';

/** The roles whose keys sign a v2 file, with the v1 parts each one signed in the run. */
const V2_ROLES = ['proxy', 'approver', 'harness'] as const;
type V2Role = (typeof V2_ROLES)[number];

export type V2RunSigners = { readonly [R in V2Role]: Signer };

/** The run's proxy, approver and harness signers from its keyring (KEY_ROLE_MISSING when one has none). */
export function v2SignersOf(keyring: Keyring): V2RunSigners {
  return { proxy: signerFor(keyring, 'proxy'), approver: signerFor(keyring, 'approver'), harness: signerFor(keyring, 'harness') };
}

/** The bundle's v2 lines and file bytes; RUN_INPUT_INVALID for a signer of the wrong role or not the run's. */
export function exportBundleV2(bundle: ProofBundle, signers: V2RunSigners): EncodedV2 {
  const signedBy: Readonly<Record<V2Role, readonly DsseEnvelope[]>> = {
    proxy: bundle.receipts,
    approver: bundle.approvals,
    harness: [bundle.manifest],
  };
  for (const role of V2_ROLES) {
    const signer = signers[role];
    if (signer?.role !== role) {
      throw runtimeError('RUN_INPUT_INVALID', `v2 ${partsOf(role)} are signed with the ${role} key, not the ${String(signer?.role)} key`, { pointer: `/${role}` });
    }
    const other = signedBy[role].find((e) => e.signatures.some((s) => s.keyid !== signer.keyid));
    if (other !== undefined) {
      const keyid = other.signatures.find((s) => s.keyid !== signer.keyid)!.keyid;
      throw runtimeError('RUN_INPUT_INVALID', `the run's ${partsOf(role)} are signed by ${role} key ${keyid}, not by the given ${role} key ${signer.keyid}`, { pointer: `/${role}` });
    }
  }
  return encodeBundleV2(bundle, signers);
}

function partsOf(role: V2Role): string {
  return role === 'proxy' ? 'receipts and the proxy tree head' : role === 'approver' ? 'approvals' : 'the harness tree head';
}
