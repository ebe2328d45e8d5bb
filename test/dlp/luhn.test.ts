import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../src/dlp/luhn.js';

describe('luhnValid', () => {
  it.each(['0', '18', '79927398713', '4111111111111111', '378282246310005', '6011111111111117'])('accepts %s', (n) => {
    expect(luhnValid(n)).toBe(true);
  });

  it.each(['1', '79927398710', '79927398711', '4111111111111112'])('rejects %s', (n) => {
    expect(luhnValid(n)).toBe(false);
  });

  it('rejects the empty string and anything with a non-digit', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('4111-1111-1111-1111')).toBe(false);
    expect(luhnValid('０')).toBe(false); // full-width zero
  });

  it('detects every single-digit substitution in a valid number', () => {
    const valid = '79927398713';
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const s = valid.slice(0, i) + d + valid.slice(i + 1);
        if (s !== valid) expect(luhnValid(s), s).toBe(false);
      }
    }
  });

  it('detects adjacent transpositions except 09 <-> 90 (the known Luhn blind spot)', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    const valid = '5105105105105100';
    for (let i = 0; i + 1 < valid.length; i++) {
      const a = valid[i]!;
      const b = valid[i + 1]!;
      if (a === b || (a + b === '09' || a + b === '90')) continue;
      const swapped = valid.slice(0, i) + b + a + valid.slice(i + 2);
      expect(luhnValid(swapped), swapped).toBe(false);
    }
  });
});
