/**
 * IBAN validation (ISO 13616): country code, the per-country length from the SWIFT IBAN
 * registry, check digits 02..98, and the ISO 7064 MOD 97-10 checksum.
 */

/** Total IBAN length per country, SWIFT IBAN registry (countries with a registered format). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Expected total length for a country code (upper case), or undefined if it has no IBAN format. */
export function ibanLength(countryCode: string): number | undefined {
  return Object.hasOwn(IBAN_LENGTHS, countryCode) ? IBAN_LENGTHS[countryCode] : undefined;
}

/**
 * MOD 97-10 remainder of an upper-case alphanumeric IBAN after moving the first four
 * characters to the end and writing letters as 10..35. Computed piecewise: no big integers.
 */
export function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let r = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
    else return -1;
  }
  return r;
}

/** True for a compact (no spaces), upper-case IBAN that passes every check above. */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) return false;
  if (ibanLength(iban.slice(0, 2)) !== iban.length) return false;
  const check = Number(iban.slice(2, 4));
  // Check digits are 98 - (remainder), so 00, 01 and 99 never occur in a real IBAN.
  if (check < 2 || check > 98) return false;
  return ibanRemainder(iban) === 1;
}
