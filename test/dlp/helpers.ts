/**
 * Test helpers: a seeded PRNG and generators of well-formed (fake) secrets and PII.
 * Tokens are generated at run time, never written out literally, so the repository holds no
 * strings that secret scanners (GitHub push protection, gitleaks) would flag.
 */
import { base64urlEncode, utf8Encode } from '../../src/core/bytes.js';
import { DETECTOR_IDS, type DetectorId } from '../../src/dlp/detector-ids.js';
import { ibanRemainder } from '../../src/dlp/iban-check.js';
import { scanText } from '../../src/dlp/scan-text.js';

export const ALL: readonly DetectorId[] = DETECTOR_IDS;

/** [detector, matched text] for each finding: what a reader of a failing test wants to see. */
export function found(text: string, detectors: readonly DetectorId[] = ALL): [DetectorId, string][] {
  return scanText(text, detectors).map((f) => [f.detector, text.slice(f.start, f.end)]);
}

/** Texts matched by one detector alone. */
export function matches(detector: DetectorId, text: string): string[] {
  return scanText(text, [detector]).map((f) => text.slice(f.start, f.end));
}

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const BASE62 = UPPER + LOWER + DIGITS;
export const BASE64 = BASE62 + '+/';
export const HEX = '0123456789abcdef';

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}

export const fake = {
  awsKeyId: (r: Rng, prefix = 'AKIA') => prefix + r.chars(UPPER + '234567', 20 - prefix.length),
  awsSecret: (r: Rng) => r.chars(BASE64, 40),
  github: (r: Rng, prefix: 'ghp' | 'gho' | 'ghu' | 'ghs' | 'ghr' = 'ghp') => `${prefix}_${r.chars(BASE62, 36)}`,
  githubFineGrained: (r: Rng) => `github_${'pat'}_${r.chars(BASE62, 22)}_${r.chars(BASE62, 59)}`,
  slack: (r: Rng, prefix: 'xoxb' | 'xoxp' | 'xoxa' | 'xoxr' = 'xoxb') =>
    `${prefix}-${r.chars(DIGITS, 12)}-${r.chars(DIGITS, 13)}-${r.chars(BASE62, 24)}`,
  slackApp: (r: Rng) => `xapp-1-A${r.chars(UPPER + DIGITS, 10)}-${r.chars(DIGITS, 13)}-${r.chars(HEX, 64)}`,
  slackWebhook: (r: Rng) =>
    `https://hooks.${'slack'}.com/services/T${r.chars(UPPER + DIGITS, 8)}/B${r.chars(UPPER + DIGITS, 10)}/${r.chars(BASE62, 24)}`,
  stripe: (r: Rng, kind: 'sk' | 'rk' = 'sk', mode: 'live' | 'test' = 'live') => `${kind}_${mode}_${r.chars(BASE62, 24)}`,
  stripeWebhook: (r: Rng) => `whsec_${r.chars(BASE62, 32)}`,
  jwt: (r: Rng, header: object = { alg: 'HS256', typ: 'JWT' }, signed = true) =>
    [
      base64urlEncode(utf8Encode(JSON.stringify(header))),
      base64urlEncode(utf8Encode(JSON.stringify({ sub: r.chars(DIGITS, 10), iat: 1700000000 + r.int(1e6) }))),
      signed ? r.chars(BASE62 + '-_', 43) : '',
    ].join('.'),
  pem: (r: Rng, label: string, lines = 6, end = true) => {
    const body = Array.from({ length: lines }, (_, i) => r.chars(BASE64, i === lines - 1 ? 20 : 64));
    const begin = `-----BEGIN ${label}-----`;
    return [begin, ...body, ...(end ? [begin.replace('BEGIN', 'END')] : [])].join('\n');
  },
  /** A PAN with the given prefix and length whose last digit is the Luhn check digit. */
  card: (r: Rng, prefix: string, length: number) => {
    const partial = prefix + r.chars(DIGITS, length - prefix.length - 1);
    for (let d = 0; d < 10; d++) if (luhnOk(partial + d)) return partial + d;
    throw new Error('unreachable');
  },
  /** A compact IBAN for the country and BBAN with correct check digits. */
  iban: (country: string, bban: string) => {
    const r = ibanRemainder(`${country}00${bban}`);
    return `${country}${String(98 - r).padStart(2, '0')}${bban}`;
  },
};

/** Independent Luhn for the generator, so tests of luhn.ts do not rely on luhn.ts itself. */
function luhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** "DE89370400440532013000" -> "DE89 3704 0044 0532 0130 00" (the print form). */
export function groupBy4(compact: string, sep = ' '): string {
  return compact.replace(/(.{4})(?=.)/g, `$1${sep}`);
}
