import { describe, expect, it } from 'vitest';
import { base64Encode, base64urlEncode, utf8Encode } from '../../../src/core/bytes.js';
import { decodeBase64, decodeUtf8 } from '../../../src/dlp/detectors/decode.js';

describe('lenient base64 for detectors', () => {
  it('decodes padded and unpadded base64 and base64url like the strict decoders', () => {
    for (const s of ['', 'a', 'ab', 'abc', '{"alg":"HS256"}', 'ünïcödé ✓']) {
      const bytes = utf8Encode(s);
      expect(decodeBase64(base64Encode(bytes), 'standard')).toEqual(bytes);
      expect(decodeBase64(base64urlEncode(bytes), 'url')).toEqual(bytes);
      expect(decodeUtf8(decodeBase64(base64urlEncode(bytes), 'url')!)).toBe(s);
    }
  });

  it('returns undefined rather than throwing for what is not base64', () => {
    expect(decodeBase64('ab$d', 'standard')).toBeUndefined();
    expect(decodeBase64('abcde', 'url')).toBeUndefined();
    expect(decodeBase64('ab-_', 'standard')).toBeUndefined();
    expect(decodeBase64('ab+/', 'url')).toBeUndefined();
    expect(decodeBase64('a===', 'standard')).toBeUndefined();
  });
});
