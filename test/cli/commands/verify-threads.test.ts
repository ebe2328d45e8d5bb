// `clawproof verify --threads <n>`: signature checks on worker threads give the same report as in one thread.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../../src/cli/command.js';
import { verifyCommand } from '../../../src/cli/commands/verify.js';
import { serializeTrustRoot } from '../../../src/core/trust-root.js';
import { bundleBytes } from '../../../src/runtime/bundle/serialize.js';
import { ROOT, TRUST_ROOT, makeBundle } from '../../verify/support.js';

let dir: string;
const path = (name: string) => join(dir, name);

async function run(bundle: string, options: Record<string, string | boolean>) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, packageRoot: ROOT, version: '0.0.0-test' };
  const status = await verifyCommand.run({ positionals: [bundle], options: { trust: path('root.json'), json: true, ...options } }, context);
  return { status, stdout, stderr };
}

/** The report without the one field that differs between two runs. */
function comparable(stdout: string): unknown {
  const report = JSON.parse(stdout) as Record<string, unknown>;
  delete report['checkedAt'];
  return report;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clawproof-threads-'));
  writeFileSync(path('root.json'), serializeTrustRoot(TRUST_ROOT));
  writeFileSync(path('good.clawproof'), bundleBytes(await makeBundle()));
  // A signature broken in the middle of the receipts: the pool must name the same envelope.
  const broken = await makeBundle();
  const victim = broken.receipts[1];
  const signature = victim?.signatures[0];
  if (victim === undefined || signature === undefined) throw new Error('the bundle has no second receipt');
  const flipped = signature.sig.startsWith('A') ? `B${signature.sig.slice(1)}` : `A${signature.sig.slice(1)}`;
  broken.receipts[1] = { ...victim, signatures: [{ ...signature, sig: flipped }] };
  writeFileSync(path('broken.clawproof'), bundleBytes(broken));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clawproof verify --threads', () => {
  it.each(['good', 'broken'])('gives the same report with 1, 2 and the default number of threads (%s bundle)', async (name) => {
    const one = await run(path(`${name}.clawproof`), { threads: '1' });
    const two = await run(path(`${name}.clawproof`), { threads: '2' });
    const cores = await run(path(`${name}.clawproof`), {});
    expect(one.status).toBe(name === 'good' ? 0 : 1);
    expect(two.status).toBe(one.status);
    expect(cores.status).toBe(one.status);
    expect(comparable(two.stdout)).toEqual(comparable(one.stdout));
    expect(comparable(cores.stdout)).toEqual(comparable(one.stdout));
    if (name === 'broken') expect(one.stdout).toContain('SIGNATURE_INVALID');
  });

  it.each(['0', '9', 'two', '1.5'])('refuses --threads %s as a usage error', async (value) => {
    await expect(run(path('good.clawproof'), { threads: value })).rejects.toThrow(/--threads must be a whole number from 1 to 8/);
  });
});
