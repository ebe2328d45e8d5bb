import { describe, expect, it } from 'vitest';
import { canonicalEmail } from '../../../src/dlp/detectors/email-obfuscated.js';
import { matches } from '../helpers.js';

describe('pii.email, obfuscated', () => {
  it.each([
    'jane.doe [at] example [dot] com',
    'jane.doe [AT] example [DOT] com',
    'jane.doe(at)example.com',
    'jane.doe {at} example {dot} co {dot} uk',
    'jane.doe <at> example.com',
    'jane.doe [@] example.com',
    'jane.doe @ example.com',
    'jane.doe&#64;example.com',
    'jane&#x40;example&#46;com',
    'jane.doe%40example.com',
    'jane dot doe at example dot com',
    'juan arroba correo punto es',
    'max.muster at beispiel punkt de',
    'jane@example[dot]com',
  ])('finds %s', (address) => {
    expect(matches('pii.email', `Contact: ${address}, thanks.`)).toEqual([address]);
  });

  it.each([
    ['the word "at" before a domain', 'Look at example.com for details'],
    ['a meeting place', 'we met at Lumora.io last year'],
    ['"at … dot" with an uncommon TLD', 'meet at noon dot then'],
    ['a spaced @ before a time', 'meet me @ 5pm'],
    ['a bracketed at in prose', 'we are [at] the office today'],
    ['a lone entity', 'email&#64; is the escaped form'],
  ])('ignores %s', (_, text) => {
    expect(matches('pii.email', text)).toEqual([]);
  });

  it('gives every spelling of one address the same canonical form', () => {
    const plain = 'jane.doe@example.com';
    for (const spelling of ['Jane.Doe [at] Example [dot] com', 'jane.doe(at)example.com', 'jane.doe @ example.com', 'jane.doe&#64;example.com', 'jane dot doe at example dot com']) {
      expect(canonicalEmail(spelling)).toBe(plain);
    }
  });
});
