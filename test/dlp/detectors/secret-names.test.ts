import { describe, expect, it } from 'vitest';
import { secretKindOf } from '../../../src/dlp/detectors/secret-names.js';

describe('secret names', () => {
  it.each([
    ['pw', 'password'],
    ['PW', 'password'],
    ['wifi pass phrase', 'password'],
    ['lösenord', 'password'],
    ['пароль', 'password'],
    ['密码', 'password'],
    ['X-Api-Key', 'key'],
    ['PRIVATE-TOKEN', 'key'],
    ['sig', 'key'],
    ['license key', 'key'],
  ] as const)('%s names a %s', (name, kind) => {
    expect(secretKindOf(name)).toBe(kind);
  });

  it.each(['Idempotency-Key', 'idempotency_key', 'cache key', 'cache_key', 'primary key', 'public key', 'publishable key', 'partition key', 'next page token', 'pageToken', 'Jira key', 'key id', 'api key id'])(
    '%s names an identifier, not a secret',
    (name) => {
      expect(secretKindOf(name)).toBeUndefined();
    },
  );
});
