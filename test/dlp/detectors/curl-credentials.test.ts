import { describe, expect, it } from 'vitest';
import { detectCurlCredentials } from '../../../src/dlp/detectors/curl-credentials.js';
import { BASE62, Rng } from '../helpers.js';

const r = new Rng(24);
const found = (text: string) => detectCurlCredentials(text).map((s) => text.slice(s.start, s.end));

describe('curl credentials', () => {
  it.each([
    ['curl -u admin:$ https://api.example.net', 'Xk2!pQ9z'],
    ['curl --user "sync:$" https://api.example.net', 'Kestrel#1402'],
    ["curl -s -u 'bot:$' https://ci.example.net", 'Girasol_1228'],
    ['curl --user=admin:$ https://nas.internal', 'hunter22x'],
  ])('finds the password of -u in %s', (template, password) => {
    expect(found(template.replace('$', password))).toEqual([password]);
  });

  it('finds a token given as the user with an empty password (-u TOKEN:)', () => {
    const token = `tok${r.chars(BASE62, 24)}`;
    expect(found(`curl -u ${token}: https://api.example.net/v1/charges`)).toEqual([token]);
  });

  it.each(['Authorization: Bearer $', 'Authorization: Token $', 'X-API-Key: $', 'PRIVATE-TOKEN: $', 'X-Auth-Token: $', 'Api-Key: $'])(
    'finds the value of the header %s, also on a continuation line',
    (header) => {
      const value = r.chars(BASE62, 14);
      expect(found(`curl -H "${header.replace('$', value)}" https://api.example.net`)).toEqual([value]);
      expect(found(`curl -X POST https://api.example.net \\\n  -H '${header.replace('$', value)}' \\\n  -d @x.json`)).toEqual([value]);
    },
  );

  it.each([
    ['a shell variable', 'curl -H "Authorization: Bearer $API_TOKEN" -u "$USER:$PASS" https://api.example.net'],
    ['a placeholder', 'curl -H "X-API-Key: <your-api-key>" -u admin:YOUR_PASSWORD_HERE https://x.example.net'],
    ['a user without a password', 'curl -u admin https://api.example.net'],
    ['a header that carries no credential', 'curl -H "Content-Type: application/json" https://api.example.net'],
    ['a -u that is not curl', 'grep -u admin:Xk2!pQ9z file.txt'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
