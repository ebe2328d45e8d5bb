import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../../src/dlp/entropy.js';
import {
  KEY_MIN_ENTROPY,
  KEY_MIN_LENGTH,
  PASSWORD_MIN_ENTROPY,
  passesKeyBar,
  passesPasswordBar,
} from '../../../src/dlp/detectors/generic.js';
import { BASE62, HEX, Rng, matches } from '../helpers.js';

const r = new Rng(7);

describe('secret.generic assignments', () => {
  it.each([
    ['password: $', 'Summer2024!'],
    ['Password = $', 'hunter2'],
    ['passwd=$', 'Tr0ub4dor&3'],
    ['DB_PASSWORD="$"', 'correct horse battery staple'],
    ["pwd: '$'", 'P@ssw0rd'],
    ['my new password: $', '12345678'],
    ['api_key=$', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['X-Api-Key: $', 'AbC123dEf456GhI789'],
    ['"client_secret": "$"', '8f3a9c2e71b64d0f'],
    ['access_token => $', 'ya29A0ARrdaM9x7Lq2Zk81'],
    ['Authorization: Bearer $', 'abcDEF1234567890xyzQ'],
    ['secret := $', 'q8Zr2LmX0pT7vN4b'],
  ])('finds the value only in %s', (template, value) => {
    expect(matches('secret.generic', `Hi,\n${template.replace('$', value)}\nThanks`)).toEqual([value]);
  });

  it('finds the password in URL userinfo', () => {
    expect(matches('secret.generic', 'DATABASE_URL is postgres://admin:S3cr3t!@db.example.com/app')).toEqual(['S3cr3t!']);
  });

  it('finds a value with an unclosed quote, and a very long value whole', () => {
    expect(matches('secret.generic', 'password: "Xk2!pQ9z')).toEqual(['Xk2!pQ9z']);
    const long = r.chars(BASE62, 900) + '7a';
    expect(matches('secret.generic', `token=${long} end`)).toEqual([long]);
  });

  it('finds the value of a query-string token to its end (cutting at & could leave part of it)', () => {
    expect(matches('secret.generic', '/cb?access_token=Zx9qL2mN8vB4cR7t&user=1 x')).toEqual(['Zx9qL2mN8vB4cR7t&user=1']);
  });

  it('finds an assignment nested in the value of another name', () => {
    expect(matches('secret.generic', 'url: password=Xk2!pQ9z')).toEqual(['Xk2!pQ9z']);
  });

  it.each([
    ['a prose word after password', 'Password: changed'],
    ['a masked password', 'password: ********'],
    ['an already redacted value', 'password: [REDACTED]'],
    ['a placeholder in quotes', '"password": "[SECRET_1]"'],
    ['a short value', 'password: abc1'],
    ['a name whose last word is not secret', 'password reset link: https://example.com/r/Zx9qL2mN8vB4cR7t'],
    ['a Jira issue key', 'Key: SUP-1234'],
    ['a timestamp under a token name', 'token expires: 2024-03-05T10:32:05Z'],
    ['a timestamp as the token value', 'token: 2024-03-05T10:32:05Z'],
    ['a word-only key value', 'license key: enterprise-customer-account'],
    ['a name that only contains a secret word', 'keyboard: LogitechMX3000abcdef'],
    ['an already masked URL password', 'https://user:***@example.com/'],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.generic', text)).toEqual([]);
  });
});

describe('secret.generic entropy thresholds', () => {
  it('rejects a 16-character key value just under the key entropy bar and accepts one over it', () => {
    const low = 'aaaabbbbcccc1234'; // 2.5 bits/char
    const high = 'abcdefgh12345678'; // 4.0 bits/char
    expect(low.length).toBe(KEY_MIN_LENGTH);
    expect(shannonEntropy(low)).toBeLessThan(KEY_MIN_ENTROPY);
    expect(shannonEntropy(high)).toBeGreaterThanOrEqual(KEY_MIN_ENTROPY);
    expect(matches('secret.generic', `token: ${low}`)).toEqual([]);
    expect(matches('secret.generic', `token: ${high}`)).toEqual([high]);
  });

  it('gives passwords a lower bar than keys: the same value passes under password and fails under token', () => {
    const value = 'Summer2024!';
    expect(passesPasswordBar(value)).toBe(true);
    expect(passesKeyBar(value)).toBe(false);
    expect(matches('secret.generic', `password: ${value}`)).toEqual([value]);
    expect(matches('secret.generic', `token: ${value}`)).toEqual([]);
  });

  it('rejects a password with too little variety (under 2.0 bits/char) and accepts one just over', () => {
    const flat = 'aaaaab1'; // 1.15 bits
    const varied = 'aabbc12'; // 2.24 bits
    expect(shannonEntropy(flat)).toBeLessThan(PASSWORD_MIN_ENTROPY);
    expect(shannonEntropy(varied)).toBeGreaterThanOrEqual(PASSWORD_MIN_ENTROPY);
    expect(passesPasswordBar(flat)).toBe(false);
    expect(passesPasswordBar(varied)).toBe(true);
  });

  it('requires a letter and a digit in key values (hex and base62 keys have both)', () => {
    expect(passesKeyBar('abcdefghijklmnopqrst')).toBe(false);
    expect(passesKeyBar('12345678901234567890')).toBe(false);
  });

  it('catches random keys at the documented rates: >= 99% of 20-char base62, >= 80% of 16-char hex', () => {
    const sample = (alphabet: string, n: number): string => {
      for (;;) {
        const v = r.chars(alphabet, n);
        if (/[A-Za-z]/.test(v) && /[0-9]/.test(v)) return v;
      }
    };
    const rate = (alphabet: string, n: number): number => {
      let pass = 0;
      for (let i = 0; i < 1000; i++) if (passesKeyBar(sample(alphabet, n))) pass++;
      return pass / 1000;
    };
    expect(rate(BASE62, 20)).toBeGreaterThanOrEqual(0.99);
    expect(rate(HEX, 16)).toBeGreaterThanOrEqual(0.8);
  });
});
