import { describe, expect, it } from 'vitest';
import { BASE64, HEX, Rng, matches } from '../helpers.js';

const r = new Rng(25);

function ppk(version: 2 | 3, withMac = true): string {
  const lines = [
    `PuTTY-User-Key-File-${version}: ssh-ed25519`,
    'Encryption: none',
    'Comment: eddsa-key-20240305',
    ...(version === 3 ? ['Key-Derivation: Argon2id', 'Argon2-Memory: 8192', `Argon2-Salt: ${r.chars(HEX, 32)}`] : []),
    'Public-Lines: 2',
    r.chars(BASE64, 64),
    r.chars(BASE64, 20) + '=',
    'Private-Lines: 1',
    r.chars(BASE64, 44),
  ];
  if (withMac) lines.push(`Private-MAC: ${r.chars(HEX, 64)}`);
  return lines.join('\n');
}

describe('secret.private_key, PuTTY and age', () => {
  it.each([2, 3] as const)('finds a whole version %i .ppk file, header to Private-MAC', (version) => {
    const key = ppk(version);
    expect(matches('secret.private_key', `Here is the key:\n${key}\nThanks!`)).toEqual([key]);
  });

  it('covers a .ppk cut before its MAC line up to its last line, and no further', () => {
    const key = ppk(2, false);
    expect(matches('secret.private_key', `${key}\nSorry, that is all I have.`)).toEqual([key]);
  });

  it('finds an age identity', () => {
    const age = `AGE-SECRET-KEY-1${r.chars('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`;
    expect(matches('secret.private_key', `# public key: age1xyz\n${age}\n`)).toEqual([age]);
    expect(matches('secret.private_key', `AGE-SECRET-KEY-1${'Q'.repeat(58)}`)).toEqual([]);
  });

  it('finds a PEM key inside a JSON string, whose lines are separated by an escaped \\n', () => {
    const body = [r.chars(BASE64, 64), r.chars(BASE64, 64)].join('\\n');
    const cut = `-----BEGIN PRIVATE KEY-----\\n${body}`;
    expect(matches('secret.private_key', `{"private_key": "${cut}`)).toEqual([cut]);
  });

  it('ignores a PuTTY public key and prose about .ppk files', () => {
    expect(matches('secret.private_key', '---- BEGIN SSH2 PUBLIC KEY ----\nComment: "rsa-key"\n')).toEqual([]);
    expect(matches('secret.private_key', 'Convert the PuTTY .ppk file with puttygen first.')).toEqual([]);
  });
});
