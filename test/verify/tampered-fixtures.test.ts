import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../src/core/bytes.js';
import { CHECK_IDS, type CheckId } from '../../src/verify/report.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { TAMPERED_DIR, tamperedFixtureFiles, type TamperedIndexEntry } from '../../scripts/tampered-fixtures.js';
import { TAMPERED_V2_DIR, tamperedV2FixtureFiles } from '../../scripts/tampered-fixtures-v2.js';
import { registered } from './registry.js';
import { ROOT, checkOf, failedChecks } from './support.js';

const TRUST_ROOT_BYTES = new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json')));

/** The v1 set and the format v2 set: each its own folder, index.json and generator. */
const SETS = [
  { name: 'tampered demo bundles', dir: TAMPERED_DIR, generate: tamperedFixtureFiles },
  { name: 'tampered format v2 demo bundles', dir: TAMPERED_V2_DIR, generate: tamperedV2FixtureFiles },
] as const;

describe.each(SETS)('$name ($dir)', ({ dir: relativeDir, generate }) => {
  const DIR = join(ROOT, relativeDir);
  const INDEX = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as TamperedIndexEntry[];

  it('index.json lists every bundle of the folder exactly once, each with a known check id', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.clawproof')).sort();
    expect(INDEX.map((e) => e.file).sort()).toEqual(files);
    expect(new Set(INDEX.map((e) => e.file)).size).toBe(INDEX.length);
    for (const entry of INDEX) {
      expect(CHECK_IDS).toContain(entry.expectCheck);
      expect(entry.alsoFailing).not.toContain(entry.expectCheck);
    }
  });

  it.each(INDEX.map((e) => [e.file, e] as const))('%s gives its verdict, and fails the expected check with the expected code', async (file, entry) => {
    const report = registered(await verifyBundle(new Uint8Array(readFileSync(join(DIR, file))), TRUST_ROOT_BYTES));
    expect(report.verdict).toBe(entry.expectVerdict);
    expect(checkOf(report, entry.expectCheck)).toMatchObject({ status: 'fail', code: entry.expectCode });
    // Exactly the checks the index names fail: a tamper caught only by an unrelated check would show here.
    const expected = CHECK_IDS.filter((id: CheckId) => id === entry.expectCheck || entry.alsoFailing.includes(id));
    expect(failedChecks(report)).toEqual(expected);
  });

  it('is what the generator writes, byte for byte (regenerating is deterministic)', async () => {
    const generated = await generate(ROOT);
    const onDisk = readdirSync(DIR).map((f) => `${relativeDir}/${f}`).sort();
    expect([...generated.keys()].sort()).toEqual(onDisk);
    for (const [relative, content] of generated) {
      const bytes = typeof content === 'string' ? utf8Encode(content) : content;
      // Compared as Buffers: a mismatch names the file instead of dumping 200 kB of numbers.
      expect([relative, Buffer.from(bytes).equals(readFileSync(join(ROOT, relative)))]).toEqual([relative, true]);
    }
  }, 60_000);
});
