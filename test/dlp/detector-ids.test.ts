import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS, PLACEHOLDER_LABELS, SPECIFICITY, detectorKind, isDetectorId } from '../../src/dlp/detector-ids.js';

describe('detector ids', () => {
  it('are the fixed published list, in order', () => {
    expect(DETECTOR_IDS).toEqual([
      'secret.aws', 'secret.github', 'secret.slack', 'secret.stripe', 'secret.private_key', 'secret.jwt',
      'secret.generic', 'pii.email', 'pii.phone', 'pii.card', 'pii.iban',
    ]);
  });

  it('have a kind from their prefix, distinct labels and a strict specificity order', () => {
    expect(DETECTOR_IDS.map(detectorKind)).toEqual([...Array(7).fill('secret'), ...Array(4).fill('pii')]);
    expect(new Set(Object.values(PLACEHOLDER_LABELS)).size).toBe(DETECTOR_IDS.length);
    expect([...new Set(Object.values(SPECIFICITY))].sort((a, b) => a - b)).toEqual([...Array(11).keys()]);
  });

  it('recognises only exact ids', () => {
    expect(isDetectorId('pii.email')).toBe(true);
    for (const v of ['PII.EMAIL', 'pii.email ', 'email', 'toString', 42, null]) expect(isDetectorId(v)).toBe(false);
  });
});
