import { MAX_EXAMPLE_LENGTH, isDocumentedExample } from './allowlist.js';
import { isDetectorId, type DetectorId } from './detector-ids.js';
import { DETECTORS } from './detectors/index.js';
import { dlpError } from './errors.js';
import { resolveOverlaps } from './overlap.js';
import { memoizedScan } from './scan-memo.js';
import type { TextFinding } from './types.js';

/** Checks a detector list at the boundary; returns it without duplicates, in the given order. */
export function checkDetectors(detectors: unknown, where = 'detectors'): DetectorId[] {
  if (!Array.isArray(detectors)) throw dlpError('DLP_CONFIG_INVALID', `${where} must be an array of detector ids`);
  const out: DetectorId[] = [];
  for (const [i, d] of detectors.entries()) {
    if (!isDetectorId(d)) {
      throw dlpError('DLP_CONFIG_INVALID', `${where}[${i}] is not a known detector id: ${JSON.stringify(d)}`);
    }
    if (!out.includes(d)) out.push(d);
  }
  return out;
}

/**
 * Runs already-checked detectors over `text`: sorted, non-overlapping findings. A match that is a
 * vendor's documented example key (allowlist.ts) is dropped before overlaps merge.
 */
export function scanWith(text: string, detectors: readonly DetectorId[]): TextFinding[] {
  return memoizedScan(text, detectors, () => scanUnkept(text, detectors));
}

function scanUnkept(text: string, detectors: readonly DetectorId[]): TextFinding[] {
  const candidates = detectors.flatMap((detector) =>
    DETECTORS[detector](text)
      .filter((s) => s.end - s.start > MAX_EXAMPLE_LENGTH || !isDocumentedExample(text.slice(s.start, s.end)))
      .map((s) => ({ detector, ...s })),
  );
  return resolveOverlaps(candidates);
}

/**
 * Every span of `text` that one of `detectors` matches, as UTF-16 offsets, sorted by start and
 * non-overlapping (see overlap.ts). Pure and synchronous; the same input always gives the same output.
 */
export function scanText(text: string, detectors: readonly DetectorId[]): TextFinding[] {
  if (typeof text !== 'string') throw dlpError('DLP_INPUT_INVALID', 'scanText expects a string');
  return scanWith(text, checkDetectors(detectors));
}
