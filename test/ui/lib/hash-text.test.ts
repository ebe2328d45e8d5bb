import { describe, expect, it } from 'vitest';
import { isHash, shortenHash, splitHashes } from '../../../src/ui/lib/hash-text.js';

const HASH = 'sha256:0441f070b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabba9c2';

describe('hashes in text', () => {
  it('shortens a hash to its first 8 and last 4 hex digits', () => {
    expect(shortenHash(HASH)).toBe('sha256:0441f070…a9c2');
    expect(shortenHash('abc')).toBe('abc');
  });

  it('splits a sentence into text and whole hashes, keeping every character', () => {
    const text = `its hash ${HASH} is the one the manifest and ${HASH}.`;
    const pieces = splitHashes(text);
    expect(pieces.map((p) => p.kind)).toEqual(['text', 'hash', 'text', 'hash', 'text']);
    expect(pieces.map((p) => (p.kind === 'hash' ? p.hash : p.text)).join('')).toBe(text);
    expect(splitHashes('no hash here')).toEqual([{ kind: 'text', text: 'no hash here' }]);
  });

  it('tells a hash from other values', () => {
    expect(isHash(HASH)).toBe(true);
    expect(isHash(`${HASH}0`)).toBe(false);
    expect(isHash('rct_0001')).toBe(false);
  });
});
