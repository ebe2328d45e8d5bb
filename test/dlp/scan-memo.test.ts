import { describe, expect, it } from 'vitest';
import { DETECTOR_IDS, type DetectorId } from '../../src/dlp/detector-ids.js';
import { MEMO_ENTRIES, MEMO_MAX_LENGTH, memoSize, memoizedScan } from '../../src/dlp/scan-memo.js';
import { scanText } from '../../src/dlp/scan-text.js';
import type { TextFinding } from '../../src/dlp/types.js';

const EMAIL = 'ann@example.com';

describe('memoizedScan', () => {
  it('gives a kept short text the findings a first scan gave, in an array of its own', () => {
    const first = scanText(EMAIL, DETECTOR_IDS);
    expect(first.map((f) => f.detector)).toEqual(['pii.email']);
    first.pop();
    expect(scanText(EMAIL, DETECTOR_IDS).map((f) => f.detector)).toEqual(['pii.email']);
  });

  it('freezes kept findings, so a caller cannot change what the next caller is given', () => {
    const [finding] = scanText(EMAIL, DETECTOR_IDS);
    expect(Object.isFrozen(finding)).toBe(true);
  });

  it('keeps results per detector list: a text found by one list is not found by a list without its detector', () => {
    expect(scanText(EMAIL, ['pii.email'])).toHaveLength(1);
    expect(scanText(EMAIL, ['pii.phone'])).toEqual([]);
    expect(scanText(EMAIL, ['pii.email'])).toHaveLength(1);
  });

  it('keeps the results apart when a caller changes its detector array between calls', () => {
    const detectors: DetectorId[] = ['pii.email'];
    const scan = (): TextFinding[] => [{ detector: detectors[0]!, kind: 'pii', start: 0, end: 1 }];
    expect(memoizedScan('same-array-text', detectors, scan)[0]!.detector).toBe('pii.email');
    detectors[0] = 'pii.phone';
    expect(memoizedScan('same-array-text', detectors, scan)[0]!.detector).toBe('pii.phone');
    detectors[0] = 'pii.email';
    expect(memoizedScan('same-array-text', detectors, scan)[0]!.detector).toBe('pii.email');
  });

  it('scans a text longer than the bound every time and keeps nothing for it', () => {
    const long = `${'x'.repeat(MEMO_MAX_LENGTH)} ${EMAIL}`;
    let scans = 0;
    const scan = (): TextFinding[] => {
      scans++;
      return [];
    };
    memoizedScan(long, ['pii.email'], scan);
    memoizedScan(long, ['pii.email'], scan);
    expect(scans).toBe(2);
  });

  it('scans a short text once per detector list', () => {
    let scans = 0;
    const scan = (): TextFinding[] => {
      scans++;
      return [];
    };
    memoizedScan('once-only-text', ['secret.github'], scan);
    memoizedScan('once-only-text', ['secret.github'], scan);
    expect(scans).toBe(1);
  });

  it('stays bounded however many distinct short texts it sees', () => {
    for (let i = 0; i < MEMO_ENTRIES * 3; i++) scanText(`t${i}`, ['pii.email']);
    expect(memoSize()).toBeLessThanOrEqual(MEMO_ENTRIES * 16);
    expect(memoSize()).toBeLessThan(MEMO_ENTRIES * 2);
  });
});
