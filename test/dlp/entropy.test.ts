import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../src/dlp/entropy.js';

describe('shannonEntropy', () => {
  it('is 0 for empty and single-symbol strings', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
  });

  it('is log2(n) for n equally frequent symbols', () => {
    expect(shannonEntropy('ab')).toBeCloseTo(1, 12);
    expect(shannonEntropy('abcd')).toBeCloseTo(2, 12);
    expect(shannonEntropy('abcdefgh'.repeat(3))).toBeCloseTo(3, 12);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4, 12);
  });

  it('weights by frequency', () => {
    // p = 3/4, 1/4: -(0.75 log2 0.75 + 0.25 log2 0.25) = 0.8113
    expect(shannonEntropy('aaab')).toBeCloseTo(0.811278, 5);
  });

  it('does not depend on order, and counts UTF-16 code units', () => {
    expect(shannonEntropy('abcabc')).toBe(shannonEntropy('cbaabc'));
    expect(shannonEntropy('😀')).toBeCloseTo(1, 12); // two distinct surrogates
  });
});
