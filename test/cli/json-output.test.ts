import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/json-output.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { ROOT, TRUST_ROOT } from '../verify/support.js';

function chunksOf(value: unknown): string[] {
  const chunks: string[] = [];
  writeJson({ stdout: (text) => void chunks.push(text) }, value);
  return chunks;
}

describe('writeJson', () => {
  it("writes a report's exact JSON.stringify(report, null, 2) bytes and a newline, in many bounded chunks", async () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'bundles', 'v2', 'routing-local.clawproof')));
    const report = await verifyBundle(bytes, TRUST_ROOT, { backend: 'node' });
    const chunks = chunksOf(report);
    expect(chunks.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
    expect(chunks.length).toBeGreaterThan(2);
    // 16 KiB high-water mark, plus at most the value it was writing when it crossed it.
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(64 * 1024);
  });

  it('agrees with JSON.stringify on what it drops, escapes and spells differently', () => {
    const value = {
      text: 'quote " backslash \\ newline \n tab \t nul \u0000 lone \ud800 emoji \u{1f600} line sep \u2028',
      gone: undefined,
      fn: () => 1,
      numbers: [0, -0, 1e21, 1.5, Number.NaN, Number.POSITIVE_INFINITY],
      empty: { list: [], object: {} },
      holes: [undefined, null, () => 1],
      date: new Date(0),
      nested: { deeper: [{ a: [1, { b: 'c' }] }] },
    };
    expect(chunksOf(value).join('')).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });
});
