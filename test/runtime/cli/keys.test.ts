import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTrustRoot } from '../../../src/core/trust-root.js';
import { parseKeyring } from '../../../src/runtime/keys/keyring.js';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { ROOT, readJson } from '../support.js';
import { clawproof } from './cli.js';

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clawproof-keys-'));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('clawproof keys init', () => {
  it('writes a 0600 keyring and the matching trust root, then signs a run with it', async () => {
    const dir = join(tempDir(), 'mine');
    const r = await clawproof('keys', 'init', dir, '--valid-from', '2026-01-01T00:00:00Z', '--valid-until', '2027-01-01T00:00:00Z');
    expect(r.code).toBe(0);
    expect(statSync(join(dir, 'keyring.json')).mode & 0o777).toBe(0o600);
    const keyring = parseKeyring(readFileSync(join(dir, 'keyring.json'), 'utf8'));
    const root = parseTrustRoot(readFileSync(join(dir, 'trust-root.json'), 'utf8'));
    expect(keyring.purpose).toBe('local');
    expect(root.keys.map((k) => [k.role, k.keyid, k.validFrom, k.validUntil])).toEqual(
      keyring.keys.map((k) => [k.role, k.keyid, '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']),
    );
    expect(readFileSync(join(dir, 'trust-root.json'), 'utf8')).not.toContain('secretSeed');

    const sample = readJson('fixtures/tickets/sample-tickets.json') as { tickets: unknown[]; users: unknown[] };
    const tickets = join(dir, 'two.json');
    writeFileSync(tickets, JSON.stringify({ tickets: sample.tickets.slice(0, 2), users: sample.users }));
    const out = join(dir, 'run.clawproof');
    const policy = join(ROOT, 'fixtures/policies/ticket-routing.wpc.json');
    const run = await clawproof('run', '--policy', policy, '--keys', join(dir, 'keyring.json'), '--tickets', tickets, '--start', '2026-02-01T00:00:00Z', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('demo keyring');
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as ProofBundle;
    const harness = keyring.keys.find((k) => k.role === 'harness')!.keyid;
    expect(bundle.manifest.signatures[0]!.keyid).toBe(harness);
  });

  it('refuses to overwrite an existing keyring or trust root, and leaves them as they were', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trust-root.json'), 'mine');
    const r = await clawproof('keys', 'init', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to overwrite .*trust-root\.json/);
    expect(readFileSync(join(dir, 'trust-root.json'), 'utf8')).toBe('mine');
    expect(() => statSync(join(dir, 'keyring.json'))).toThrow();
  });

  it('finding a keyring without its trust root, says to put the trust root back or start again, and touches nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keyring.json'), readFileSync(join(ROOT, 'fixtures/keys/demo-keyring.json')));
    const r = await clawproof('keys', 'init', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`there is a keyring but no trust-root.json next to it. If you moved the trust root, put it back`);
    expect(r.stderr).toContain(`rm ${join(dir, 'keyring.json')} && clawproof keys init ${dir}`);
    expect(readFileSync(join(dir, 'keyring.json'))).toEqual(readFileSync(join(ROOT, 'fixtures/keys/demo-keyring.json')));
    expect(() => statSync(join(dir, 'trust-root.json'))).toThrow();
  });

  it('finding a half-written keyring (an older version killed mid-write), says to remove both files', async () => {
    const dir = tempDir();
    const whole = readFileSync(join(ROOT, 'fixtures/keys/demo-keyring.json'), 'utf8');
    writeFileSync(join(dir, 'keyring.json'), whole.slice(0, whole.length >> 1));
    const r = await clawproof('keys', 'init', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/keyring\.json: it is not a complete keyring \(.+\), so it was probably left by an interrupted keys init/);
    expect(r.stderr).toContain(`rm -f ${join(dir, 'keyring.json')} ${join(dir, 'trust-root.json')} && clawproof keys init ${dir}`);
  });

  it('finding both files, refuses to overwrite either', async () => {
    const dir = join(tempDir(), 'both');
    expect((await clawproof('keys', 'init', dir)).code).toBe(0);
    const before = readFileSync(join(dir, 'keyring.json'));
    const r = await clawproof('keys', 'init', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('this folder already has a keyring. Choose another directory, or remove both files first.');
    expect(readFileSync(join(dir, 'keyring.json'))).toEqual(before);
  });

  it('exits 2 without a subcommand or directory, or with a bad validity window', async () => {
    expect((await clawproof('keys')).code).toBe(2);
    expect((await clawproof('keys', 'make', '/tmp/x')).stderr).toMatch(/Unknown subcommand "make"/);
    expect((await clawproof('keys', 'init')).stderr).toMatch(/Missing <dir>/);
    const dir = tempDir();
    const r = await clawproof('keys', 'init', dir, '--valid-from', '2027-01-01T00:00:00Z', '--valid-until', '2026-01-01T00:00:00Z');
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/--valid-until must be later than --valid-from/)]);
  });
});
