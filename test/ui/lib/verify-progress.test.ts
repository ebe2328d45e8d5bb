// src/ui/lib/verify-progress.ts: the bar fills over the signed parts, then over the checks, never backwards.
import { describe, expect, it } from 'vitest';
import { progressView } from '../../../src/ui/lib/verify-progress.js';

describe('the verify progress bar', () => {
  it('is indeterminate while the file is read and before the first part is checked', () => {
    expect(progressView(null, null, true, 0)).toEqual({ value: null, detail: 'reading the file' });
    expect(progressView(null, null, false, 3)).toEqual({ value: null, detail: 'checking signatures · 3 s' });
  });

  it('fills the first half over the signed parts, with their counts', () => {
    const view = progressView({ checked: 4_500, total: 9_000 }, null, false, 1);
    expect(view.value).toBeCloseTo(0.25);
    expect(view.detail).toBe('checked 4,500 of 9,000 signed parts');
  });

  it('fills the second half over the checks, and only moves forward', () => {
    const values = [
      progressView({ checked: 0, total: 100 }, null, false, 0).value,
      progressView({ checked: 100, total: 100 }, null, false, 0).value,
      progressView({ checked: 100, total: 100 }, { done: 1, total: 15, checkId: 'structure' }, false, 0).value,
      progressView({ checked: 100, total: 100 }, { done: 15, total: 15, checkId: 'replay' }, false, 0).value,
    ];
    expect(values).toEqual([...values].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(values[1]).toBe(0.5);
    expect(values[3]).toBe(1);
    expect(progressView(null, { done: 3, total: 15, checkId: 'model_views' }, false, 4).detail).toBe('3 of 15 checks done (last: model views) · 4 s');
  });
});
