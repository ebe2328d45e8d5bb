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
  const parts: unknown[] = [
    body.wpc,
    body.cst,
    ...body.receipts,
    ...body.records,
    ...body.approvals,
    ...body.model_views,
    ...body.model_responses,
    ...body.tickets,
  ];
  return parts.map((part) => canonicalBytes(part));
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
  const leaves = bundleLeafData(body).map((data) => merkleLeafHash(data));
  return { root: `sha256:${hexEncode(merkleRoot(leaves))}`, treeSize: leaves.length };
}
