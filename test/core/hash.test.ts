import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hexDecode, hexEncode, utf8Encode } from '../../src/core/bytes.js';
import { ClawproofError } from '../../src/core/errors.js';
import { digestOfJson, isDigest, parseDigest, sha256, sha256Async, sha256Bytes, sha256BytesOfParts } from '../../src/core/hash.js';

function caught(fn: () => unknown): ClawproofError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClawproofError) return e;
    throw e;
  }
  throw new Error('expected a ClawproofError');
}

const vectors = new URL('../vectors/', import.meta.url);

const botan = JSON.parse(readFileSync(new URL('botan-sha256/sha256_botan.json', vectors), 'utf8')) as {
  count: number;
  vectors: { in_hex: string; out_hex: string; group: string }[];
};

const fips = JSON.parse(readFileSync(new URL('fips180-sha256/sha256_fips180_examples.json', vectors), 'utf8')) as {
  vectors: { name: string; input_ascii: string; repeat: number; digest_hex: string }[];
};

describe('SHA-256 known answers', () => {
  it('has all 392 Botan vectors', () => {
    expect(botan.count).toBe(392);
    expect(botan.vectors).toHaveLength(392);
  });

  it('matches every Botan vector through sha256, sha256Bytes and sha256Async', async () => {
    const failures: string[] = [];
    for (const v of botan.vectors) {
      const input = hexDecode(v.in_hex);
      const want = `sha256:${v.out_hex}`;
      if (sha256(input) !== want) failures.push(`sha256 ${v.in_hex.slice(0, 16)}`);
      if (hexEncode(sha256Bytes(input)) !== v.out_hex) failures.push(`sha256Bytes ${v.in_hex.slice(0, 16)}`);
      if ((await sha256Async(input)) !== want) failures.push(`sha256Async ${v.in_hex.slice(0, 16)}`);
      // Split in three uneven parts: the incremental form must give the digest of the whole.
      const a = Math.floor(input.length / 3);
      const parts = [input.subarray(0, a), input.subarray(a, 2 * a + 1), input.subarray(2 * a + 1)];
      if (hexEncode(sha256BytesOfParts(parts)) !== v.out_hex) failures.push(`sha256BytesOfParts ${v.in_hex.slice(0, 16)}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(fips.vectors.map((v) => [v.name, v] as const))('FIPS 180: %s', async (_name, v) => {
    const message = v.input_ascii.repeat(v.repeat);
    const want = `sha256:${v.digest_hex}`;
    expect(sha256(message)).toBe(want);
    const bytes = utf8Encode(message);
    expect(sha256(bytes)).toBe(want);
    // One million 'a' is above the WebCrypto threshold, so this also covers that path.
    expect(await sha256Async(bytes)).toBe(want);
  });
});

describe('sha256Async', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('agrees with sha256 on both sides of the 64 KiB WebCrypto threshold', async () => {
    for (const size of [0, 1, 65_535, 65_536, 65_537, 300_000]) {
      const data = new Uint8Array(size);
      for (let i = 0; i < size; i++) data[i] = (i * 31 + 7) & 0xff;
      expect(await sha256Async(data)).toBe(sha256(data));
    }
  });

  it('hashes only the bytes of a subarray view, not its whole buffer', async () => {
    const whole = new Uint8Array(200_000).fill(1);
    const view = whole.subarray(10, 100_010);
    expect(await sha256Async(view)).toBe(sha256(new Uint8Array(100_000).fill(1)));
  });

  it('uses WebCrypto for large inputs when the platform has it', async () => {
    const spy = vi.spyOn(globalThis.crypto.subtle, 'digest');
    await sha256Async(new Uint8Array(64 * 1024));
    expect(spy).toHaveBeenCalledTimes(1);
    await sha256Async(new Uint8Array(64 * 1024 - 1));
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('falls back to the JavaScript hash when WebCrypto fails', async () => {
    vi.spyOn(globalThis.crypto.subtle, 'digest').mockRejectedValue(new Error('refused'));
    const data = new Uint8Array(100_000).fill(9);
    expect(await sha256Async(data)).toBe(sha256(data));
  });

  it('rejects a non-Uint8Array input', async () => {
    await expect(sha256Async('abc' as unknown as Uint8Array)).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});

describe('sha256 input handling', () => {
  it('hashes strings as UTF-8', () => {
    expect(sha256('\u00e9')).toBe(sha256(new Uint8Array([0xc3, 0xa9])));
  });

  it('[R-ENC-2] refuses a string with a lone surrogate instead of hashing U+FFFD', () => {
    expect(caught(() => sha256('a\ud800')).code).toBe('ENCODING_INVALID');
    expect(caught(() => sha256Bytes('\udfff')).code).toBe('ENCODING_INVALID');
  });

  it('rejects other input types', () => {
    expect(caught(() => sha256(42 as unknown as string)).code).toBe('INPUT_INVALID');
  });
});

describe('isDigest and parseDigest', () => {
  const hex = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

  it('[R-ENC-15] accepts exactly sha256: and 64 lowercase hex digits', () => {
    expect(isDigest(`sha256:${hex}`)).toBe(true);
    expect(parseDigest(`sha256:${hex}`)).toEqual(hexDecode(hex));
  });

  it.each([
    ['uppercase hex', `sha256:${hex.toUpperCase()}`],
    ['an uppercase prefix', `SHA256:${hex}`],
    ['a different algorithm', `sha512:${hex}`],
    ['no prefix', hex],
    ['63 digits', `sha256:${hex.slice(1)}`],
    ['65 digits', `sha256:${hex}0`],
    ['a trailing newline', `sha256:${hex}\n`],
    ['a leading space', ` sha256:${hex}`],
    ['a hyphenated prefix', `sha-256:${hex}`],
    ['an empty string', ''],
  ])('rejects %s', (_name, s) => {
    expect(isDigest(s)).toBe(false);
    const e = caught(() => parseDigest(s));
    expect(e.code).toBe('DIGEST_INVALID');
  });

  it('isDigest is false for non-strings', () => {
    expect(isDigest(undefined)).toBe(false);
    expect(isDigest({ toString: () => `sha256:${hex}` })).toBe(false);
  });
});

describe('digestOfJson', () => {
  it('hashes the canonical bytes, so key order and spacing do not matter', () => {
    const digest = digestOfJson({ b: 2, a: [1, 'x'] });
    expect(digest).toBe(sha256('{"a":[1,"x"],"b":2}'));
    expect(digestOfJson({ a: [1, 'x'], b: 2 })).toBe(digest);
    expect(digestOfJson({ a: [1, 'x'], b: 3 })).not.toBe(digest);
  });

  it('refuses values that are not JSON data', () => {
    expect(caught(() => digestOfJson({ a: undefined })).code).toBe('CANONICAL_JSON_UNSUPPORTED');
  });
});
