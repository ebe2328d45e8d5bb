import { describe, expect, it } from 'vitest';
import { isClawproofError } from '../../src/core/errors.js';
import {
  checkVerifyMemory,
  currentHeapBudget,
  HEAP_BASE_BYTES,
  HEAP_BYTES_PER_BUNDLE_BYTE,
  verifyHeapEstimate,
  VerifyMemoryError,
  type BundleFormat,
  type HeapBudget,
} from '../../src/node/verify-memory.js';
import { MAX_BUNDLE_BYTES } from '../../src/node/input-limits.js';

const MIB = 1024 * 1024;

function refusal(what: string, bytes: number, budget: HeapBudget, format: BundleFormat = 'v1'): VerifyMemoryError {
  try {
    checkVerifyMemory(what, bytes, format, budget);
  } catch (error) {
    if (error instanceof VerifyMemoryError) return error;
    throw error;
  }
  throw new Error('checkVerifyMemory accepted it');
}

describe('verifyHeapEstimate', () => {
  it('is the fixed base plus the per-byte figure times the size, rounded up to whole bytes', () => {
    expect(verifyHeapEstimate(0, 'v1')).toBe(HEAP_BASE_BYTES);
    expect(verifyHeapEstimate(1, 'v1')).toBe(HEAP_BASE_BYTES + Math.ceil(HEAP_BYTES_PER_BUNDLE_BYTE.v1));
    expect(verifyHeapEstimate(100 * MIB, 'v1')).toBe(HEAP_BASE_BYTES + Math.ceil(100 * MIB * HEAP_BYTES_PER_BUNDLE_BYTE.v1));
  });

  it('grows with the bundle and never asks for less for a bigger one', () => {
    let previous = -1;
    for (const bytes of [0, 1, 1000, MIB, 13_960_544, 133 * MIB, MAX_BUNDLE_BYTES]) {
      const estimate = verifyHeapEstimate(bytes, 'v1');
      expect(estimate).toBeGreaterThan(previous);
      expect(estimate).toBeGreaterThan(bytes);
      previous = estimate;
    }
  });

  it('allows for what was measured: the 1,000-ticket bench bundle needed a heap of 94 MiB old space', () => {
    expect(verifyHeapEstimate(13_960_544, 'v1')).toBeGreaterThanOrEqual(94 * MIB);
  });

  it('allows for what a v2 file was measured to need: 248 MiB old space for the 10,000-ticket bench file of 51.2 MiB', () => {
    expect(verifyHeapEstimate(53_700_000, 'v2')).toBeGreaterThanOrEqual(248 * MIB + 48 * MIB);
  });

  it('asks less for a v2 file than for a v1 bundle of the same size, and grows with it too', () => {
    for (const bytes of [MIB, 51 * MIB, 512 * MIB]) {
      expect(verifyHeapEstimate(bytes, 'v2')).toBeLessThan(verifyHeapEstimate(bytes, 'v1'));
      expect(verifyHeapEstimate(bytes + 1, 'v2')).toBeGreaterThan(verifyHeapEstimate(bytes, 'v2'));
    }
  });
});

describe('checkVerifyMemory', () => {
  it('accepts a bundle whose estimate fits in what the heap has left', () => {
    const bytes = 10 * MIB;
    const used = 20 * MIB;
    expect(() => checkVerifyMemory('the bundle b', bytes, 'v1', { limit: used + verifyHeapEstimate(bytes, 'v1'), used })).not.toThrow();
  });

  it('refuses one byte of heap short, with a typed error that gives the size, the estimate, the limit and a heap that would do', () => {
    const bytes = 240 * 1000 * 1000;
    const used = 12 * MIB;
    const budget = { limit: used + verifyHeapEstimate(bytes, 'v1') - 1, used };
    const error = refusal('the bundle big.clawproof', bytes, budget);
    expect(isClawproofError(error)).toBe(true);
    expect(error.code).toBe('VERIFY_HEAP_TOO_SMALL');
    expect(error.details).toMatchObject({ bundleBytes: bytes, estimate: verifyHeapEstimate(bytes, 'v1'), limit: budget.limit, used });
    expect(error.message).toMatch(/^the bundle big\.clawproof is 228\.9 MiB \(240,000,000 bytes\); verifying a v1 bundle of that size needs about /);
    expect(error.message).toContain(`${verifyHeapEstimate(bytes, 'v1').toLocaleString('en-US')} bytes) of JavaScript heap`);
    expect(error.message).toContain(`this process may use ${(budget.limit / 1024 / MIB).toFixed(1)} GiB`);
    const suggested = Number(/NODE_OPTIONS=--max-old-space-size=(\d+) /.exec(error.message)?.[1]);
    // The heap it suggests fits the estimate on top of what is in use, in whole 256 MiB steps.
    expect(suggested * MIB).toBeGreaterThanOrEqual(used + verifyHeapEstimate(bytes, 'v1'));
    expect(suggested % 256).toBe(0);
    expect(error.details?.['suggestedMaxOldSpaceMiB']).toBe(suggested);
  });

  it('judges a v2 file by the v2 estimate and names its format: one a v1 estimate would refuse passes', () => {
    const bytes = 500 * MIB;
    const budget = { limit: verifyHeapEstimate(bytes, 'v2') + MIB, used: MIB };
    expect(() => checkVerifyMemory('the bundle b', bytes, 'v2', budget)).not.toThrow();
    expect(refusal('the bundle b', bytes, budget, 'v1').message).toContain('verifying a v1 bundle of that size');
    const v2 = refusal('the bundle b', bytes, { ...budget, used: MIB + 1 }, 'v2');
    expect(v2.message).toContain('verifying a v2 bundle of that size');
    expect(v2.details).toMatchObject({ format: 'v2', estimate: verifyHeapEstimate(bytes, 'v2') });
  });

  it('counts the heap already in use against the limit', () => {
    const bytes = MIB;
    const limit = verifyHeapEstimate(bytes, 'v1') + 10 * MIB;
    expect(() => checkVerifyMemory('b', bytes, 'v1', { limit, used: 10 * MIB })).not.toThrow();
    expect(refusal('b', bytes, { limit, used: 10 * MIB + 1 }).code).toBe('VERIFY_HEAP_TOO_SMALL');
  });

  it('reads the budget of this process from V8: a limit above what is in use', () => {
    const budget = currentHeapBudget();
    expect(budget.used).toBeGreaterThan(0);
    expect(budget.limit).toBeGreaterThan(budget.used);
  });
});
