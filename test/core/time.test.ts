import { describe, expect, it } from 'vitest';
import {
  MAX_TIMESTAMP_MS,
  MIN_TIMESTAMP_MS,
  formatUtcTimestamp,
  isMillisecondTimestamp,
  parseRfc3339,
  parseUtcTimestamp,
} from '../../src/core/time.js';

/** Impossible calendars and clocks, refused by every reader (Date.parse accepts the first three). */
const IMPOSSIBLE = ['2025-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-01-01T24:00:00Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-00T00:00:00Z', '2026-01-01T23:60:00Z', '2016-12-31T23:59:60Z'];

describe('parseUtcTimestamp', () => {
  it.each([
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00.5Z', Date.UTC(2026, 0, 1, 0, 0, 0, 500)],
    ['2026-01-01T00:00:00.05Z', Date.UTC(2026, 0, 1, 0, 0, 0, 50)],
    ['2026-01-01T00:00:00.500Z', Date.UTC(2026, 0, 1, 0, 0, 0, 500)],
    ['2024-02-29T23:59:59.999Z', Date.UTC(2024, 1, 29, 23, 59, 59, 999)],
    ['0001-01-01T00:00:00Z', -62135596800000],
    ['0099-12-31T00:00:00Z', Date.parse('0099-12-31T00:00:00Z')], // not 1999: years below 100 are literal
    ['0000-01-01T00:00:00Z', MIN_TIMESTAMP_MS],
    ['9999-12-31T23:59:59.999Z', MAX_TIMESTAMP_MS],
  ])('reads %s', (text, ms) => {
    expect(parseUtcTimestamp(text)).toBe(ms);
  });

  it.each([
    '2026-01-01',
    '2026-01-01T00:00:00',
    '2026-01-01T00:00:00+00:00',
    '2026-01-01t00:00:00z',
    '2026-01-01 00:00:00Z',
    '2026-01-01T00:00:00.0000Z',
    '2026-01-01T00:00:00.Z',
    '+02026-01-01T00:00:00Z',
    ' 2026-01-01T00:00:00Z',
    ...IMPOSSIBLE,
  ])('rejects %j', (text) => {
    expect(parseUtcTimestamp(text)).toBeUndefined();
  });

  it('rejects what is not a string', () => {
    for (const value of [undefined, null, 0, Date.UTC(2026, 0, 1), new Date(0)]) expect(parseUtcTimestamp(value)).toBeUndefined();
  });
});

describe('isMillisecondTimestamp (a bundle payload time)', () => {
  it('accepts exactly three fraction digits and a real date', () => {
    expect(isMillisecondTimestamp('2026-01-05T09:00:00.900Z')).toBe(true);
    expect(isMillisecondTimestamp('2024-02-29T23:59:59.999Z')).toBe(true);
  });

  it.each(['2026-01-05T09:00:00Z', '2026-01-05T09:00:00.9Z', '2026-01-05T09:00:00.90Z', '2026-01-05T09:00:00.9000Z', '2026-02-30T09:00:00.000Z', '2016-12-31T23:59:60.000Z', '2026-01-05T09:00:00.000+00:00'])(
    'rejects %j',
    (text) => {
      expect(isMillisecondTimestamp(text)).toBe(false);
    },
  );
});

describe('parseRfc3339 (times other systems wrote)', () => {
  it.each([
    ['2025-03-04T09:15:00Z', Date.UTC(2025, 2, 4, 9, 15)],
    ['2025-03-04T09:15:00+01:00', Date.UTC(2025, 2, 4, 8, 15)],
    ['2025-03-04T09:15:00-05:30', Date.UTC(2025, 2, 4, 14, 45)],
    ['2025-03-04T09:15:00-00:00', Date.UTC(2025, 2, 4, 9, 15)],
    ['2025-03-04T09:15:00+23:59', Date.UTC(2025, 2, 4, 9, 15) - (23 * 60 + 59) * 60_000],
    ['2025-03-04T00:30:00+01:00', Date.UTC(2025, 2, 3, 23, 30)],
    ['2025-03-04T09:15:00.5Z', Date.UTC(2025, 2, 4, 9, 15, 0, 500)],
    ['2025-03-04T09:15:00.123456789Z', Date.UTC(2025, 2, 4, 9, 15, 0, 123)],
    ['2025-03-04T09:15:00.9999+05:30', Date.UTC(2025, 2, 4, 3, 45, 0, 999)],
  ])('reads %s', (text, ms) => {
    expect(parseRfc3339(text)).toBe(ms);
  });

  it('agrees with Date.parse on every well-formed time it reads', () => {
    for (const text of ['2025-03-04T09:15:00Z', '2025-03-04T09:15:00.25+01:00', '2024-02-29T23:59:59.999-12:00', '0001-01-01T00:00:00Z']) {
      expect(parseRfc3339(text), text).toBe(Date.parse(text));
    }
  });

  it.each([
    '2025-03-04',
    '2025-03-04T09:15:00',
    '2025-03-04T09:15Z',
    '2025-03-04t09:15:00z',
    '2025-03-04T09:15:00+0100',
    '2025-03-04T09:15:00+01',
    '2025-03-04T09:15:00+24:00',
    '2025-03-04T09:15:00+01:60',
    '2025-03-04T09:15:00.1234567890Z',
    'Tue, 04 Mar 2025 09:15:00 GMT',
    ...IMPOSSIBLE,
    '2016-12-31T23:59:60+00:00',
  ])('rejects %j', (text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });
});

describe('formatUtcTimestamp', () => {
  it('writes YYYY-MM-DDTHH:MM:SS.sssZ, which parseUtcTimestamp reads back', () => {
    for (const ms of [0, Date.UTC(2026, 0, 5, 9, 0, 0, 900), -1, MIN_TIMESTAMP_MS, MAX_TIMESTAMP_MS, Date.parse('0050-06-15T12:00:00.001Z')]) {
      const text = formatUtcTimestamp(ms);
      expect(text !== undefined && isMillisecondTimestamp(text), String(ms)).toBe(true);
      expect(parseUtcTimestamp(text)).toBe(ms);
    }
    expect(formatUtcTimestamp(Date.UTC(2026, 0, 5, 9, 0, 0, 900))).toBe('2026-01-05T09:00:00.900Z');
    expect(formatUtcTimestamp(MIN_TIMESTAMP_MS)).toBe('0000-01-01T00:00:00.000Z');
  });

  it('gives nothing where RFC 3339 has no four-digit year, or for a non-finite number', () => {
    for (const ms of [MIN_TIMESTAMP_MS - 1, MAX_TIMESTAMP_MS + 1, 8.64e15, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatUtcTimestamp(ms), String(ms)).toBeUndefined();
    }
  });
});
