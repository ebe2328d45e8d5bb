import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { base64Decode, hexDecode, hexEncode, utf8Encode } from '../../src/core/bytes.js';
import { isClawproofError } from '../../src/core/errors.js';
import { sha256Bytes } from '../../src/core/hash.js';
import {
  checkMerkleConsistency,
  checkMerkleInclusion,
  merkleConsistencyProof,
  merkleInclusionProof,
  merkleLeafHash,
  merkleNodeHash,
  merkleRoot,
  verifyMerkleConsistency,
  verifyMerkleInclusion,
} from '../../src/core/merkle.js';

function loadVector<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../vectors/transparency-dev-merkle/${name}`, import.meta.url), 'utf8')) as T;
}

interface InclusionProbe {
  file: string;
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ConsistencyProbe {
  file: string;
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ReferenceTree {
  leaf_inputs_hex: string[];
  node_hashes_by_level_hex: { levels: string[][] };
  root_hashes_by_tree_size_hex: { roots: string[] };
}
interface HasherVector {
  desc: string;
  op: 'empty_root' | 'hash_leaf' | 'hash_children';
  leaf_hex?: string;
  left_hex?: string;
  right_hex?: string;
  want_hex: string;
}

const inclusionProbes = loadVector<{ probes: InclusionProbe[] }>('all_inclusion_probes.json').probes;
const consistencyProbes = loadVector<{ probes: ConsistencyProbe[] }>('all_consistency_probes.json').probes;
const reference = loadVector<ReferenceTree>('reference_tree.json');
const hasherVectors = loadVector<{ vectors: HasherVector[] }>('rfc6962_hasher_vectors.json').vectors;

const referenceLeafHashes = reference.leaf_inputs_hex.map((h) => merkleLeafHash(hexDecode(h)));
const b64 = (s: string) => base64Decode(s);
const proofOf = (p: string[] | null) => (p ?? []).map(b64);

/** MTH straight from the recursive definition of RFC 9162 section 2.1.1, as an independent oracle. */
function recursiveRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256Bytes(new Uint8Array(0));
  if (leaves.length === 1) return leaves[0]!;
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return merkleNodeHash(recursiveRoot(leaves.slice(0, k)), recursiveRoot(leaves.slice(k)));
}

function leavesOfSize(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, i) => merkleLeafHash(utf8Encode(`leaf ${i}`)));
}

function flipBit(h: Uint8Array, bit = 0): Uint8Array {
  const copy = Uint8Array.from(h);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

/** Small deterministic PRNG (mulberry32) so the "random" cases are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectArgumentError(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    expect(isClawproofError(e) && e.code).toBe('MERKLE_ARGUMENT_INVALID');
    return;
  }
  throw new Error('expected MERKLE_ARGUMENT_INVALID');
}

describe('RFC 6962 hasher vectors', () => {
  it.each(hasherVectors)('$desc', (v) => {
    let got: Uint8Array;
    if (v.op === 'empty_root') got = merkleRoot([]);
    else if (v.op === 'hash_leaf') got = merkleLeafHash(hexDecode(v.leaf_hex!));
    else got = merkleNodeHash(hexDecode(v.left_hex!), hexDecode(v.right_hex!));
    expect(hexEncode(got)).toBe(v.want_hex);
  });
});

describe('reference tree', () => {
  it('leaf hashes are the level-0 node hashes', () => {
    expect(referenceLeafHashes.map(hexEncode)).toEqual(reference.node_hashes_by_level_hex.levels[0]);
  });

  it('every complete subtree root matches the node hash table', () => {
    reference.node_hashes_by_level_hex.levels.forEach((level, l) => {
      level.forEach((want, i) => {
        const span = 2 ** l;
        expect(hexEncode(merkleRoot(referenceLeafHashes.slice(i * span, (i + 1) * span)))).toBe(want);
      });
    });
  });

  it.each(reference.root_hashes_by_tree_size_hex.roots.map((root, size) => ({ size, root })))(
    'root of the first $size leaves',
    ({ size, root }) => {
      expect(hexEncode(merkleRoot(referenceLeafHashes.slice(0, size)))).toBe(root);
    },
  );
});

describe('merkleRoot', () => {
  it('matches the recursive definition for every size up to 70', () => {
    const leaves = leavesOfSize(70);
    for (let n = 0; n <= 70; n++) {
      expect(hexEncode(merkleRoot(leaves.slice(0, n)))).toBe(hexEncode(recursiveRoot(leaves.slice(0, n))));
    }
  });

  it('is the leaf hash itself for one leaf and SHA-256 of nothing for none', () => {
    const [leaf] = leavesOfSize(1);
    expect(merkleRoot([leaf!])).toEqual(leaf);
    expect(hexEncode(merkleRoot([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('rejects leaf hashes that are not 32 bytes', () => {
    expectArgumentError(() => merkleRoot([new Uint8Array(31)]));
    expectArgumentError(() => merkleRoot([new Uint8Array(32), new Uint8Array(33)]));
    expectArgumentError(() => merkleRoot(['00'] as unknown as Uint8Array[]));
    expectArgumentError(() => merkleRoot(null as unknown as Uint8Array[]));
  });

  it('separates leaves from nodes: a node presented as a leaf does not give the same root', () => {
    const [a, b] = leavesOfSize(2);
    const node = merkleNodeHash(a!, b!);
    expect(merkleRoot([a!, b!])).toEqual(node);
    expect(merkleRoot([merkleLeafHash(new Uint8Array([...a!, ...b!]))])).not.toEqual(node);
  });
});

describe('transparency-dev inclusion probes', () => {
  it.each(inclusionProbes)('$file (wantErr $wantErr)', (p) => {
    const result = checkMerkleInclusion(b64(p.leafHash), p.leafIdx, p.treeSize, proofOf(p.proof), b64(p.root));
    expect(result.ok).toBe(!p.wantErr);
    expect(verifyMerkleInclusion(b64(p.leafHash), p.leafIdx, p.treeSize, proofOf(p.proof), b64(p.root))).toBe(
      !p.wantErr,
    );
  });

  it.each(inclusionProbes.filter((p) => !p.wantErr && p.file.startsWith('inclusion/') && /\/\d\//.test(p.file)))(
    'produced proof equals the probe: $file',
    (p) => {
      const leaves = referenceLeafHashes.slice(0, p.treeSize);
      expect(merkleInclusionProof(p.leafIdx, leaves).map(hexEncode)).toEqual(proofOf(p.proof).map(hexEncode));
      expect(hexEncode(merkleRoot(leaves))).toBe(hexEncode(b64(p.root)));
    },
  );

  it('[R-SIG-17] names the failure: malformed question versus a proof that does not connect', () => {
    const byFile = (f: string) => inclusionProbes.find((p) => p.file === f)!;
    const run = (p: InclusionProbe) =>
      checkMerkleInclusion(b64(p.leafHash), p.leafIdx, p.treeSize, proofOf(p.proof), b64(p.root));
    expect(run(byFile('inclusion/1/leafIdx-sub-@1.json'))).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(run(byFile('inclusion/1/inserted-component.json'))).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(run(byFile('inclusion/single-entry/empty-root-and-leaf.json'))).toMatchObject({
      code: 'MERKLE_ARGUMENT_INVALID',
    });
    expect(run(byFile('inclusion/1/modified-proof[1]-bit-@3.json'))).toMatchObject({ code: 'MERKLE_PROOF_INVALID' });
    expect(run(byFile('inclusion/2/random-root.json'))).toMatchObject({ code: 'MERKLE_PROOF_INVALID' });
    expect(run(byFile('inclusion/4/leafIdx-XOR-@2.json'))).toMatchObject({ code: 'MERKLE_PROOF_INVALID' });
  });
});

/**
 * Where this implementation is deliberately stricter than transparency-dev: its verifier
 * compares the two roots of equal-size trees without looking at them, so 12-byte "roots" pass.
 * Here every root must be a 32-byte hash, whatever the sizes.
 */
const STRICTER_THAN_UPSTREAM = new Set(['consistency/additional/sizes-are-equal-one-and-proof-is-empty.json']);

describe('transparency-dev consistency probes', () => {
  it.each(consistencyProbes.filter((p) => !STRICTER_THAN_UPSTREAM.has(p.file)))('$file (wantErr $wantErr)', (p) => {
    const args = [p.size1, p.size2, b64(p.root1), b64(p.root2), proofOf(p.proof)] as const;
    expect(checkMerkleConsistency(...args).ok).toBe(!p.wantErr);
    expect(verifyMerkleConsistency(...args)).toBe(!p.wantErr);
  });

  it.each(consistencyProbes.filter((p) => STRICTER_THAN_UPSTREAM.has(p.file)))(
    'rejects roots that are not 32 bytes even for equal sizes: $file',
    (p) => {
      expect(p.wantErr).toBe(false);
      expect(b64(p.root1).length).not.toBe(32);
      expect(checkMerkleConsistency(p.size1, p.size2, b64(p.root1), b64(p.root2), proofOf(p.proof))).toMatchObject({
        code: 'MERKLE_ARGUMENT_INVALID',
      });
      const root = merkleRoot(referenceLeafHashes.slice(0, 1));
      expect(verifyMerkleConsistency(p.size1, p.size2, root, root, proofOf(p.proof))).toBe(true);
    },
  );

  it.each(consistencyProbes.filter((p) => !p.wantErr && /^consistency\/\d\//.test(p.file)))(
    'produced proof equals the probe: $file',
    (p) => {
      const leaves = referenceLeafHashes.slice(0, p.size2);
      expect(merkleConsistencyProof(p.size1, leaves).map(hexEncode)).toEqual(proofOf(p.proof).map(hexEncode));
    },
  );

  it('names the failure', () => {
    const byFile = (f: string) => consistencyProbes.find((p) => p.file === f)!;
    const run = (p: ConsistencyProbe) =>
      checkMerkleConsistency(p.size1, p.size2, b64(p.root1), b64(p.root2), proofOf(p.proof));
    expect(run(byFile('consistency/1/size1-sub-@1.json'))).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(run(byFile('consistency/additional/size1-is-greater-than-size2.json'))).toMatchObject({
      code: 'MERKLE_ARGUMENT_INVALID',
    });
    expect(run(byFile('consistency/2/truncated-proof.json'))).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(run(byFile('consistency/2/swapped-roots.json'))).toMatchObject({ code: 'MERKLE_PROOF_INVALID' });
    expect(run(byFile('consistency/3/wrong-root2.json'))).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(run(byFile('consistency/3/modified-proof@1-bit-@4.json'))).toMatchObject({ code: 'MERKLE_PROOF_INVALID' });
    const root = merkleRoot(referenceLeafHashes.slice(0, 3));
    expect(checkMerkleConsistency(3, 3, root, flipBit(root), [])).toMatchObject({ code: 'MERKLE_PROOF_INVALID' });
    // [R-SIG-18] every tree extends the empty one: a proof from 0 leaves proves nothing, even an empty one
    expect(checkMerkleConsistency(0, 3, merkleRoot([]), root, [])).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(checkMerkleConsistency(0, 0, merkleRoot([]), merkleRoot([]), [])).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
  });
});

describe('produced proofs round-trip', () => {
  const leaves = leavesOfSize(64);
  const roots = Array.from({ length: 65 }, (_, n) => merkleRoot(leaves.slice(0, n)));

  it('every inclusion proof up to size 64 verifies, and fails for a changed hash, leaf or index', () => {
    for (let size = 1; size <= 64; size++) {
      const tree = leaves.slice(0, size);
      for (let index = 0; index < size; index++) {
        const proof = merkleInclusionProof(index, tree);
        expect(verifyMerkleInclusion(tree[index]!, index, size, proof, roots[size]!)).toBe(true);
        proof.forEach((_, i) => {
          const tampered = proof.map((h, j) => (j === i ? flipBit(h, 7 * i) : h));
          expect(verifyMerkleInclusion(tree[index]!, index, size, tampered, roots[size]!)).toBe(false);
        });
        expect(verifyMerkleInclusion(flipBit(tree[index]!), index, size, proof, roots[size]!)).toBe(false);
        if (size > 1) {
          const other = (index + 1) % size;
          expect(verifyMerkleInclusion(tree[index]!, other, size, proof, roots[size]!)).toBe(false);
        }
        expect(verifyMerkleInclusion(tree[index]!, index, size + 1, proof, roots[size + 1] ?? roots[size]!)).toBe(
          false,
        );
      }
    }
  });

  it('every consistency proof up to size 64 verifies, and fails for a changed hash or root', () => {
    for (let size = 1; size <= 64; size++) {
      const tree = leaves.slice(0, size);
      for (let oldSize = 1; oldSize <= size; oldSize++) {
        const proof = merkleConsistencyProof(oldSize, tree);
        expect(verifyMerkleConsistency(oldSize, size, roots[oldSize]!, roots[size]!, proof)).toBe(true);
        proof.forEach((_, i) => {
          const tampered = proof.map((h, j) => (j === i ? flipBit(h, 5 * i + 1) : h));
          expect(verifyMerkleConsistency(oldSize, size, roots[oldSize]!, roots[size]!, tampered)).toBe(false);
        });
        expect(verifyMerkleConsistency(oldSize, size, flipBit(roots[oldSize]!), roots[size]!, proof)).toBe(false);
        expect(verifyMerkleConsistency(oldSize, size, roots[oldSize]!, flipBit(roots[size]!), proof)).toBe(false);
      }
    }
  });

  it('random proofs in larger trees verify', () => {
    const rand = prng(9162);
    for (const size of [65, 127, 128, 129, 1000, 1023, 1025, 4099]) {
      const tree = leavesOfSize(size);
      const root = merkleRoot(tree);
      for (let trial = 0; trial < 8; trial++) {
        const index = Math.floor(rand() * size);
        expect(verifyMerkleInclusion(tree[index]!, index, size, merkleInclusionProof(index, tree), root)).toBe(true);
        const oldSize = 1 + Math.floor(rand() * size);
        const oldRoot = merkleRoot(tree.slice(0, oldSize));
        const proof = merkleConsistencyProof(oldSize, tree);
        expect(verifyMerkleConsistency(oldSize, size, oldRoot, root, proof)).toBe(true);
      }
    }
  });
});

describe('sizes beyond 32 bits', () => {
  // A tree whose leaves are all equal has level hashes L[k] = node(L[k-1], L[k-1]), so proofs in
  // a tree of 2^40 (+1) leaves can be written down without building it.
  const leaf = merkleLeafHash(utf8Encode('same'));
  const levels = [leaf];
  for (let k = 1; k <= 40; k++) levels.push(merkleNodeHash(levels[k - 1]!, levels[k - 1]!));
  const big = 2 ** 40;

  it('verifies inclusion of the last leaf of a complete tree of 2^40 leaves', () => {
    expect(verifyMerkleInclusion(leaf, big - 1, big, levels.slice(0, 40), levels[40]!)).toBe(true);
    expect(verifyMerkleInclusion(leaf, big - 1, big, levels.slice(0, 39), levels[40]!)).toBe(false);
  });

  it('verifies inclusion at both ends of a tree of 2^40 + 1 leaves', () => {
    const root = merkleNodeHash(levels[40]!, leaf);
    expect(verifyMerkleInclusion(leaf, big, big + 1, [levels[40]!], root)).toBe(true);
    expect(verifyMerkleInclusion(leaf, 0, big + 1, [...levels.slice(0, 40), leaf], root)).toBe(true);
  });

  it('verifies consistency from 2^40 to 2^40 + 1 leaves', () => {
    const root = merkleNodeHash(levels[40]!, leaf);
    expect(verifyMerkleConsistency(big, big + 1, levels[40]!, root, [leaf])).toBe(true);
  });

  it('rejects sizes that are not safe integers', () => {
    expect(checkMerkleInclusion(leaf, 0, 2 ** 64, [], leaf)).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(checkMerkleInclusion(leaf, 0.5, 2, [leaf], leaf)).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
    expect(checkMerkleConsistency(1, Number.NaN, leaf, leaf, [])).toMatchObject({ code: 'MERKLE_ARGUMENT_INVALID' });
  });
});

describe('argument errors', () => {
  const tree = leavesOfSize(5);

  it('proof producers reject indices and sizes outside the tree', () => {
    expectArgumentError(() => merkleInclusionProof(5, tree));
    expectArgumentError(() => merkleInclusionProof(-1, tree));
    expectArgumentError(() => merkleInclusionProof(0, []));
    expectArgumentError(() => merkleConsistencyProof(0, tree));
    expectArgumentError(() => merkleConsistencyProof(6, tree));
  });

  it('equal sizes give an empty consistency proof', () => {
    expect(merkleConsistencyProof(5, tree)).toEqual([]);
  });

  it('[R-SIG-17] verifiers name a wrong proof length as an argument problem with the expected length', () => {
    const proof = merkleInclusionProof(2, tree);
    const result = checkMerkleInclusion(tree[2]!, 2, 5, [...proof, proof[0]!], merkleRoot(tree));
    expect(result).toMatchObject({ ok: false, code: 'MERKLE_ARGUMENT_INVALID' });
    expect(!result.ok && result.message).toContain(`needs ${proof.length}`);
  });

  it('verifiers never throw on junk arguments', () => {
    const junk = [undefined, null, 'x', {}, [1], new Uint8Array(31)] as unknown[];
    for (const j of junk) {
      const h = j as Uint8Array;
      const p = j as Uint8Array[];
      expect(verifyMerkleInclusion(h, 0, 1, [], tree[0]!)).toBe(false);
      expect(verifyMerkleInclusion(tree[0]!, 0, 1, p, tree[0]!)).toBe(false);
      expect(verifyMerkleConsistency(1, 1, h, tree[0]!, [])).toBe(false);
      expect(verifyMerkleConsistency(1, 2, tree[0]!, tree[1]!, p)).toBe(false);
    }
  });
});
