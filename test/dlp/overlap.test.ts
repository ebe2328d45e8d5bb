import { describe, expect, it } from 'vitest';
import type { DetectorId } from '../../src/dlp/detector-ids.js';
import { resolveOverlaps } from '../../src/dlp/overlap.js';
import { Rng } from './helpers.js';

const c = (detector: DetectorId, start: number, end: number) => ({ detector, start, end });

describe('resolveOverlaps', () => {
  it('merges overlapping matches into their union, named by the most specific detector', () => {
    expect(resolveOverlaps([c('secret.generic', 6, 40), c('secret.stripe', 6, 36)])).toEqual([
      { detector: 'secret.stripe', kind: 'secret', start: 6, end: 40 },
    ]);
  });

  it('prefers specificity over length', () => {
    expect(resolveOverlaps([c('pii.phone', 0, 30), c('pii.card', 5, 24)])).toEqual([
      { detector: 'pii.card', kind: 'pii', start: 0, end: 30 },
    ]);
  });

  it('breaks a specificity tie by length, then by earliest start', () => {
    expect(resolveOverlaps([c('pii.email', 0, 10), c('pii.email', 5, 30)])[0]).toMatchObject({ start: 0, end: 30 });
    const [one] = resolveOverlaps([c('secret.generic', 4, 10), c('pii.phone', 0, 6)]);
    expect(one).toEqual({ detector: 'pii.phone', kind: 'pii', start: 0, end: 10 });
  });

  it('merges chains transitively, and keeps touching spans apart', () => {
    const out = resolveOverlaps([c('pii.phone', 0, 5), c('secret.generic', 4, 9), c('pii.email', 8, 12), c('pii.card', 12, 20)]);
    expect(out).toEqual([
      { detector: 'pii.email', kind: 'pii', start: 0, end: 12 },
      { detector: 'pii.card', kind: 'pii', start: 12, end: 20 },
    ]);
  });

  it('drops empty spans and sorts by start', () => {
    expect(resolveOverlaps([c('pii.card', 20, 30), c('pii.email', 3, 3), c('pii.iban', 0, 10)]).map((f) => f.start)).toEqual([0, 20]);
  });

  it('gives the same result for any input order', () => {
    const r = new Rng(9);
    const ids: DetectorId[] = ['secret.jwt', 'pii.phone', 'secret.generic', 'pii.email', 'pii.card'];
    const input = Array.from({ length: 30 }, () => {
      const start = r.int(200);
      return c(r.pick(ids), start, start + 1 + r.int(15));
    });
    const expected = resolveOverlaps(input);
    for (let k = 0; k < 20; k++) {
      const shuffled = [...input].sort(() => r.next() - 0.5);
      expect(resolveOverlaps(shuffled)).toEqual(expected);
    }
    for (let i = 1; i < expected.length; i++) expect(expected[i]!.start).toBeGreaterThanOrEqual(expected[i - 1]!.end);
  });
});
