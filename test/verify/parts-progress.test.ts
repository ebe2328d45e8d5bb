// src/verify/parts-progress.ts and verifyBundle's onPartsChecked: about once per percent, then checked = total.
import { describe, expect, it } from 'vitest';
import { partsProgress } from '../../src/verify/parts-progress.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { bundleBytes } from '../../src/runtime/bundle/serialize.js';
import { TRUST_ROOT, makeBundle } from './support.js';

describe('parts progress', () => {
  it('reports about once per percent and finishes with checked = total', () => {
    const seen: [number, number][] = [];
    const p = partsProgress(1000, (c, t) => seen.push([c, t]));
    for (let i = 0; i < 1000; i++) p.tick();
    p.finish();
    p.finish();
    expect(seen.length).toBe(100); // 10, 20, ..., 990 and the final 1000
    expect(seen.at(-1)).toEqual([1000, 1000]);
    expect(seen.every(([c, t], i) => t === 1000 && (i === 0 || c > (seen[i - 1]?.[0] ?? 0)))).toBe(true);
  });

  it('survives a display that throws', () => {
    const p = partsProgress(3, () => {
      throw new Error('display broke');
    });
    expect(() => {
      p.tick();
      p.finish();
    }).not.toThrow();
  });

  it("is called by verifyBundle over every signed part of a bundle (WPC, CST, receipts, records, approvals, manifest)", async () => {
    const bundle = await makeBundle();
    const seen: [number, number][] = [];
    const report = await verifyBundle(bundleBytes(bundle), TRUST_ROOT, { onPartsChecked: (c, t) => seen.push([c, t]) });
    expect(report.verdict).toBe('valid');
    const total = 3 + bundle.receipts.length + bundle.records.length + bundle.approvals.length;
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.length).toBeGreaterThan(1);
  });

  it('refuses an onPartsChecked that is not a function', async () => {
    const bundle = await makeBundle();
    await expect(verifyBundle(bundleBytes(bundle), TRUST_ROOT, { onPartsChecked: 3 as never })).rejects.toThrow(/onPartsChecked must be a function/);
  });
});
