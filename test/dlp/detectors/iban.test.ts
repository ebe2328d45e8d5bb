import { describe, expect, it } from 'vitest';
import { groupBy4, matches } from '../helpers.js';

// Example IBANs from the SWIFT IBAN registry (one per country, print form).
const REGISTRY_EXAMPLES = [
  'DE89 3704 0044 0532 0130 00',
  'GB29 NWBK 6016 1331 9268 19',
  'FR14 2004 1010 0505 0001 3M02 606',
  'ES91 2100 0418 4502 0005 1332',
  'NL91 ABNA 0417 1643 00',
  'CH93 0076 2011 6238 5295 7',
  'NO93 8601 1117 947',
  'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
  'BE68 5390 0754 7034',
  'IT60 X054 2811 1010 0000 0123 456',
  'LC55 HEMM 0001 0001 0012 0012 0002 3015',
];

describe('pii.iban', () => {
  it.each(REGISTRY_EXAMPLES)('finds %s in print form and compact', (iban) => {
    expect(matches('pii.iban', `Bitte überweisen an ${iban} danke`)).toEqual([iban]);
    const compact = iban.replace(/ /g, '');
    expect(matches('pii.iban', `IBAN:${compact}.`)).toEqual([compact]);
  });

  it('finds an IBAN printed in dash groups', () => {
    expect(matches('pii.iban', 'IBAN DE89-3704-0044-0532-0130-00.')).toEqual(['DE89-3704-0044-0532-0130-00']);
  });

  it('finds an IBAN written in lower case', () => {
    expect(matches('pii.iban', 'iban gb29nwbk60161331926819')).toEqual(['gb29nwbk60161331926819']);
  });

  it('finds an IBAN followed directly by more words', () => {
    expect(matches('pii.iban', 'DE89 3704 0044 0532 0130 00 Bitte bis Freitag')).toEqual(['DE89 3704 0044 0532 0130 00']);
  });

  it.each([
    ['a wrong check digit', 'DE88 3704 0044 0532 0130 00'],
    ['a changed account digit', 'DE89 3704 0044 0532 0130 01'],
    ['one character too many', 'DE89370400440532013000X'],
    ['one character too few', 'DE8937040044053201300'],
    ['an unknown country', 'XX89 3704 0044 0532 0130 00'],
    ['a country without IBANs', 'US64 SVBK US6S 3300 9673 86'],
    ['an IBAN glued to a word', 'xDE89370400440532013000'],
    ['double spaces inside', 'DE89  3704 0044 0532 0130 00'],
    ['an order code that looks like one', 'Order AB12 3456 7890'],
  ])('ignores %s', (_, text) => {
    expect(matches('pii.iban', text)).toEqual([]);
  });

  it('ignores check digits 00, 01 and 99 even when the remainder would fit', () => {
    for (const cd of ['00', '01', '99']) expect(matches('pii.iban', `NO${cd}86011117947`)).toEqual([]);
  });

  it('accepts any grouping of single spaces, not only the groups of four', () => {
    expect(matches('pii.iban', 'DE89 37040044 0532013000')).toEqual(['DE89 37040044 0532013000']);
    expect(groupBy4('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});
