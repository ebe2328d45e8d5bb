/**
 * Fake payment identifiers that pass the checks real ones pass, so a detector that validates
 * checksums (as it should, to avoid redacting order numbers) still finds them:
 * card numbers with a valid Luhn digit on test-only issuer prefixes, and IBANs with valid
 * ISO 13616 mod-97 check digits (plus the national check digits for ES and FR).
 */
import type { Prng } from './prng.js';

/** The Luhn check digit that completes `body` (ISO/IEC 7812-1 annex B). */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

// Prefixes of the card-network test ranges payment processors document for sandboxes.
const CARD_PREFIXES = [
  { prefix: '424242', length: 16 },
  { prefix: '400000', length: 16 },
  { prefix: '555555', length: 16 },
  { prefix: '510510', length: 16 },
  { prefix: '378282', length: 15 },
  { prefix: '371449', length: 15 },
] as const;

export function fakeCardNumber(prng: Prng): string {
  const { prefix, length } = prng.pick(CARD_PREFIXES);
  const body = prefix + prng.chars('0123456789', length - prefix.length - 1);
  const pan = body + luhnCheckDigit(body);
  if (length === 15) {
    // Amex is written 4-6-5.
    return prng.chance(50) ? `${pan.slice(0, 4)} ${pan.slice(4, 10)} ${pan.slice(10)}` : pan;
  }
  const style = prng.int(0, 2);
  if (style === 0) return pan;
  const sep = style === 1 ? ' ' : '-';
  return pan.match(/.{4}/g)?.join(sep) ?? pan;
}

/** ISO 7064 MOD 97-10 remainder of a numeric string of any length. */
function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + (ch.charCodeAt(0) - 48)) % 97;
  return r;
}

function ibanNumeric(s: string): string {
  return [...s].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
}

/** The full IBAN for `country` + `bban`, check digits computed (ISO 13616-1). */
export function ibanFromBban(country: string, bban: string): string {
  const check = 98 - mod97(ibanNumeric(bban + country + '00'));
  return country + String(check).padStart(2, '0') + bban;
}

// Spanish CCC control digits: weights over (0 0 bank branch) and over the account.
function spanishControl(digits: string): string {
  const weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * (weights[i] ?? 0);
  const d = 11 - (sum % 11);
  return String(d === 11 ? 0 : d === 10 ? 1 : d);
}

// French RIB key: 97 - ((89 * bank + 15 * branch + 3 * account) mod 97), account all digits here.
function ribKey(bank: string, branch: string, account: string): string {
  const r = (89 * Number(bank) + 15 * Number(branch) + 3 * mod97(account)) % 97;
  return String(97 - r).padStart(2, '0');
}

export function fakeIban(prng: Prng, country: 'DE' | 'GB' | 'FR' | 'ES' | 'NL'): string {
  const d = (n: number): string => prng.chars('0123456789', n);
  switch (country) {
    case 'DE':
      return ibanFromBban('DE', d(8) + d(10));
    case 'GB':
      return ibanFromBban('GB', prng.pick(['NWBK', 'BARC', 'MIDL', 'LOYD']) + d(6) + d(8));
    case 'NL':
      return ibanFromBban('NL', prng.pick(['ABNA', 'INGB', 'RABO', 'TRIO']) + d(10));
    case 'ES': {
      const bank = d(4);
      const branch = d(4);
      const account = d(10);
      const control = spanishControl(`00${bank}${branch}`) + spanishControl(account);
      return ibanFromBban('ES', bank + branch + control + account);
    }
    case 'FR': {
      const bank = d(5);
      const branch = d(5);
      const account = d(11);
      return ibanFromBban('FR', bank + branch + account + ribKey(bank, branch, account));
    }
  }
}

/** Print form: groups of four separated by spaces, as on a bank statement. */
export function formatIban(iban: string): string {
  return iban.match(/.{1,4}/g)?.join(' ') ?? iban;
}
