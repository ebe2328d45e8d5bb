/**
 * Merkle trees over SHA-256 as defined in RFC 9162 section 2.1 (the RFC 6962 tree): leaf and
 * interior-node hashing, the tree head, inclusion proofs and consistency proofs.
 *
 * Leaves are hashed with a 0x00 prefix and interior nodes with 0x01 (section 2.1.1), so an
 * interior node can never be passed off as a leaf (second-preimage attack on the tree).
 * Producers follow the recursive definitions of sections 2.1.1, 2.1.3.1 and 2.1.4.1; verifiers
 * follow the step-by-step algorithms of sections 2.1.3.2 and 2.1.4.2. Sizes and indices are
 * JavaScript safe integers (up to 2^53 - 1).
 */
import { bytesEqual } from './bytes.js';
import { coreError } from './errors.js';
import { sha256Bytes, sha256BytesOfParts } from './hash.js';

/** Every leaf hash, node hash, root and proof entry is one SHA-256 output. */
export const MERKLE_HASH_LENGTH = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

export type MerkleFailureCode = 'MERKLE_ARGUMENT_INVALID' | 'MERKLE_PROOF_INVALID';

/**
 * Outcome of a proof check. MERKLE_ARGUMENT_INVALID: the question itself is malformed (index
 * outside the tree, sizes out of order, hashes that are not 32 bytes, a proof of the wrong
 * length). MERKLE_PROOF_INVALID: well-formed, but the proof does not connect the given hashes.
 */
export type MerkleCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: MerkleFailureCode; readonly message: string };

/** SHA-256(0x00 || data): the hash of one leaf's input bytes. */
export function merkleLeafHash(data: Uint8Array): Uint8Array {
  if (!(data instanceof Uint8Array)) throw argumentError('merkleLeafHash expects a Uint8Array');
  return sha256BytesOfParts([LEAF_PREFIX, data]);
}

/**
 * SHA-256(0x01 || left || right): the hash of an interior node. Inputs of any length are hashed
 * as given (the RFC 6962 hasher vectors use short strings); trees only ever pass 32-byte hashes.
 */
export function merkleNodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (!(left instanceof Uint8Array) || !(right instanceof Uint8Array)) {
    throw argumentError('merkleNodeHash expects two Uint8Arrays');
  }
  return sha256BytesOfParts([NODE_PREFIX, left, right]);
}

/** The tree head MTH(D[n]) over leaf hashes; the empty tree's head is SHA-256 of no bytes. */
export function merkleRoot(leafHashes: readonly Uint8Array[]): Uint8Array {
  checkLeafHashes(leafHashes);
  return rangeRoot(leafHashes, 0, leafHashes.length);
}

/** PATH(index, D[n]) of section 2.1.3.1: sibling hashes from the leaf up to the root. */
export function merkleInclusionProof(index: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  checkLeafHashes(leafHashes);
  const size = leafHashes.length;
  if (!isSize(index) || index >= size) {
    throw argumentError(`leaf index ${describe(index)} is outside a tree of size ${size}`);
  }
  return inclusionSiblings(index, size).map(([lo, hi]) => rangeRoot(leafHashes, lo, hi));
}

/**
 * PROOF(oldSize, D[n]) of section 2.1.4.1: proves that the tree of the first `oldSize` leaves is
 * a prefix of the tree of all of them. Empty when the sizes are equal. The RFC defines no proof
 * from the empty tree (any tree extends it), so oldSize 0 is an argument error.
 */
export function merkleConsistencyProof(oldSize: number, leafHashes: readonly Uint8Array[]): Uint8Array[] {
  checkLeafHashes(leafHashes);
  const size = leafHashes.length;
  if (!isSize(oldSize) || oldSize < 1 || oldSize > size) {
    throw argumentError(`old size ${describe(oldSize)} must be between 1 and the tree size ${size}`);
  }
  return consistencySiblings(oldSize, size).map(([lo, hi]) => rangeRoot(leafHashes, lo, hi));
}

/** Checks an inclusion proof (section 2.1.3.2) and says why it fails. Never throws. */
export function checkMerkleInclusion(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): MerkleCheck {
  if (!isSize(treeSize)) return argumentFailure(`tree size ${describe(treeSize)} is not a non-negative safe integer`);
  if (!isSize(index) || index >= treeSize) {
    return argumentFailure(`leaf index ${describe(index)} is outside a tree of size ${treeSize}`);
  }
  const shapeProblem =
    hashProblem(leafHash, 'leaf hash') ?? hashProblem(root, 'root') ?? proofProblem(proof);
  if (shapeProblem !== undefined) return argumentFailure(shapeProblem);
  const expected = inclusionSiblings(index, treeSize).length;
  if (proof.length !== expected) {
    return argumentFailure(
      `inclusion proof has ${proof.length} hashes; leaf ${index} of a tree of size ${treeSize} needs ${expected}`,
    );
  }

  // Section 2.1.3.2, steps 2-5. fn walks the leaf's position up the tree, sn the last position.
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return proofFailure('inclusion proof is longer than the path to the root');
    if (isOdd(fn) || fn === sn) {
      r = merkleNodeHash(p, r);
      if (!isOdd(fn)) {
        // The node is the last one on its level and has no right sibling: skip the levels
        // where it is promoted unchanged.
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = merkleNodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return proofFailure('inclusion proof is shorter than the path to the root');
  if (!bytesEqual(r, root)) {
    return proofFailure(`inclusion proof for leaf ${index} does not lead to the root of a tree of size ${treeSize}`);
  }
  return { ok: true };
}

/** True when the inclusion proof is valid; see checkMerkleInclusion for the reason when not. */
export function verifyMerkleInclusion(
  leafHash: Uint8Array,
  index: number,
  treeSize: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  return checkMerkleInclusion(leafHash, index, treeSize, proof, root).ok;
}

/**
 * Checks a consistency proof (section 2.1.4.2) and says why it fails. Never throws. Equal sizes
 * need an empty proof and equal roots. Old size 0 is rejected: a proof from the empty tree
 * proves nothing, and accepting one would let a log "extend" a history it never committed to.
 */
export function checkMerkleConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): MerkleCheck {
  if (!isSize(oldSize) || !isSize(newSize)) {
    const sizes = `${describe(oldSize)} and ${describe(newSize)}`;
    return argumentFailure(`tree sizes ${sizes} must be non-negative safe integers`);
  }
  if (oldSize === 0) return argumentFailure('consistency with the empty tree (old size 0) is not defined');
  if (oldSize > newSize) return argumentFailure(`old size ${oldSize} is larger than new size ${newSize}`);
  const shapeProblem = hashProblem(oldRoot, 'old root') ?? hashProblem(newRoot, 'new root') ?? proofProblem(proof);
  if (shapeProblem !== undefined) return argumentFailure(shapeProblem);
  const expected = consistencySiblings(oldSize, newSize).length;
  if (proof.length !== expected) {
    return argumentFailure(
      `consistency proof has ${proof.length} hashes; sizes ${oldSize} -> ${newSize} need ${expected}`,
    );
  }
  if (oldSize === newSize) {
    return bytesEqual(oldRoot, newRoot) ? { ok: true } : proofFailure(`roots differ for the same tree size ${oldSize}`);
  }

  // Section 2.1.4.2. When oldSize is a power of two the old tree is a complete subtree of the
  // new one and its root is not repeated in the proof: start from the old root itself.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return proofFailure('consistency proof is longer than the path to the new root');
    if (isOdd(fn) || fn === sn) {
      fr = merkleNodeHash(c, fr);
      sr = merkleNodeHash(c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = merkleNodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return proofFailure('consistency proof is shorter than the path to the new root');
  if (!bytesEqual(fr, oldRoot)) {
    return proofFailure(`consistency proof does not lead to the old root (size ${oldSize})`);
  }
  if (!bytesEqual(sr, newRoot)) {
    return proofFailure(`consistency proof does not lead to the new root (size ${newSize})`);
  }
  return { ok: true };
}

/** True when the consistency proof is valid; see checkMerkleConsistency for the reason when not. */
export function verifyMerkleConsistency(
  oldSize: number,
  newSize: number,
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  return checkMerkleConsistency(oldSize, newSize, oldRoot, newRoot, proof).ok;
}

// --- tree shape -------------------------------------------------------------------------------

/** Half-open leaf range [lo, hi) of a complete-or-rightmost subtree. */
type LeafRange = readonly [lo: number, hi: number];

/** k of section 2.1.1: the largest power of two smaller than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The subtrees whose roots form PATH(index, D[size]), leaf to root. The walk goes top-down,
 * each step keeping the half that holds the leaf and recording the other half.
 */
function inclusionSiblings(index: number, size: number): LeafRange[] {
  const siblings: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      siblings.push([mid, hi]);
      hi = mid;
    } else {
      siblings.push([lo, mid]);
      lo = mid;
    }
  }
  return siblings.reverse();
}

/** The subtrees whose roots form PROOF(oldSize, D[size]) = SUBPROOF(oldSize, D[size], true). */
function consistencySiblings(oldSize: number, size: number): LeafRange[] {
  const nodes: LeafRange[] = [];
  let lo = 0;
  let hi = size;
  let m = oldSize; // old leaves inside [lo, hi)
  let isWholeOldTree = true; // the b flag of SUBPROOF
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      nodes.push([lo + k, hi]);
      hi = lo + k;
    } else {
      nodes.push([lo, lo + k]);
      lo += k;
      m -= k;
      isWholeOldTree = false;
    }
  }
  if (!isWholeOldTree) nodes.push([lo, hi]);
  return nodes.reverse();
}

/**
 * MTH over leafHashes[lo, hi), in one pass with a stack of complete-subtree roots (O(n) time,
 * O(log n) memory). Merging while the count is even and folding the rest right to left gives
 * exactly the left-heavy split of section 2.1.1.
 */
function rangeRoot(leafHashes: readonly Uint8Array[], lo: number, hi: number): Uint8Array {
  if (hi === lo) return sha256Bytes(new Uint8Array(0));
  const stack: Uint8Array[] = [];
  for (let i = lo; i < hi; i++) {
    let node = leafHashes[i]!;
    for (let count = i - lo + 1; count % 2 === 0; count /= 2) node = merkleNodeHash(stack.pop()!, node);
    stack.push(node);
  }
  let root = stack.pop()!;
  while (stack.length > 0) root = merkleNodeHash(stack.pop()!, root);
  return root;
}

// --- argument checks --------------------------------------------------------------------------

function checkLeafHashes(leafHashes: readonly Uint8Array[]): void {
  if (!Array.isArray(leafHashes)) throw argumentError('leaf hashes must be an array');
  leafHashes.forEach((h, i) => {
    const problem = hashProblem(h, `leaf hash ${i}`);
    if (problem !== undefined) throw argumentError(problem);
  });
}

function hashProblem(h: unknown, what: string): string | undefined {
  if (!(h instanceof Uint8Array)) return `${what} must be a Uint8Array`;
  if (h.length !== MERKLE_HASH_LENGTH) return `${what} has ${h.length} bytes; expected ${MERKLE_HASH_LENGTH}`;
  return undefined;
}

function proofProblem(proof: unknown): string | undefined {
  if (!Array.isArray(proof)) return 'proof must be an array of hashes';
  for (let i = 0; i < proof.length; i++) {
    const problem = hashProblem(proof[i], `proof hash ${i}`);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function isSize(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

// Division instead of >>> keeps sizes above 2^32 exact.
function half(n: number): number {
  return Math.floor(n / 2);
}

function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}

function describe(n: unknown): string {
  return typeof n === 'number' ? String(n) : typeof n;
}

function argumentError(message: string) {
  return coreError('MERKLE_ARGUMENT_INVALID', message);
}

function argumentFailure(message: string): MerkleCheck {
  return { ok: false, code: 'MERKLE_ARGUMENT_INVALID', message };
}

function proofFailure(message: string): MerkleCheck {
  return { ok: false, code: 'MERKLE_PROOF_INVALID', message };
}
