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
    ['a pretty-printed header ("ewog…")', '{\n  "alg": "HS256",\n  "typ": "JWT"\n}'],
    ['a header with a space after the brace ("eyAi…")', '{ "alg": "HS256", "typ": "JWT" }'],
    ['a header with a tab', '{\t"alg":"HS256"}'],
  ])('finds a token whose header does not start eyJ: %s', (_, header) => {
    const jwt = `${base64urlEncode(utf8Encode(header))}.${base64urlEncode(utf8Encode('{"sub":"42"}'))}.${r.chars('abcdefXYZ012-_', 43)}`;
    expect(jwt.startsWith('eyJ')).toBe(false);
    expect(matches('secret.jwt', `token ${jwt} end`)).toEqual([jwt]);
  });

  it('follows a token wrapped over lines while it cannot be complete', () => {
    const jwt = fake.jwt(r);
    const [h, p, s] = jwt.split('.') as [string, string, string];
    // Broken inside the payload, after a dot, and inside the signature (HS256: 43 characters).
    for (const wrapped of [`${h}.${p.slice(0, 10)}\n${p.slice(10)}.${s}`, `${h}.\n  ${p}.${s}`, `${h}.${p}.${s.slice(0, 20)}\n> ${s.slice(20)}`]) {
      expect(matches('secret.jwt', `Bearer ${wrapped}\nThanks`)).toEqual([wrapped]);
    }
  });

  it('does not take the next line into a complete token', () => {
    const jwt = fake.jwt(r);
    expect(matches('secret.jwt', `${jwt}\nabcdefgh`)).toEqual([jwt]);
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
