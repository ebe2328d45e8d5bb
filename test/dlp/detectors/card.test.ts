import { describe, expect, it } from 'vitest';
import { isCardNumber, knownIssuer } from '../../../src/dlp/detectors/card.js';
import { Rng, fake, groupBy4, matches } from '../helpers.js';

const r = new Rng(8);

// Public test numbers published by card networks and payment processors.
const TEST_CARDS = [
  ['Visa', '4111111111111111'],
  ['Visa 13', '4222222222222'],
  ['Mastercard', '5555555555554444'],
  ['Mastercard 2-series', '2223003122003222'],
  ['American Express', '378282246310005'],
  ['Discover', '6011111111111117'],
  ['Diners Club', '30569309025904'],
  ['JCB', '3530111333300000'],
  ['UnionPay', '6200000000000005'],
];

describe('pii.card', () => {
  it.each(TEST_CARDS)('finds a %s test number bare, spaced and dashed', (_, pan) => {
    expect(matches('pii.card', `card ${pan} ok`)).toEqual([pan]);
    const spaced = pan.length === 15 ? `${pan.slice(0, 4)} ${pan.slice(4, 10)} ${pan.slice(10)}` : groupBy4(pan);
    expect(matches('pii.card', `card ${spaced} ok`)).toEqual([spaced]);
    const dashed = spaced.replace(/ /g, '-');
    expect(matches('pii.card', `card: ${dashed}.`)).toEqual([dashed]);
  });

  it.each([
    ['Visa 19', '4', 19],
    ['Maestro', '6759', 16],
    ['Mir', '2201', 16],
    ['Discover 644', '644', 16],
    ['JCB 19', '3589', 19],
  ] as const)('finds a generated %s number', (_, prefix, length) => {
    const pan = fake.card(r, prefix, length);
    expect(matches('pii.card', `pan=${pan}`)).toEqual([pan]);
  });

  it('finds a card printed in dot groups', () => {
    expect(matches('pii.card', 'Karte 4111.1111.1111.1111 gültig')).toEqual(['4111.1111.1111.1111']);
    expect(matches('pii.card', 'v4111.1111.1111.1111')).toEqual([]);
    expect(matches('pii.card', 'build 4111.1111.1111.1111.2')).toEqual([]);
  });

  it('finds a card wrapped over two lines', () => {
    expect(matches('pii.card', 'card 4111 1111\n1111 1111 exp 12/26')).toEqual(['4111 1111\n1111 1111']);
    expect(matches('pii.card', '> card 4111-1111-1111-\n> 1111')).toEqual(['4111-1111-1111-\n> 1111']);
    // A bare number broken in two needs a card word before it.
    expect(matches('pii.card', 'my card number is 4111111111\n111111')).toEqual(['4111111111\n111111']);
    expect(matches('pii.card', 'order 4111111111\n111111')).toEqual([]);
  });

  it('finds the card in a run that continues with the expiry', () => {
    expect(matches('pii.card', 'Card 4111 1111 1111 1111 12 26 cvc 123')).toEqual(['4111 1111 1111 1111']);
    expect(matches('pii.card', 'Card 4111 1111 1111 1111 12/26')).toEqual(['4111 1111 1111 1111']);
  });

  it('finds two cards in one run of groups', () => {
    expect(matches('pii.card', '4111 1111 1111 1111 5555 5555 5555 4444')).toEqual([
      '4111 1111 1111 1111',
      '5555 5555 5555 4444',
    ]);
  });

  it('rejects every single-digit change of a valid number (Luhn)', () => {
    const pan = '4111111111111111';
    for (let i = 0; i < pan.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = pan.slice(0, i) + d + pan.slice(i + 1);
        if (changed !== pan) expect(isCardNumber(changed), changed).toBe(false);
      }
    }
  });

  it('knows issuer ranges by prefix and length', () => {
    expect(knownIssuer('4'.padEnd(16, '0'))).toBe(true);
    expect(knownIssuer('4'.padEnd(15, '0'))).toBe(false); // Visa is 13, 16 or 19 digits
    expect(knownIssuer('2720'.padEnd(16, '0'))).toBe(true);
    expect(knownIssuer('2721'.padEnd(16, '0'))).toBe(false);
    expect(knownIssuer('34'.padEnd(16, '0'))).toBe(false); // Amex is 15 digits
    expect(knownIssuer('1234'.padEnd(16, '0'))).toBe(false);
  });

  it.each([
    ['a Luhn-invalid Visa-like number', '4111 1111 1111 1112'],
    ['a Luhn-valid number in no issuer range', fake.card(r, '1', 16)],
    ['a Luhn-valid number of the wrong length for its issuer', fake.card(r, '37', 16)],
    ['an irregular grouping', '4111 11111 1111 111'],
    ['mixed separators', '4111-1111 1111-1111'],
    ['a 20-digit run', '41111111111111111111'],
    ['digits glued to letters', 'ID4111111111111111'],
    ['a decimal number', '4111111111111111.50'],
    ['a USPS tracking number', '9400 1000 0000 0000 0000 00'],
    ['a UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['an order number', 'Order 1234567890123'],
  ])('ignores %s', (_, text) => {
    expect(matches('pii.card', text)).toEqual([]);
  });
});
