import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSuite, readCaseFiles, SuiteError } from '../../../src/cli/conformance/load-suite.js';
import type { ConformanceManifest } from '../../../src/verify/conformance/manifest.js';
import { ROOT } from '../../verify/support.js';

const MANIFEST = join(ROOT, 'fixtures', 'conformance', 'manifest.json');
const dir = mkdtempSync(join(tmpdir(), 'clawproof-suite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSuite', () => {
  it('resolves every path against the folder of the manifest', async () => {
    const suite = await loadSuite(MANIFEST);
    const tiny = suite.cases.find((c) => c.spec.id === 'valid/tiny-example');
    expect(tiny?.inputPath).toBe(join(ROOT, 'fixtures', 'bundles', 'tiny-example.clawproof'));
    expect(tiny?.trustRootPath).toBe(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json'));
  });

  it('refuses a manifest that is not strict JSON, or not a manifest', async () => {
    writeFileSync(join(dir, 'dup.json'), '{"suite": 1, "suite": 2}');
    await expect(loadSuite(join(dir, 'dup.json'))).rejects.toThrow(/is not strict JSON: .*duplicate/i);
    writeFileSync(join(dir, 'other.json'), '{"cases": []}');
    await expect(loadSuite(join(dir, 'other.json'))).rejects.toThrow(SuiteError);
  });
});

describe('readCaseFiles', () => {
  const copyWith = (edit: (m: ConformanceManifest) => void): string => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ConformanceManifest;
    manifest.cases = manifest.cases.filter((c) => c.id === 'hostile/top-level-null');
    manifest.cases[0]!.trustRoot.path = 'trust/demo-trust-root.json';
    edit(manifest);
    const folder = mkdtempSync(join(dir, 'm-'));
    mkdirSync(join(folder, 'inputs', 'hostile'), { recursive: true });
    mkdirSync(join(folder, 'trust'));
    writeFileSync(join(folder, 'inputs', 'hostile', 'top-level-null.clawproof'), 'null');
    writeFileSync(join(folder, 'trust', 'demo-trust-root.json'), readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json')));
    const path = join(folder, 'manifest.json');
    writeFileSync(path, JSON.stringify(manifest));
    return path;
  };

  it('gives both files when their hashes are the manifest\'s', async () => {
    const suite = await loadSuite(copyWith(() => undefined));
    const files = await readCaseFiles(suite.cases[0]!);
    expect(files.ok && new TextDecoder().decode(files.input)).toBe('null');
  });

  it('[R-CONF-1] refuses an input whose SHA-256 is not the manifest\'s, and a file that is missing', async () => {
    const other = await loadSuite(copyWith((m) => (m.cases[0]!.input.sha256 = '0'.repeat(64))));
    expect(await readCaseFiles(other.cases[0]!)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^the input .*top-level-null\.clawproof has SHA-256 74234e98\w+, not the manifest's 0{64}: it is not the file the case was made for$/),
    });
    const missing = await loadSuite(copyWith((m) => (m.cases[0]!.trustRoot.path = 'trust/absent.json')));
    expect(await readCaseFiles(missing.cases[0]!)).toEqual({ ok: false, problem: expect.stringMatching(/^cannot read the trust root .*absent\.json/) });
  });
});
