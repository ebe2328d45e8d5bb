import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  base64urlDecode,
  base64urlEncode,
  bytesEqual,
  concatBytes,
  findLoneSurrogate,
  hexDecode,
  hexEncode,
  utf8Decode,
  utf8Encode,
} from '../../src/core/bytes.js';
import { ClawproofError } from '../../src/core/errors.js';

/** Runs `fn` and returns the ClawproofError it throws (fails the test if it does not throw one). */
function caught(fn: () => unknown): ClawproofError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ClawproofError) return e;
    throw e;
  }
  throw new Error('expected a ClawproofError');
}

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Deterministic pseudo-random bytes (xorshift) so round-trip tests cover every byte value and length. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('utf8Encode', () => {
  it('encodes 1- to 4-byte sequences (RFC 3629 table)', () => {
    expect(utf8Encode('A\u00e9\u20ac\u{1f600}')).toEqual(bytes(0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80));
    expect(utf8Encode('')).toEqual(new Uint8Array(0));
  });

  it.each([
    ['lone high surrogate at the end', 'ab\ud800', 2],
    ['lone low surrogate', '\udc00x', 0],
    ['high surrogate followed by a non-surrogate', 'x\ud83dA', 1],
    ['reversed pair', '\ude00\ud83d', 0],
  ])('[R-ENC-2] rejects a %s instead of writing U+FFFD', (_name, input, index) => {
    const e = caught(() => utf8Encode(input));
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.message).toContain(`index ${index}`);
    expect(e.details).toEqual({ index });
  });
});

describe('findLoneSurrogate', () => {
  it('accepts well-formed pairs and reports the first lone half', () => {
    expect(findLoneSurrogate('a\u{1f600}b\u{10ffff}')).toBe(-1);
    expect(findLoneSurrogate('\u{1f600}\ud800\u{1f600}')).toBe(2);
  });
});

// [R-ENC-1] The rejections below are the inputs every implementation must reject too.
describe('utf8Decode', () => {
  it('round-trips text with every UTF-8 sequence length', () => {
    const text = 'plain \u00ff \u0800 \uffff \u{10000} \u{10ffff}';
    expect(utf8Decode(utf8Encode(text))).toBe(text);
  });

  it('[R-ENC-4] keeps a leading byte order mark', () => {
    expect(utf8Decode(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toBe('\ufeff{}');
  });

  it.each([
    ['a stray continuation byte', [0x41, 0x80], 1],
    ['an overlong encoding of "/"', [0xc0, 0xaf], 0],
    ['an encoded surrogate (CESU-8)', [0x61, 0xed, 0xa0, 0x80], 1],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a truncated sequence', [0x61, 0x62, 0xe2, 0x82], 2],
    ['an invalid lead byte', [0xff], 0],
  ])('[R-ENC-3] rejects %s with the index of the first bad byte', (_name, input, index) => {
    const e = caught(() => utf8Decode(new Uint8Array(input)));
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.details).toEqual({ index });
  });
});

describe('hex', () => {
  it('encodes lowercase and decodes back', () => {
    expect(hexEncode(bytes(0x00, 0x0f, 0xa5, 0xff))).toBe('000fa5ff');
    expect(hexDecode('000fa5ff')).toEqual(bytes(0x00, 0x0f, 0xa5, 0xff));
    expect(hexDecode('')).toEqual(new Uint8Array(0));
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(hexDecode(hexEncode(all))).toEqual(all);
  });

  it.each([
    ['uppercase digits', '00AB', 2],
    ['a non-hex letter', 'abcg', 3],
    ['whitespace', 'ab cd', -1],
    ['a 0x prefix', '0x00', 1],
    ['a sign', '-1', 0],
  ])('[R-ENC-5] rejects %s', (_name, input, index) => {
    const e = caught(() => hexDecode(input));
    expect(e.code).toBe('ENCODING_INVALID');
    if (index >= 0) expect(e.message).toContain(`index ${index}`);
  });

  it('[R-ENC-6] rejects odd length', () => {
    const e = caught(() => hexDecode('abc'));
    expect(e.code).toBe('ENCODING_INVALID');
    expect(e.message).toContain('odd length');
  });
});

describe('base64 (RFC 4648 section 4, padded)', () => {
  it.each([
    // RFC 4648 section 10 test vectors
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 vector %j <-> %j', (plain, encoded) => {
    expect(base64Encode(ascii(plain))).toBe(encoded);
    expect(base64Decode(encoded)).toEqual(ascii(plain));
  });

  it('uses + and / for values 62 and 63', () => {
    expect(base64Encode(bytes(0xfb, 0xff, 0xbf))).toBe('+/+/');
    expect(base64Decode('+/+/')).toEqual(bytes(0xfb, 0xff, 0xbf));
  });

  it('round-trips every length from 0 to 300', () => {
    for (let n = 0; n <= 300; n++) {
      const b = pseudoRandomBytes(n, n + 1);
      const text = base64Encode(b);
      expect(text.length).toBe(Math.ceil(n / 3) * 4);
      expect(base64Decode(text)).toEqual(b);
    }
  });

  it('[R-ENC-9] rejects non-zero trailing bits: only "QQ==" spells 0x41', () => {
    expect(base64Decode('QQ==')).toEqual(bytes(0x41));
    for (const alias of ['QR==', 'QX==', 'Qf==']) {
      const e = caught(() => base64Decode(alias));
      expect(e.code).toBe('ENCODING_INVALID');
      expect(e.message).toContain('trailing bits');
      expect(e.details).toEqual({ index: 1 });
    }
    expect(base64Decode('QUI=')).toEqual(bytes(0x41, 0x42));
    expect(caught(() => base64Decode('QUJ=')).message).toContain('trailing bits');
  });

  it.each([
    ['missing padding', 'Zg'],
    ['half the padding', 'Zg='],
    ['extra padding', 'Zg==='],
    ['a whole block of padding', 'Zm9v===='],
    ['padding on a full block', 'Zm9v='],
    ['three padding characters', 'Z==='],
    ['padding in the middle', 'Zg==Zg=='],
    ['a "=" inside the data', 'Z=9v'],
    ['a space', 'Zm9 v'],
    ['a line break', 'Zm9v\nYmFy'],
    ['the base64url "-"', 'Zm-v'],
    ['the base64url "_"', 'Zm_v'],
    ['a non-ASCII character', 'Zm9\u00e9'],
    ['a data length that cannot hold whole bytes', 'Zm9vY==='],
    // [R-ENC-7] everything outside the one spelling; [R-ENC-8] exactly the padding the length needs
  ])('[R-ENC-7] rejects %s', (_name, input) => {
    expect(caught(() => base64Decode(input)).code).toBe('ENCODING_INVALID');
  });

  it('names the offending character and its index', () => {
    const e = caught(() => base64Decode('Zm9v Zm8='));
    expect(e.message).toContain('" "');
    expect(e.message).toContain('index 4');
    expect(e.details).toEqual({ index: 4 });
  });
});

describe('base64url (RFC 4648 section 5, unpadded)', () => {
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('RFC 4648 vector %j <-> %j', (plain, encoded) => {
    expect(base64urlEncode(ascii(plain))).toBe(encoded);
    expect(base64urlDecode(encoded)).toEqual(ascii(plain));
  });

  it('uses - and _ where base64 uses + and /', () => {
    expect(base64urlEncode(bytes(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(base64urlDecode('-_-_')).toEqual(bytes(0xfb, 0xff, 0xbf));
  });

  it('round-trips every length from 0 to 300 and agrees with base64 minus padding', () => {
    for (let n = 0; n <= 300; n++) {
      const b = pseudoRandomBytes(n, 7 * n + 3);
      const text = base64urlEncode(b);
      expect(text).toBe(base64Encode(b).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_'));
      expect(base64urlDecode(text)).toEqual(b);
    }
  });

  it.each([
    ['padding', 'Zg=='],
    ['a single padding character', 'Zm8='],
    ['the base64 "+"', 'Zm+v'],
    ['the base64 "/"', 'Zm/v'],
    ['a length of 4n+1', 'Zm9vY'],
    ['whitespace', ' Zg'],
    ['non-zero trailing bits', 'QR'],
    ['non-zero trailing bits after two bytes', 'QUJ'],
  ])('[R-ENC-10] rejects %s', (_name, input) => {
    expect(caught(() => base64urlDecode(input)).code).toBe('ENCODING_INVALID');
  });
});

describe('concatBytes and bytesEqual', () => {
  it('concatenates in order, including empty parts', () => {
    expect(concatBytes()).toEqual(new Uint8Array(0));
    expect(concatBytes(bytes(1, 2), new Uint8Array(0), bytes(3))).toEqual(bytes(1, 2, 3));
  });

  it('returns a fresh copy, not a view of an input', () => {
    const a = bytes(1, 2);
    const joined = concatBytes(a);
    a[0] = 9;
    expect(joined).toEqual(bytes(1, 2));
  });

  it('compares length and content', () => {
    expect(bytesEqual(bytes(1, 2), bytes(1, 2))).toBe(true);
    expect(bytesEqual(bytes(1, 2), bytes(1, 3))).toBe(false);
    expect(bytesEqual(bytes(1, 2), bytes(1, 2, 0))).toBe(false);
    expect(bytesEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
});
