/**
 * The conformance suite cannot drift from the verifier: the committed files are exactly what the
 * generator writes (and the generator records what verifyBundle reports, refusing a report that
 * misses its case's aim), every file a case names has the recorded hash, and this verifier passes
 * every case read back from disk, strictly.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/cli/conformance/load-suite.js';
import { inProcessVerifier, runSuite } from '../../src/cli/conformance/run-suite.js';
import type { ConformanceManifest } from '../../src/verify/conformance/manifest.js';
import { DEMO_BUNDLES } from '../../src/runtime/node/demo-fixtures.js';
import { CASES_PATH, MANIFEST_PATH, SCHEMA_PATH, conformanceFiles } from '../../scripts/conformance-suite.js';
import type { TamperedIndexEntry } from '../../scripts/tampered-fixtures.js';
import { ROOT } from '../verify/support.js';

const DIR = join(ROOT, 'fixtures', 'conformance');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, MANIFEST_PATH), 'utf8')) as ConformanceManifest;
const TAMPERED = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'bundles', 'tampered', 'index.json'), 'utf8')) as TamperedIndexEntry[];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).replaceAll('\\', '/'));
}

describe('the conformance suite (fixtures/conformance)', () => {
  it('is what the generator writes, byte for byte, and holds no other file', async () => {
    const generated = await conformanceFiles(ROOT);
    const onDisk = [...filesUnder(DIR).filter((f) => f !== 'fixtures/conformance/README.md'), SCHEMA_PATH].sort();
    expect([...generated.keys()].sort()).toEqual(onDisk);
    expect(generated.has(MANIFEST_PATH) && generated.has(CASES_PATH)).toBe(true);
    for (const [path, content] of generated) {
      expect([path, Buffer.from(content).equals(readFileSync(join(ROOT, path)))]).toEqual([path, true]);
    }
  }, 120_000);

  it('names files whose SHA-256 and size are the recorded ones', () => {
    for (const c of MANIFEST.cases) {
      const input = readFileSync(join(DIR, c.input.path));
      expect([c.id, createHash('sha256').update(input).digest('hex'), input.length]).toEqual([c.id, c.input.sha256, c.input.bytes]);
      expect([c.id, createHash('sha256').update(readFileSync(join(DIR, c.trustRoot.path))).digest('hex')]).toEqual([c.id, c.trustRoot.sha256]);
    }
  });

  it('is passed by this verifier, strictly, on every case read back from disk', async () => {
    const suite = await loadSuite(join(ROOT, MANIFEST_PATH));
    const results = await runSuite(suite.cases, inProcessVerifier('noble'), { strict: true });
    expect(results.filter((r) => !r.pass)).toEqual([]);
    expect(results).toHaveLength(MANIFEST.cases.length);
  }, 120_000);

  it('holds every demo bundle as a valid case and every tampered bundle with the check and code its index names', () => {
    const byInput = new Map(MANIFEST.cases.filter((c) => c.trustRoot.path === '../trust/demo-trust-root.json').map((c) => [c.input.path, c]));
    for (const b of DEMO_BUNDLES) expect([b.file, byInput.get(`../bundles/${b.file.slice('fixtures/bundles/'.length)}`)?.expected.verdict]).toEqual([b.file, 'valid']);
    for (const t of TAMPERED) {
      const c = byInput.get(`../bundles/tampered/${t.file}`);
      expect(c?.group, t.file).toMatch(/^(tampered|forgery)$/);
      expect(c?.expected.verdict).toBe(t.expectVerdict);
      expect(c?.expected.failing.find((f) => f.check === t.expectCheck)?.code).toBe(t.expectCode);
      expect(c?.expected.failing.map((f) => f.check).sort()).toEqual([t.expectCheck, ...t.alsoFailing].sort());
    }
  });

  it('has a case in every group, flags only where the manifest explains them, and alternatives only on flagged cases', () => {
    expect(new Set(MANIFEST.cases.map((c) => c.group))).toEqual(new Set(['valid', 'tampered', 'forgery', 'hostile', 'trust']));
    for (const c of MANIFEST.cases) {
      for (const f of c.flags) expect(MANIFEST.flags).toHaveProperty(f);
      if (c.flags.length === 0) expect([c.id, c.alternatives]).toEqual([c.id, []]);
    }
    expect(MANIFEST.cases.filter((c) => c.alternatives.length > 0).map((c) => c.id)).toEqual(['hostile/nesting-65', 'hostile/view-nested-past-limit']);
  });

  it('is described with the right counts in fixtures/conformance/README.md and the README', () => {
    const table = readFileSync(join(DIR, 'README.md'), 'utf8');
    const counts = Object.fromEntries([...table.matchAll(/^\| `(\w+)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]));
    const actual: Record<string, number> = {};
    for (const c of MANIFEST.cases) actual[c.group] = (actual[c.group] ?? 0) + 1;
    expect(counts).toEqual(actual);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`holds ${MANIFEST.cases.length} cases`);
  });
});
