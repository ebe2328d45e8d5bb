import { describe, expect, it } from 'vitest';
import { base64Encode, utf8Encode } from '../../../src/core/bytes.js';
import { detectBasicAuth } from '../../../src/dlp/detectors/basic-auth.js';

const found = (text: string) => detectBasicAuth(text).map((s) => text.slice(s.start, s.end));
const b64 = (s: string) => base64Encode(utf8Encode(s));

describe('HTTP Basic credentials', () => {
  it('finds "Basic" and the base64 of user:password, however short', () => {
    const creds = b64('user:pass');
    expect(found(`Authorization: Basic ${creds}`)).toEqual([creds]);
    expect(found(`proxy-authorization: basic ${creds}`)).toEqual([creds]);
  });

  it.each([
    ['base64 without a colon', `Basic ${b64('justatoken')}`],
    ['an empty password', `Basic ${b64('user:')}`],
    ['binary that is not text', `Basic ${b64('\u0001\u0002:\u0003')}`],
    ['prose', 'Basic authentication is enabled'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
