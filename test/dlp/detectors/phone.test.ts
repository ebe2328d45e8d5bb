import { describe, expect, it } from 'vitest';
import { matches } from '../helpers.js';

describe('pii.phone strong formats', () => {
  it.each([
    '+49 30 1234567',
    '+49 (0)30 1234567',
    '+44 20 7946 0958',
    '+1 (415) 555-2671',
    '+1-415-555-2671',
    '+33 1 23 45 67 89',
    '+34 612 34 56 78',
    '+81 3-1234-5678',
    '+4930123456',
    '0049 30 1234567',
    '(415) 555-2671',
    '415-555-2671',
    '415.555.2671',
    '1 415 555 2671',
    '030 1234567',
    '030/1234567',
    '0151 23456789',
    '01 23 45 67 89',
    '01.23.45.67.89',
    '020 7946 0958',
    '03-1234-5678',
    '090-1234-5678',
    '010-1234-5678',
  ])('finds %s without any context word', (phone) => {
    expect(matches('pii.phone', `Please reach me at ${phone} tomorrow.`)).toEqual([phone]);
  });

  it.each([
    ['Tel: $', '612 34 56 78'],
    ['phone $', '4155552671'],
    ['Telefon: $', '1234567'],
    ['Handy $', '15123456789'],
    ['teléfono: $', '612345678'],
    ['móvil $', '612 345 678'],
    ['電話 $ まで', '5551234567'],
  ])('finds a number that needs context after %s', (template, phone) => {
    expect(matches('pii.phone', template.replace('$', phone))).toEqual([phone]);
  });

  it('finds numbers run straight into Japanese and Korean words', () => {
    expect(matches('pii.phone', '電話番号は090-1234-5678です')).toEqual(['090-1234-5678']);
    expect(matches('pii.phone', '연락처는 010-1234-5678로 주세요')).toEqual(['010-1234-5678']);
  });

  it('does not accept context from an earlier line or across another number', () => {
    expect(matches('pii.phone', 'Phone:\n4155552671')).toEqual([]);
    expect(matches('pii.phone', 'Phone 12 then 4155552671')).toEqual([]);
  });
});

describe('pii.phone true negatives on ordinary support text', () => {
  it.each([
    ['an order number', 'Order 123456789 has not shipped'],
    ['an order number with a hash', 'order #4155552671'],
    ['an Amazon-style order id', 'Order 112-4567890-1234567'],
    ['a UPS tracking number', 'tracking 1Z999AA10123456784'],
    ['a USPS tracking number', 'USPS 9400 1000 0000 0000 0000 00'],
    ['a FedEx tracking number', 'FedEx 7489 2302 1234'],
    ['a version string', 'app version 10.0.19045.3803 crashes'],
    ['a short version', 'v4.2.1 and 0.12.3'],
    ['an ISO date', 'since 2024-03-05 it fails'],
    ['an ISO timestamp', 'at 2024-03-05T10:32:05Z'],
    ['a date and time', 'on 2024-03-05 10:32:05'],
    ['a European date', 'am 05.03.2024 um 10:30'],
    ['a US date', 'on 12/03/2024'],
    ['an IPv4 address', 'server 192.168.100.254 is down'],
    ['a UUID', 'request id 123e4567-e89b-12d3-a456-426614174000'],
    ['an amount in dollars', 'charged $1,234.56 twice'],
    ['a European amount', 'Betrag 1.234.567,89 EUR'],
    ['a Unix timestamp', 'ts=1709634725'],
    ['a card number', '4111 1111 1111 1111'],
    ['a postcode and street number', '10115 Berlin, Hauptstr. 12'],
    ['a year range', 'between 2019-2024'],
    ['a hotel booking code', 'hotel 12345678'],
  ])('ignores %s', (_, text) => {
    expect(matches('pii.phone', text)).toEqual([]);
  });
});
