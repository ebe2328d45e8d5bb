import { describe, expect, it } from 'vitest';
import { compareOutcome, judgeOutcome } from '../../../src/verify/conformance/compare.js';
import type { Alternative, Expectation } from '../../../src/verify/conformance/manifest.js';
import type { Outcome } from '../../../src/verify/conformance/outcome.js';

const EXPECTED: Expectation = {
  verdict: 'invalid',
  failing: [
    { check: 'receipts', code: 'RECEIPT_CHAIN_BROKEN', codes: ['RECEIPT_CHAIN_BROKEN', 'RECEIPT_COUNT_MISMATCH'] },
    { check: 'manifest', code: 'MERKLE_ROOT_MISMATCH', codes: ['MERKLE_ROOT_MISMATCH'] },
  ],
  warnings: [{ check: 'trust', code: 'TRUST_ROOT_DEMO_ONLY' }],
  unknownSigners: [],
};
const same = (): Outcome => structuredClone(EXPECTED);

describe('compareOutcome', () => {
  it('finds nothing to say about the expected outcome, whatever the order of the failing checks and warnings', () => {
    const reordered = { ...same(), failing: [...EXPECTED.failing].reverse() };
    expect(compareOutcome(EXPECTED, reordered)).toEqual({ must: [], should: [] });
  });

  it('[R-CONF-2] [R-CONF-3] [R-CONF-4] holds the verdict, the set of failing checks and each check\'s code to MUST', () => {
    const wrong: Outcome = {
      ...same(),
      verdict: 'unknown-signer',
      failing: [
        { check: 'receipts', code: 'RECEIPT_DUPLICATE', codes: ['RECEIPT_DUPLICATE'] },
        { check: 'replay', code: 'CST_JTI_REUSED', codes: ['CST_JTI_REUSED'] },
      ],
    };
    expect(compareOutcome(EXPECTED, wrong).must).toEqual([
      'verdict: expected invalid, got unknown-signer',
      'receipts: expected code RECEIPT_CHAIN_BROKEN, got RECEIPT_DUPLICATE',
      'manifest: expected to fail with MERKLE_ROOT_MISMATCH, did not fail',
      'replay: failed with CST_JTI_REUSED, expected not to fail',
    ]);
  });

  it('holds the other failing codes, the warnings and the unknown signers to SHOULD only', () => {
    const loose: Outcome = {
      ...same(),
      failing: [
        { check: 'receipts', code: 'RECEIPT_CHAIN_BROKEN', codes: ['RECEIPT_CHAIN_BROKEN'] },
        { check: 'manifest', code: 'MERKLE_ROOT_MISMATCH', codes: ['MERKLE_ROOT_MISMATCH', 'MANIFEST_TIME_MISMATCH'] },
      ],
      warnings: [{ check: 'approvals', code: 'APPROVAL_AUTOMATIC' }],
      unknownSigners: ['sha256:aa'],
    };
    expect(compareOutcome(EXPECTED, loose)).toEqual({
      must: [],
      should: [
        'receipts failing codes: missing RECEIPT_COUNT_MISMATCH',
        'manifest failing codes: unexpected MANIFEST_TIME_MISMATCH',
        'warnings: missing trust TRUST_ROOT_DEMO_ONLY; unexpected approvals APPROVAL_AUTOMATIC',
        'unknown signers: unexpected sha256:aa',
      ],
    });
  });
});

describe('judgeOutcome', () => {
  const alternative: Alternative = { flag: 'DepthLimit', verdict: 'invalid', failing: [{ check: 'structure', code: 'INPUT_NOT_OBJECT', codes: ['INPUT_NOT_OBJECT'] }], warnings: [], unknownSigners: [] };
  const deep: Expectation = { verdict: 'invalid', failing: [{ check: 'structure', code: 'INPUT_TOO_DEEP', codes: ['INPUT_TOO_DEEP'] }], warnings: [], unknownSigners: [] };

  it('passes a SHOULD difference, and fails it when strict', () => {
    const noWarnings = { ...same(), warnings: [] };
    expect(judgeOutcome(EXPECTED, [], noWarnings, false).pass).toBe(true);
    expect(judgeOutcome(EXPECTED, [], noWarnings, true).pass).toBe(false);
  });

  it('accepts an alternative its flag allows, names it, and refuses it when strict', () => {
    const other: Outcome = structuredClone({ ...alternative, flag: undefined });
    const lenient = judgeOutcome(deep, [alternative], other, false);
    expect(lenient).toMatchObject({ pass: true, alternative: { flag: 'DepthLimit' }, comparison: { must: [] } });
    const strict = judgeOutcome(deep, [alternative], other, true);
    expect(strict.pass).toBe(false);
    expect(strict.comparison.must).toEqual(['structure: expected code INPUT_TOO_DEEP, got INPUT_NOT_OBJECT']);
  });

  it('fails an outcome that matches neither, reporting the differences from the expected one', () => {
    const neither: Outcome = { ...structuredClone(deep), failing: [{ check: 'structure', code: 'INPUT_NOT_JSON', codes: ['INPUT_NOT_JSON'] }] };
    expect(judgeOutcome(deep, [alternative], neither, false)).toEqual({ pass: false, comparison: { must: ['structure: expected code INPUT_TOO_DEEP, got INPUT_NOT_JSON'], should: [] } });
  });
});
