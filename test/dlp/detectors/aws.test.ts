import { describe, expect, it } from 'vitest';
import { Rng, fake, found, matches } from '../helpers.js';

const r = new Rng(1);

describe('secret.aws', () => {
  it.each(['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3TX'])('finds a %s access key id as a whole word', (prefix) => {
    const id = fake.awsKeyId(r, prefix);
    expect(matches('secret.aws', `deploy used ${id}, then failed`)).toEqual([id]);
  });

  it("leaves AWS's documented example keys alone (they grant nothing; gitleaks allow-lists them too)", () => {
    expect(found('key AKIAIOSFODNN7EXAMPLE in the docs')).toEqual([]);
    expect(found('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual([]);
    expect(found('AKIAI44QH8DHBEXAMPLE / je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY')).toEqual([]);
    // The allowlist is exact: a key that merely contains EXAMPLE elsewhere is still a key.
    expect(matches('secret.aws', 'AKIAEXAMPLE234567ABC')).toEqual(['AKIAEXAMPLE234567ABC']);
  });

  it('finds a key id read out in groups of four, and one wrapped at the end of a full line', () => {
    const id = fake.awsKeyId(r);
    const grouped = id.replace(/(.{4})(?=.)/g, '$1 ');
    expect(matches('secret.aws', `The key is ${grouped} thanks`)).toEqual([grouped]);
    const line = `${'x'.repeat(60)} ${id.slice(0, 10)}\n${id.slice(10)} and more`;
    expect(matches('secret.aws', line)).toEqual([`${id.slice(0, 10)}\n${id.slice(10)}`]);
  });

  it.each([
    ['after "secret key is"', 'our AWS secret key is $ (sorry)'],
    ['in German', 'Der geheime Schlüssel für S3 lautet $.'],
    ['on the line after the context', 'IAM user ci-deploy, secret:\n$'],
    ['after the access key id', `${'AKIA'}Q7RZ3MXN2LBV5KTD / $`],
  ])('finds a bare 40-character secret key %s', (_, template) => {
    const secret = 'Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4w';
    expect(matches('secret.aws', template.replace('$', secret))).toContain(secret);
  });

  it.each([
    ['without a context word', 'value Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4w'],
    ['a git SHA next to "aws"', 'aws-sdk bumped in 3f2a9c1e7d5b4a6f8e0c2b1d3a5f7e9c0b2d4f6a'],
    ['a low-entropy value next to "secret key"', 'secret key AAAAAAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBBB12'],
  ])('leaves a bare 40-character string alone %s', (_, text) => {
    expect(matches('secret.aws', text)).toEqual([]);
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
    ['a 39-character secret', 'aws_secret_access_key = Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4'],
    ['a 41-character secret', 'aws_secret_access_key = Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4wQ'],
    ['a secret under an unrelated name', 'session_key = Zx9qL2mN8vB4cR7tY1uI0oP3aS6dF5gH2jK8lQ4w'],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.aws', text)).toEqual([]);
  });
});
