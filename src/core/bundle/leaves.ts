/**
 * The Merkle leaves a manifest commits to (RFC 9162 sec 2.1 hashing). Every part of a bundle except the
 * manifest itself is a leaf, in one fixed order, so nothing can be dropped, reordered or added without
 * changing the root or a count.
 */
import { canonicalBytes } from '../canonical.js';
import { merkleLeafHash, merkleRoot } from '../merkle.js';
import { hexEncode } from '../bytes.js';
import type { Digest } from '../hash.js';
import type { BundleCounts, ProofBundle } from './types.js';

export type BundleBody = Omit<ProofBundle, 'manifest' | 'mediaType' | 'version'>;

/** Leaf data in order: wpc, cst, receipts, records, approvals, model_views, model_responses, tickets. */
export function bundleLeafData(body: BundleBody): Uint8Array[] {
  return bundleParts(body).map((part) => canonicalBytes(part));
}

function bundleParts(body: BundleBody): unknown[] {
  return [body.wpc, body.cst, ...body.receipts, ...body.records, ...body.approvals, ...body.model_views, ...body.model_responses, ...body.tickets];
}

export function bundleCounts(body: BundleBody): BundleCounts {
  return {
    receipts: body.receipts.length,
    records: body.records.length,
    approvals: body.approvals.length,
    model_views: body.model_views.length,
    model_responses: body.model_responses.length,
    tickets: body.tickets.length,
  };
}

export function bundleMerkleRoot(body: BundleBody): { root: Digest; treeSize: number } {
  // Each part's canonical bytes are hashed and dropped at once: holding every leaf's bytes
  // before hashing them cost as much memory again as the whole bundle.
  const leaves = bundleParts(body).map((part) => merkleLeafHash(canonicalBytes(part)));
  return { root: `sha256:${hexEncode(merkleRoot(leaves))}`, treeSize: leaves.length };
}
