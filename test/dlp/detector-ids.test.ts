import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS, PLACEHOLDER_LABELS, SPECIFICITY, detectorKind, isDetectorId } from '../../src/dlp/detector-ids.js';
import { DLP_RULESET_VERSION, RULESET_DETECTOR_IDS } from '../../src/dlp/ruleset.js';

const RULESET_1 = [
  'secret.aws', 'secret.github', 'secret.slack', 'secret.stripe', 'secret.private_key', 'secret.jwt',
  'secret.generic', 'pii.email', 'pii.phone', 'pii.card', 'pii.iban',
];

describe('detector ids', () => {
  it('keep every id of ruleset 1, in its relative order, and add the new families', () => {
    expect(DETECTOR_IDS.filter((id) => RULESET_1.includes(id))).toEqual(RULESET_1);
    expect(DETECTOR_IDS).toEqual(expect.arrayContaining(['secret.google', 'secret.openai', 'secret.anthropic', 'secret.kubernetes', 'pii.ssn']));
    expect(new Set(DETECTOR_IDS).size).toBe(DETECTOR_IDS.length);
  });

  it('list secrets before PII, with the generic guess last among the secrets', () => {
    const kinds = DETECTOR_IDS.map(detectorKind);
    const firstPii = kinds.indexOf('pii');
    expect(kinds.slice(firstPii).every((k) => k === 'pii')).toBe(true);
    expect(DETECTOR_IDS[firstPii - 1]).toBe('secret.generic');
  });

  it('have a kind from their prefix, distinct labels and a strict specificity order', () => {
    for (const id of DETECTOR_IDS) expect(detectorKind(id)).toBe(id.split('.')[0]);
    expect(new Set(Object.values(PLACEHOLDER_LABELS)).size).toBe(DETECTOR_IDS.length);
    for (const label of Object.values(PLACEHOLDER_LABELS)) expect(label).toMatch(/^[A-Z][A-Z0-9_]*$/);
    expect([...new Set(Object.values(SPECIFICITY))].sort((a, b) => a - b)).toEqual([...Array(DETECTOR_IDS.length).keys()]);
    // Ruleset 1's order of specificity is kept, and the keyword guess stays the least specific.
    const order = RULESET_1.map((id) => SPECIFICITY[id as keyof typeof SPECIFICITY]);
    expect(RULESET_1.slice().sort((a, b) => SPECIFICITY[a as keyof typeof SPECIFICITY] - SPECIFICITY[b as keyof typeof SPECIFICITY])).toEqual([
      'secret.private_key', 'secret.jwt', 'secret.aws', 'secret.github', 'secret.slack', 'secret.stripe', 'pii.iban', 'pii.card', 'pii.email', 'pii.phone', 'secret.generic',
    ]);
    expect(Math.max(...order)).toBe(SPECIFICITY['secret.generic']);
    expect(SPECIFICITY['secret.generic']).toBe(DETECTOR_IDS.length - 1);
  });

  it('recognises only exact ids', () => {
    expect(isDetectorId('pii.email')).toBe(true);
    expect(isDetectorId('pii.ssn')).toBe(true);
    for (const v of ['PII.EMAIL', 'pii.email ', 'email', 'toString', 42, null]) expect(isDetectorId(v)).toBe(false);
  });
});

describe('ruleset versions', () => {
  it('name the current ruleset, which has exactly the current ids', () => {
    expect(typeof DLP_RULESET_VERSION).toBe('string');
    expect(RULESET_DETECTOR_IDS[DLP_RULESET_VERSION]).toEqual([...DETECTOR_IDS]);
    expect(RULESET_DETECTOR_IDS['1']).toEqual(RULESET_1);
  });

  it('only ever add ids: each version keeps every id of the one before', () => {
    const versions = Object.keys(RULESET_DETECTOR_IDS).sort((a, b) => Number(a) - Number(b));
    for (let i = 1; i < versions.length; i++) {
      expect(RULESET_DETECTOR_IDS[versions[i]!]).toEqual(expect.arrayContaining([...RULESET_DETECTOR_IDS[versions[i - 1]!]!]));
    }
  });
});
