import { describe, expect, it } from 'vitest';
import { IBAN_LENGTHS, ibanLength, ibanRemainder, ibanValid } from '../../src/dlp/iban-check.js';

const EXAMPLES = [
  'DE89370400440532013000',
  'GB29NWBK60161331926819',
  'FR1420041010050500013M02606',
  'NO9386011117947',
  'MT84MALT011000012345MTLCAST001S',
  'LC55HEMM000100010012001200023015',
  'BR1800360305000010009795493C1',
  'SC18SSCB11010000000000001497USD',
];

describe('IBAN checks', () => {
  it.each(EXAMPLES)('accepts the registry example %s', (iban) => {
    expect(ibanValid(iban)).toBe(true);
    expect(ibanRemainder(iban)).toBe(1);
  });

  it('detects every substitution of a digit by a digit or a letter by a letter (MOD 97-10 property)', () => {
    // Within one class the change is a non-zero value below 97 times a power of ten, which 97
    // (prime) never divides. A digit replaced by a letter changes the length of the expansion.
    for (const iban of EXAMPLES.slice(0, 3)) {
      for (let i = 4; i < iban.length; i++) {
        const alphabet = /[0-9]/.test(iban[i]!) ? '0123456789' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
        for (const c of alphabet) {
          const s = iban.slice(0, i) + c + iban.slice(i + 1);
          if (s !== iban) expect(ibanRemainder(s), s).not.toBe(1);
        }
      }
    }
  });

  it('detects every adjacent transposition of digits', () => {
    const iban = 'DE89370400440532013000';
    for (let i = 4; i + 1 < iban.length; i++) {
      if (iban[i] === iban[i + 1]) continue;
      const s = iban.slice(0, i) + iban[i + 1] + iban[i] + iban.slice(i + 2);
      expect(ibanValid(s), s).toBe(false);
    }
  });

  it('checks the length against the country', () => {
    expect(ibanLength('DE')).toBe(22);
    expect(ibanLength('NO')).toBe(15);
    expect(ibanLength('US')).toBeUndefined();
    expect(ibanLength('constructor')).toBeUndefined();
    expect(ibanValid('DE8937040044053201300')).toBe(false);
  });

  it('rejects lower case, spaces and out-of-range check digits (callers normalise first)', () => {
    expect(ibanValid('de89370400440532013000')).toBe(false);
    expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(false);
    expect(ibanValid('NO0186011117947')).toBe(false);
  });

  it('has plausible registry lengths (15..34) for two-letter upper-case codes', () => {
    for (const [cc, n] of Object.entries(IBAN_LENGTHS)) {
      expect(cc).toMatch(/^[A-Z]{2}$/);
      expect(n).toBeGreaterThanOrEqual(15);
      expect(n).toBeLessThanOrEqual(34);
    }
  });
});
