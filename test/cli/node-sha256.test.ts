import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { hexDecode, hexEncode, utf8Encode } from '../../src/core/bytes.js';
import { sha256, sha256Bytes } from '../../src/core/hash.js';
import { merkleLeafHash } from '../../src/core/merkle.js';
import { nobleSha256Backend, sha256Backend, useSha256Backend } from '../../src/core/sha256-backend.js';
import { installNodeSha256Backend, nodeSha256Backend } from '../../src/cli/node-sha256.js';

const vectors = new URL('../vectors/', import.meta.url);
const botan = JSON.parse(readFileSync(new URL('botan-sha256/sha256_botan.json', vectors), 'utf8')) as { vectors: { in_hex: string; out_hex: string }[] };
const fips = JSON.parse(readFileSync(new URL('fips180-sha256/sha256_fips180_examples.json', vectors), 'utf8')) as {
  vectors: { name: string; input_ascii: string; repeat: number; digest_hex: string }[];
};

afterEach(() => useSha256Backend(null));

describe('the node:crypto SHA-256 backend', () => {
  it('gives the same digest as noble on every Botan vector, whole and split in parts', () => {
    const failures: string[] = [];
    for (const v of botan.vectors) {
      const input = hexDecode(v.in_hex);
      const half = Math.floor(input.length / 2);
      for (const [name, b] of [['node', nodeSha256Backend], ['noble', nobleSha256Backend]] as const) {
        if (hexEncode(b.digest([input])) !== v.out_hex) failures.push(`${name} ${v.in_hex.slice(0, 16)}`);
        if (hexEncode(b.digest([input.subarray(0, half), input.subarray(half)])) !== v.out_hex) failures.push(`${name} split ${v.in_hex.slice(0, 16)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('hashes one part (the one-shot path) and several parts (a Hash object) as noble does, at sizes around the block', () => {
    const data = new Uint8Array(3000).map((_, i) => i * 13);
    for (const n of [0, 1, 55, 56, 64, 65, 1023, 1024, 1025, 3000]) {
      const input = data.subarray(0, n);
      const expected = hexEncode(nobleSha256Backend.digest([input]));
      expect(hexEncode(nodeSha256Backend.digest([input]))).toBe(expected);
      expect(hexEncode(nodeSha256Backend.digest([input.subarray(0, n >> 1), input.subarray(n >> 1)]))).toBe(expected);
    }
  });

  it('returns a digest of its own, not a view into a buffer a later hash overwrites', () => {
    const first = nodeSha256Backend.digest([utf8Encode('abc')]);
    const copy = hexEncode(first);
    nodeSha256Backend.digest([utf8Encode('def')]);
    expect(hexEncode(first)).toBe(copy);
  });

  it.each(fips.vectors.map((v) => [v.name, v] as const))('FIPS 180 %s: both backends agree with the vector', (_name, v) => {
    const message = utf8Encode(v.input_ascii.repeat(v.repeat));
    expect(hexEncode(nodeSha256Backend.digest([message]))).toBe(v.digest_hex);
    expect(hexEncode(nobleSha256Backend.digest([message]))).toBe(v.digest_hex);
  });

  it('once installed, core hashing and Merkle leaves go through it and give the same results', () => {
    const data = new Uint8Array(100_000).map((_, i) => i * 7);
    const before = { digest: sha256(data), raw: hexEncode(sha256Bytes(data)), leaf: hexEncode(merkleLeafHash(data)) };
    installNodeSha256Backend();
    expect(sha256Backend()).toBe(nodeSha256Backend);
    expect({ digest: sha256(data), raw: hexEncode(sha256Bytes(data)), leaf: hexEncode(merkleLeafHash(data)) }).toEqual(before);
  });
});

describe('installing a SHA-256 backend', () => {
  it('refuses a backend that gives wrong digests and keeps the one in use', () => {
    const wrong = { name: 'wrong', digest: () => new Uint8Array(32) };
    expect(() => useSha256Backend(wrong)).toThrow(/wrong digests/);
    expect(sha256Backend()).toBe(nobleSha256Backend);
  });

  it('refuses a backend that ignores all but the first part', () => {
    const firstOnly = { name: 'first-only', digest: (parts: readonly Uint8Array[]) => nobleSha256Backend.digest(parts.slice(0, 1)) };
    expect(() => useSha256Backend(firstOnly)).toThrow(/wrong digests/);
  });
});
