import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeTrustRoot } from '../../../src/core/trust-root.js';
import { runVerify } from './run-verify.js';
import { ROOT, TRUST_ROOT } from '../../verify/support.js';

let dir: string;
const path = (name: string) => join(dir, name);
const V2 = join(ROOT, 'fixtures', 'bundles', 'v2', 'auto-assign-approved.clawproof');

const run = (positionals: string[], options: Record<string, string | boolean> = {}) => runVerify(path('root.json'), positionals, options);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clawproof-verify-v2-'));
  writeFileSync(path('root.json'), serializeTrustRoot(TRUST_ROOT));
  const lines = readFileSync(V2, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('{"') && l.includes('"t":"decision"'));
  // A record's member changed in place: no key re-sealed it.
  lines[at] = lines[at]!.replace(/"rule":"[^"]*"/, '"rule":"forged"');
  writeFileSync(path('edited.clawproof'), lines.join('\n'));
  writeFileSync(path('cut.clawproof'), lines.slice(0, 40).join('\n') + '\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clawproof verify on a format v2 file', () => {
  it('exits 0 for a valid v2 bundle, every check listed', async () => {
    const { status, stdout } = await run([V2]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^PASS {2}manifest +OK$/m);
    expect(stdout).toMatch(/^Verdict: VALID$/m);
  });

  it('exits 1 for a record line edited in place, naming the harness tree head', async () => {
    const { status, stdout } = await run([path('edited.clawproof')]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}manifest +TREE_HEAD_MISMATCH$/m);
    expect(stdout).toMatch(/^Verdict: INVALID$/m);
  });

  it('cannot verify a v2 file cut short at a line (exit 2), naming what the reader found and where', async () => {
    const text = await run([path('cut.clawproof')]);
    expect(text.status).toBe(2);
    expect(text.stdout.split('\n')[0]).toBe(`Cannot verify: ${path('cut.clawproof')} is not a readable bundle (TREE_HEADS_MISSING), so no check ran`);
    const { status, stdout } = await run([path('cut.clawproof')], { json: true });
    expect(status).toBe(2);
    const report = JSON.parse(stdout) as { checks: { id: string; code: string; issues: { evidence: { note?: string }[] }[] }[] };
    const structure = report.checks.find((c) => c.id === 'structure')!;
    expect(structure.code).toBe('TREE_HEADS_MISSING');
    expect(structure.issues[0]!.evidence[0]!.note).toBe('line 41');
  });
});
