import { describe, expect, it } from 'vitest';
import {
  DETECTOR_IDS,
  DLP_PATTERN_NAMES,
  DLP_PATTERNS,
  PII_DETECTOR_IDS,
  SECRET_DETECTOR_IDS,
  sortDetectorIds,
} from '../../src/policy/dlp-patterns.js';
import { DETECTOR_IDS as DLP_DETECTOR_IDS } from '../../src/dlp/detector-ids.js';

describe('DLP pattern mapping', () => {
  it('maps the seed patterns to the detector groups the dlp layer implements', () => {
    // Every vendor token format (ruleset 1's four and ruleset 2's) and the generic guess; not
    // private keys, JWTs or Kubernetes Secret values, which have patterns of their own or any_secret.
    const apiKeys = DLP_PATTERNS.api_key_like.detectors;
    expect(apiKeys.slice(0, 4)).toEqual(['secret.aws', 'secret.github', 'secret.slack', 'secret.stripe']);
    expect(apiKeys).toEqual(expect.arrayContaining(['secret.google', 'secret.openai', 'secret.anthropic', 'secret.gitlab', 'secret.datadog', 'secret.onepassword']));
    expect(apiKeys[apiKeys.length - 1]).toBe('secret.generic');
    for (const id of ['secret.private_key', 'secret.jwt', 'secret.kubernetes'] as const) expect(apiKeys).not.toContain(id);
    expect(apiKeys).toEqual(sortDetectorIds(apiKeys));
    expect(DLP_PATTERNS.email.detectors).toEqual(['pii.email']);
    expect(DLP_PATTERNS.phone.detectors).toEqual(['pii.phone']);
  });

  it('lists the same detector ids, in the same order, as the dlp layer', () => {
    expect(DETECTOR_IDS).toEqual(DLP_DETECTOR_IDS);
  });

  it('has an entry for every pattern name and only known detector ids', () => {
    expect(Object.keys(DLP_PATTERNS).sort()).toEqual([...DLP_PATTERN_NAMES].sort());
    for (const name of DLP_PATTERN_NAMES) {
      for (const id of DLP_PATTERNS[name].detectors) expect(DETECTOR_IDS).toContain(id);
    }
  });

  it('keeps each pattern within its type: secret patterns only secret detectors, pii only pii', () => {
    for (const name of DLP_PATTERN_NAMES) {
      const { type, detectors } = DLP_PATTERNS[name];
      for (const id of detectors) expect(id.startsWith(`${type}.`)).toBe(true);
    }
  });

  it('reaches every detector through some pattern, and any_* covers its whole group', () => {
    const reached = new Set(DLP_PATTERN_NAMES.flatMap((n) => DLP_PATTERNS[n].detectors));
    expect([...reached].sort()).toEqual([...DETECTOR_IDS].sort());
    expect(DLP_PATTERNS.any_secret.detectors).toEqual(SECRET_DETECTOR_IDS);
    expect(DLP_PATTERNS.any_pii.detectors).toEqual(PII_DETECTOR_IDS);
  });

  it('sorts detector ids into the fixed catalog order, without duplicates', () => {
    expect(sortDetectorIds(['pii.email', 'secret.jwt', 'pii.email', 'secret.aws'])).toEqual(['secret.aws', 'secret.jwt', 'pii.email']);
  });

  it('cannot be edited at run time', () => {
    expect(Object.isFrozen(DLP_PATTERNS.email)).toBe(true);
    expect(Object.isFrozen(DLP_PATTERNS.email.detectors)).toBe(true);
  });
});
