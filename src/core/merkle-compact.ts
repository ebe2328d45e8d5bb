/**
 * An RFC 9162 Merkle tree head computed leaf by leaf: the compact range of the tree, i.e. the
 * roots of its perfect subtrees from left to right (one per 1-bit of the size). Appending a leaf
 * merges equal-sized subtrees; the head folds the range from the right. Memory is O(log n), so a
 * reader can hash a file of any length as it streams past. The result equals merkleRoot over the
 * same leaf hashes (src/core/merkle.ts, whose leaf and node hashing it uses).
 */
import { coreError } from './errors.js';
import { sha256Bytes } from './hash.js';
import { MERKLE_HASH_LENGTH, merkleLeafHash, merkleNodeHash } from './merkle.js';

export class CompactMerkleTree {
  /** Perfect-subtree roots, largest (leftmost) first. */
  readonly #nodes: Uint8Array[] = [];
  #size = 0;

  /** Leaves appended so far. */
  get size(): number {
    return this.#size;
  }

  /** The perfect-subtree roots left to right (RFC 9162's compact range [0, size)); copies. */
  get nodes(): readonly Uint8Array[] {
    return this.#nodes.map((n) => n.slice());
  }

  /** Appends the leaf whose input bytes are `data` (hashed as SHA-256(0x00 || data)). */
  appendData(data: Uint8Array): void {
    this.appendLeafHash(merkleLeafHash(data));
  }

  /** Appends a leaf by its 32-byte leaf hash. */
  appendLeafHash(leafHash: Uint8Array): void {
    if (!(leafHash instanceof Uint8Array) || leafHash.length !== MERKLE_HASH_LENGTH) {
      throw coreError('MERKLE_ARGUMENT_INVALID', `a leaf hash must be ${MERKLE_HASH_LENGTH} bytes`);
    }
    if (this.#size >= Number.MAX_SAFE_INTEGER) throw coreError('MERKLE_ARGUMENT_INVALID', 'the tree is full');
    let node: Uint8Array = leafHash.slice();
    // Each trailing 1-bit of the old size is a subtree of the same height as `node`: merge it.
    for (let s = this.#size; s % 2 === 1; s = Math.floor(s / 2)) node = merkleNodeHash(this.#nodes.pop()!, node);
    this.#nodes.push(node);
    this.#size += 1;
  }

  /** MTH of the leaves so far; the empty tree's head is SHA-256 of no bytes. */
  root(): Uint8Array {
    if (this.#nodes.length === 0) return sha256Bytes(new Uint8Array(0));
    let root = this.#nodes[this.#nodes.length - 1]!;
    for (let i = this.#nodes.length - 2; i >= 0; i--) root = merkleNodeHash(this.#nodes[i]!, root);
    return root;
  }
}
