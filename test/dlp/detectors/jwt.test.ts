import { describe, expect, it } from 'vitest';
import { base64urlEncode, utf8Encode } from '../../../src/core/bytes.js';
import { Rng, fake, matches } from '../helpers.js';

const r = new Rng(6);

describe('secret.jwt', () => {
  it('finds a signed JWS (three segments)', () => {
    const jwt = fake.jwt(r);
    expect(matches('secret.jwt', `Authorization header had ${jwt} in it`)).toEqual([jwt]);
  });

  it('finds an unsecured JWT (alg none, empty signature) including its final dot', () => {
    const jwt = fake.jwt(r, { alg: 'none' }, false);
    expect(jwt.endsWith('.')).toBe(true);
    expect(matches('secret.jwt', `token ${jwt} end`)).toEqual([jwt]);
  });

  it('finds a compact JWE (five segments, empty encrypted key)', () => {
    const header = base64urlEncode(utf8Encode('{"alg":"dir","enc":"A256GCM"}'));
    const jwe = `${header}..${r.chars('abcdefXYZ012', 16)}.${r.chars('abcdefXYZ012', 40)}.${r.chars('abcdefXYZ012', 22)}`;
    expect(matches('secret.jwt', jwe)).toEqual([jwe]);
  });

  it('leaves a sentence-ending period outside the token', () => {
    const jwt = fake.jwt(r);
    expect(matches('secret.jwt', `It was ${jwt}. Then it expired.`)).toEqual([jwt]);
  });

  it.each([
    ['a header that is not JSON', 'eyJhbGciOiJIUzI1.eyJzdWIi.c2lnbmF0dXJl'],
    ['a header that is a JSON array', `${base64urlEncode(utf8Encode('["alg","none"]'))}.eyJzdWIiOjF9.sig`],
    ['only two segments', `${base64urlEncode(utf8Encode('{"alg":"HS256"}'))}.eyJzdWIiOjF9`],
    ['a token glued to a word', `x${base64urlEncode(utf8Encode('{"alg":"HS256"}'))}.eyJzdWIiOjF9.sig`],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.jwt', text)).toEqual([]);
  });
});
