// `clawproof verify --max-bytes <size>`: the configured limit on the bundle read, below and above the default.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeTrustRoot } from '../../../src/core/trust-root.js';
import { ROOT, TRUST_ROOT } from '../../verify/support.js';
import { runVerify } from './run-verify.js';

const V2_BUNDLE = join(ROOT, 'fixtures', 'bundles', 'v2', 'routing-local.clawproof');
let dir: string;
const path = (name: string) => join(dir, name);
const run = (options: Record<string, string | boolean>, bundle = V2_BUNDLE) => runVerify(path('root.json'), [bundle], options);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clawproof-max-bytes-'));
  writeFileSync(path('root.json'), serializeTrustRoot(TRUST_ROOT));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clawproof verify --max-bytes', () => {
  it('refuses a bundle one byte over the limit with exit 2, the limit in bytes and how to raise it', async () => {
    const size = statSync(V2_BUNDLE).size;
    const { status, stdout, stderr } = await run({ 'max-bytes': String(size - 1) });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `clawproof verify: cannot read the bundle ${V2_BUNDLE}: it is larger than the limit of ${(size - 1).toLocaleString('en-US')} bytes (--max-bytes raises the limit)\n`,
    );
  });

  it('reads a bundle of exactly the limit, and one under a limit given in KiB', async () => {
    const size = statSync(V2_BUNDLE).size;
    expect((await run({ 'max-bytes': String(size) })).status).toBe(0);
    expect((await run({ 'max-bytes': `${Math.ceil(size / 1024)}KiB` })).status).toBe(0);
  });

  it('allows up to 1 GiB, above the 256 MiB default: the limit reaches the verifier too, which reads what the command read', async () => {
    const { status, stdout } = await run({ 'max-bytes': '1GiB', json: true });
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { verdict: string; bundle: { bytes: number } }).bundle.bytes).toBe(readFileSync(V2_BUNDLE).length);
  });

  it('keeps the default of 256 MiB and gives no hint once the limit is the ceiling', async () => {
    const big = path('big.clawproof');
    writeFileSync(big, Buffer.alloc(2048, 0x20));
    const { status, stderr } = await run({ 'max-bytes': '1KiB' }, big);
    expect(status).toBe(2);
    expect(stderr).toContain('it is larger than the limit of 1 KiB (1,024 bytes) (--max-bytes raises the limit)');
    const atCeiling = await run({ 'max-bytes': '1GiB' }, big);
    expect(atCeiling.stderr).not.toContain('--max-bytes raises');
  });

  it.each(['0', '1.5MiB', '2GiB', '1073741825', '1gb', 'MiB', '-5', ' 10', '01'])('refuses --max-bytes %j as a usage error', async (value) => {
    await expect(run({ 'max-bytes': value })).rejects.toThrow(/--max-bytes must be a size from 1 byte to 1 GiB \(1,073,741,824 bytes\)/);
  });
});
