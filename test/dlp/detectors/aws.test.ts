import { describe, expect, it } from 'vitest';
import { Rng, fake, matches } from '../helpers.js';

const r = new Rng(1);

describe('secret.aws', () => {
  it.each(['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3TX'])('finds a %s access key id as a whole word', (prefix) => {
    const id = fake.awsKeyId(r, prefix);
    expect(matches('secret.aws', `deploy used ${id}, then failed`)).toEqual([id]);
  });

  it('finds the documented example key id too (it has the real shape)', () => {
    expect(matches('secret.aws', 'AKIAIOSFODNN7EXAMPLE')).toEqual(['AKIAIOSFODNN7EXAMPLE']);
  });

  it.each([
    'aws_secret_access_key = $',
    'AWS_SECRET_ACCESS_KEY="$"',
    "aws_secret_access_key: '$'",
    '"SecretAccessKey": "$"',
    'AWS Secret Access Key: $',
    'aws-secret-key => $',
    'secret_access_key:=$',
  ])('finds the secret access key value (only the value) in %s', (template) => {
    const secret = fake.awsSecret(r);
    expect(matches('secret.aws', `config:\n${template.replace('$', secret)}\n`)).toEqual([secret]);
  });

  it.each([
    ['a key id glued to a word', `X${'AKIA'}ABCDEFGHIJKLMNOP`],
    ['a key id one character short', 'AKIAABCDEFGHIJKLMNO'],
    ['a key id one character long', 'AKIAABCDEFGHIJKLMNOPQ'],
    ['a lower-case key id', 'akiaabcdefghijklmnop'],
    ['an IAM user id (AIDA, not a credential)', 'AIDAABCDEFGHIJKLMNOP'],
    ['a 40-character value with no name', `value ${'Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4w'}`],
    ['a 39-character secret', 'aws_secret_access_key = Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4'],
    ['a 41-character secret', 'aws_secret_access_key = Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4wQ'],
    ['a secret under an unrelated name', 'session_key = Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4w'],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.aws', text)).toEqual([]);
  });
});
