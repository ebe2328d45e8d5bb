import type { DetectorId } from './detector-ids.js';
import { dlpError } from './errors.js';
import { parseFieldPaths, type FieldPath } from './field-paths.js';
import { checkDetectors } from './scan-text.js';

export interface CheckedConfig {
  readonly detectors: readonly DetectorId[];
  readonly paths: readonly FieldPath[];
  readonly maxChars: number | undefined;
}

/** Checks a RedactionConfig at the boundary (DLP_CONFIG_INVALID on anything malformed). */
export function checkConfig(config: unknown): CheckedConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw dlpError('DLP_CONFIG_INVALID', 'redaction config must be an object');
  }
  const c = config as { detectors?: unknown; redactFields?: unknown; maxChars?: unknown };
  const maxChars = c.maxChars;
  if (maxChars !== undefined && (typeof maxChars !== 'number' || !Number.isSafeInteger(maxChars) || maxChars < 0)) {
    throw dlpError('DLP_CONFIG_INVALID', `maxChars must be a non-negative safe integer, got ${String(maxChars)}`);
  }
  return {
    detectors: checkDetectors(c.detectors, 'detectors'),
    paths: parseFieldPaths(c.redactFields),
    maxChars,
  };
}
