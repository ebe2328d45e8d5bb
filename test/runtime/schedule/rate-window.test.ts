import { describe, expect, it } from 'vitest';
import { RateWindow } from '../../../src/runtime/schedule/rate-window.js';

describe('RateWindow', () => {
  it('allows perMinute starts in any 60-second window, and one more exactly 60 s after the oldest', () => {
    const w = new RateWindow(2);
    w.record(0);
    w.record(10_000);
    expect(w.canStart(10_000)).toBe(false);
    expect(w.countAt(59_999)).toBe(2);
    expect(w.nextOpening(20_000)).toBe(60_000);
    expect(w.canStart(59_999)).toBe(false);
    expect(w.canStart(60_000)).toBe(true);
    expect(w.countAt(60_000)).toBe(1);
    w.record(60_000);
    expect(w.nextOpening(60_000)).toBe(70_000);
  });
});
