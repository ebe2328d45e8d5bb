/**
 * RFC 3339 timestamps. Every time this project writes is UTC, `YYYY-MM-DDTHH:MM:SS(.f{1,3})?Z`
 * (docs/FORMATS.md, "Trust root"); a bundle payload's is that with exactly three fraction digits.
 * Times written elsewhere (a Zendesk export) may carry an offset and more fraction digits.
 * Everything here checks the calendar itself: `Date.parse` would roll February 30 into March.
 * A leap second (`:60`) is refused everywhere: a JavaScript Date cannot hold it.
 */

type Six<T> = [T, T, T, T, T, T];

/** YYYY-MM-DDTHH:MM:SS, optional .f to .fff, then Z: RFC 3339 in UTC, at most millisecond precision. */
const UTC_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;
/** The bundle's Timestamp: exactly three fraction digits. */
export const MILLISECOND_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** RFC 3339 date-time with any number of fraction digits and a Z or numeric offset (uppercase T and Z). */
const RFC3339_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The first and last instants RFC 3339 can write (four-digit years 0000 to 9999). */
export const MIN_TIMESTAMP_MS = instant(0, 1, 1, 0, 0, 0, 0)!;
export const MAX_TIMESTAMP_MS = instant(9999, 12, 31, 23, 59, 59, 999)!;

/**
 * Milliseconds since the epoch for an RFC 3339 UTC timestamp of the form
 * `YYYY-MM-DDTHH:MM:SS(.f{1,3})?Z`, or undefined for any other text or an impossible date
 * (February 30, hour 24, leap second 60). `...00.5Z` and `...00.500Z` are the same instant.
 */
export function parseUtcTimestamp(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = UTC_PATTERN.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as Six<number>;
  return instant(year, month, day, hour, minute, second, fractionMs(m[7]));
}

/** True for a bundle payload's Timestamp: `YYYY-MM-DDTHH:MM:SS.sssZ`, a real date and time. */
export function isMillisecondTimestamp(text: unknown): text is string {
  return typeof text === 'string' && MILLISECOND_PATTERN.test(text) && parseUtcTimestamp(text) !== undefined;
}

/**
 * Milliseconds since the epoch for an RFC 3339 date-time with a `Z` or a `+HH:MM` / `-HH:MM`
 * offset and up to nine fraction digits (cut to milliseconds), or undefined for any other text or
 * an impossible date, time or offset. For times other systems wrote; ours are parseUtcTimestamp's.
 */
export function parseRfc3339(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const m = RFC3339_PATTERN.exec(text);
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as Six<number>;
  const local = instant(year, month, day, hour, minute, second, fractionMs(m[7]));
  if (local === undefined) return undefined;
  if (m[8] === undefined) return local;
  const offsetHours = Number(m[9]);
  const offsetMinutes = Number(m[10]);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const sign = m[8] === '+' ? 1 : -1;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ` for an instant in milliseconds since the epoch, or undefined when it
 * is not a finite number within years 0000 to 9999 (where Date would write `+010000-...`).
 */
export function formatUtcTimestamp(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < MIN_TIMESTAMP_MS || ms > MAX_TIMESTAMP_MS) return undefined;
  return new Date(ms).toISOString();
}

/** Fraction digits as whole milliseconds: `.5` is 500, `.123456` is 123 (cut, not rounded). */
function fractionMs(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits.slice(0, 3).padEnd(3, '0'));
}

/** The instant of a UTC calendar date and time, or undefined when there is no such date or time. */
function instant(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number | undefined {
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years 0-99 literal, unlike Date.UTC
  date.setUTCHours(hour, minute, second, millis);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime();
}
