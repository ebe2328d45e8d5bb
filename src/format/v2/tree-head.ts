/**
 * Checks one tree head against the tree a reader recomputed from the lines present, and its
 * signature with a given public key (core's strict Ed25519). Pure and trust-free: which key a
 * service may sign with is the verifier's question (its trust root), not this function's.
 */
import { bytesEqual, hexEncode } from '../../core/bytes.js';
import { parseDigest } from '../../core/hash.js';
import type { VerifySignatureOptions } from '../../core/ed25519/index.js';
import type { TreeHeadCode } from './errors.js';
import { TREE_HEAD_PAYLOAD_TYPE, type TreeHeadService } from './media-types.js';
import type { RecomputedTree } from './read.js';
import { verifyLinePayload } from './sign-line.js';
import type { TreeHeadLine } from './signed-lines.js';

export interface TreeHeadProblem {
  readonly code: TreeHeadCode;
  readonly message: string;
  /** Into the tree head line. */
  readonly pointer: string;
}

/** A coverage problem: the head is not over exactly the lines present. */
export type CoverageProblem = TreeHeadProblem & { readonly code: Exclude<TreeHeadCode, 'TREE_HEAD_SIGNATURE_INVALID'> };

/** Every problem of the head, in a fixed order (service, size, root, signature); empty when it holds. */
export async function checkTreeHead(
  head: TreeHeadLine,
  expected: { readonly service: TreeHeadService; readonly tree: RecomputedTree; readonly publicKey: Uint8Array },
  options?: VerifySignatureOptions,
): Promise<TreeHeadProblem[]> {
  const problems: TreeHeadProblem[] = treeHeadCoverage(head, expected);
  if (!(await verifyLinePayload(TREE_HEAD_PAYLOAD_TYPE, head.payload, head.sig, expected.publicKey, options))) {
    problems.push({ code: 'TREE_HEAD_SIGNATURE_INVALID', message: `the ${expected.service} head's signature does not verify with the given key`, pointer: '/sig' });
  }
  return problems;
}

/** Whether the head states the service, size and root of the tree recomputed from the lines present (its signature aside). */
export function treeHeadCoverage(head: TreeHeadLine, expected: { readonly service: TreeHeadService; readonly tree: RecomputedTree }): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  const { payload } = head;
  if (payload.service !== expected.service) {
    problems.push({ code: 'TREE_HEAD_SERVICE_MISMATCH', message: `the head is the ${payload.service}'s, not the ${expected.service}'s`, pointer: '/payload/service' });
  }
  if (payload.size !== expected.tree.size) {
    problems.push({ code: 'TREE_SIZE_MISMATCH', message: `the ${expected.service} head covers ${payload.size} lines; the file has ${expected.tree.size}`, pointer: '/payload/size' });
  } else if (!bytesEqual(parseDigest(payload.root_hash), expected.tree.root)) {
    // At equal sizes only: a different size already explains a different root.
    problems.push({
      code: 'TREE_HEAD_MISMATCH',
      message: `the ${expected.service} head's root is not the root over the ${payload.size} lines present (sha256:${hexEncode(expected.tree.root)})`,
      pointer: '/payload/root_hash',
    });
  }
  return problems;
}
