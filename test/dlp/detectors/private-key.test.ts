import { describe, expect, it } from 'vitest';
import { Rng, fake, matches } from '../helpers.js';

const r = new Rng(5);

describe('secret.private_key', () => {
  it.each(['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PRIVATE KEY', 'PGP PRIVATE KEY BLOCK'])(
    'finds a whole %s block, BEGIN to END',
    (label) => {
      const pem = fake.pem(r, label);
      expect(matches('secret.private_key', `Here is my key:\n${pem}\nThanks!`)).toEqual([pem]);
    },
  );

  it('keeps legacy encryption headers inside the block', () => {
    const pem = fake
      .pem(r, 'RSA PRIVATE KEY')
      .replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F17F5316E2BAC89\n\n');
    expect(matches('secret.private_key', pem)).toEqual([pem]);
  });

  it('finds a key pasted on one line (newlines lost in a chat client)', () => {
    const pem = fake.pem(r, 'OPENSSH PRIVATE KEY').replace(/\n/g, ' ');
    expect(matches('secret.private_key', `key: ${pem} end`)).toEqual([pem]);
  });

  it('covers the body of a key whose END line is missing, and stops at the prose after it', () => {
    const cut = fake.pem(r, 'RSA PRIVATE KEY', 4, false);
    const text = `${cut}\nSorry, the rest got cut off.`;
    expect(matches('secret.private_key', text)).toEqual([cut]);
  });

  it('ends an unterminated body at a placeholder or marker, which are not base64', () => {
    const cut = fake.pem(r, 'EC PRIVATE KEY', 2, false);
    expect(matches('secret.private_key', `${cut} [TRUNCATED]`)).toEqual([cut]);
  });

  it('stays linear on many BEGIN lines without an END', () => {
    const text = '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(5000);
    const t0 = performance.now();
    expect(matches('secret.private_key', text)).toHaveLength(5000);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it.each([
    ['a public key', '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----'],
    ['a certificate', '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----'],
    ['prose about private keys', 'Never paste your private key (the BEGIN PRIVATE KEY file) here.'],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.private_key', text)).toEqual([]);
  });
});
