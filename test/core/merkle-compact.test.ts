import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hexDecode, hexEncode, utf8Encode } from '../../src/core/bytes.js';
import { isClawproofError } from '../../src/core/errors.js';
import { merkleLeafHash, merkleRoot } from '../../src/core/merkle.js';
import { CompactMerkleTree } from '../../src/core/merkle-compact.js';

interface ReferenceTree {
  leaf_inputs_hex: string[];
  root_hashes_by_tree_size_hex: { roots: string[] };
  compact_range_nodes_by_tree_size: { trees: { hash: string }[][] };
}
const reference = JSON.parse(
  readFileSync(new URL('../vectors/transparency-dev-merkle/reference_tree.json', import.meta.url), 'utf8'),
) as ReferenceTree;

function leavesOfSize(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => merkleLeafHash(utf8Encode(`leaf ${i}`)));
}

describe('CompactMerkleTree', () => {
  it('gives the reference tree root and compact range at every size 0..8', () => {
    const tree = new CompactMerkleTree();
    const check = (size: number) => {
      expect(tree.size).toBe(size);
      expect(hexEncode(tree.root())).toBe(reference.root_hashes_by_tree_size_hex.roots[size]);
      expect(tree.nodes.map(hexEncode)).toEqual(reference.compact_range_nodes_by_tree_size.trees[size]!.map((n) => n.hash));
    };
    check(0);
    reference.leaf_inputs_hex.forEach((hex, i) => {
      tree.appendData(hexDecode(hex));
      check(i + 1);
    });
  });

  it('equals the full-tree root after every append up to 300 leaves', () => {
    const leaves = leavesOfSize(300);
    const tree = new CompactMerkleTree();
    for (let n = 0; n <= 300; n++) {
      expect(hexEncode(tree.root()), `size ${n}`).toBe(hexEncode(merkleRoot(leaves.slice(0, n))));
      if (n < 300) tree.appendLeafHash(leaves[n]!);
    }
  });

  it.each([1023, 1024, 1025, 4097, 20_001])('equals the full-tree root at %i leaves, with one node per 1-bit of the size', (n) => {
    const leaves = leavesOfSize(n);
    const tree = new CompactMerkleTree();
    for (const leaf of leaves) tree.appendLeafHash(leaf);
    expect(hexEncode(tree.root())).toBe(hexEncode(merkleRoot(leaves)));
    expect(tree.nodes.length).toBe(n.toString(2).replace(/0/g, '').length);
  });

  it('keeps its state when the caller changes a leaf hash it passed in', () => {
    const [a, b] = leavesOfSize(2);
    const tree = new CompactMerkleTree();
    const mine = a!.slice();
    tree.appendLeafHash(mine);
    mine.fill(0);
    tree.appendLeafHash(b!);
    expect(hexEncode(tree.root())).toBe(hexEncode(merkleRoot([a!, b!])));
  });

  it('refuses a leaf hash that is not 32 bytes', () => {
    const tree = new CompactMerkleTree();
    try {
      tree.appendLeafHash(new Uint8Array(31));
      expect.unreachable();
    } catch (e) {
      expect(isClawproofError(e) && e.code).toBe('MERKLE_ARGUMENT_INVALID');
    }
    expect(tree.size).toBe(0);
  });
});
