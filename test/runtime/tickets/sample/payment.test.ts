import { describe, expect, it } from 'vitest';
import { ibanValid } from '../../../../src/dlp/iban-check.js';
import { luhnValid } from '../../../../src/dlp/luhn.js';
import { fakeCardNumber, fakeIban, formatIban, ibanFromBban, luhnCheckDigit } from '../../../../src/runtime/tickets/sample/payment.js';
import { createPrng } from '../../../../src/runtime/tickets/sample/prng.js';

describe('luhnCheckDigit', () => {
  it('completes the ISO/IEC 7812 examples', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('424242424242424')).toBe('2');
    expect(luhnCheckDigit('37828224631000')).toBe('5');
  });
});

describe('fakeCardNumber', () => {
  it('gives Luhn-valid numbers of the issuer length, checked by the DLP layer', () => {
    const prng = createPrng('cards');
    for (let i = 0; i < 200; i++) {
      const card = fakeCardNumber(prng);
      const digits = card.replace(/[ -]/g, '');
      expect(digits).toMatch(/^(?:4\d{15}|5\d{15}|3[47]\d{13})$/);
      expect(luhnValid(digits), card).toBe(true);
    }
  });
});

describe('IBANs', () => {
  it('computes the check digits of the published examples', () => {
    expect(ibanFromBban('DE', '370400440532013000')).toBe('DE89370400440532013000');
    expect(ibanFromBban('GB', 'WEST12345698765432')).toBe('GB82WEST12345698765432');
    expect(ibanFromBban('FR', '20041010050500013M02606')).toBe('FR1420041010050500013M02606');
  });

  it('gives mod-97-valid IBANs of the right length for every country, checked by the DLP layer', () => {
    const prng = createPrng('ibans');
    const lengths = { DE: 22, GB: 22, FR: 27, ES: 24, NL: 18 } as const;
    for (const country of Object.keys(lengths) as (keyof typeof lengths)[]) {
      for (let i = 0; i < 50; i++) {
        const iban = fakeIban(prng, country);
        expect(iban).toHaveLength(lengths[country]);
        expect(ibanValid(iban), iban).toBe(true);
      }
    }
  });

  it('writes IBANs in groups of four', () => {
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});
