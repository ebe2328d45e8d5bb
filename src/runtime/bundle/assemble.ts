/**
 * Closes a run into a proof bundle: every part in its fixed order, then the manifest (signed by
 * the harness key) committing to the counts and to the RFC 9162 Merkle root over every part
 * (src/core/bundle/leaves.ts), so nothing can be dropped, reordered or added afterwards.
 */
import { canonicalBytes } from '../../core/canonical.js';
import { signDsse } from '../../core/dsse.js';
import { BUNDLE_MEDIA_TYPE, BUNDLE_VERSION, PAYLOAD_TYPES } from '../../core/bundle/media-types.js';
import { bundleCounts, bundleMerkleRoot, type BundleBody } from '../../core/bundle/leaves.js';
import type { ManifestPayload, ProofBundle } from '../../core/bundle/types.js';
import type { Digest } from '../../core/hash.js';
import { formatTimestamp } from '../clock.js';
import { runtimeError } from '../errors.js';
import type { Signer } from '../keys/keyring.js';

export interface ManifestBinding {
  readonly jobId: string;
  readonly policyHash: Digest;
  readonly cstJti: string;
  readonly cstHash: Digest;
}

export function assembleBundle(body: BundleBody, binding: ManifestBinding, harness: Signer, createdAtMs: number): ProofBundle {
  if (harness.role !== 'harness') {
    throw runtimeError('RUN_INPUT_INVALID', `the manifest is signed with the harness key, not the ${harness.role} key`);
  }
  const { root, treeSize } = bundleMerkleRoot(body);
  const manifest: ManifestPayload = {
    v: 1,
    bundle_media_type: BUNDLE_MEDIA_TYPE,
    bundle_version: BUNDLE_VERSION,
    job_id: binding.jobId,
    policy_hash: binding.policyHash,
    cst_jti: binding.cstJti,
    cst_hash: binding.cstHash,
    created_at: formatTimestamp(createdAtMs),
    counts: bundleCounts(body),
    tree_size: treeSize,
    merkle_root: root,
  };
  return {
    mediaType: BUNDLE_MEDIA_TYPE,
    version: BUNDLE_VERSION,
    wpc: body.wpc,
    cst: body.cst,
    receipts: [...body.receipts],
    records: [...body.records],
    approvals: [...body.approvals],
    model_views: [...body.model_views],
    model_responses: [...body.model_responses],
    tickets: [...body.tickets],
    manifest: signDsse(PAYLOAD_TYPES.manifest, canonicalBytes(manifest), [harness]),
  };
}
