/**
 * Every file argument of the built command is read bounded: a device is refused, a FIFO or a
 * standard input fed without end is cut off at its limit, a file over its limit is refused, and
 * each exits 2 within a few seconds (the runCli timeout is the hang guard) with a message that
 * names the file and the limit. Real processes, real FIFOs, real devices.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES, MAX_EXPORT_FILE_BYTES, MAX_KEYRING_BYTES, MAX_TRUST_ROOT_BYTES, MAX_WPC_BYTES } from '../../src/node/input-limits.js';
import { describeLimit } from '../../src/node/read-bounded.js';
import { DEFAULT_MAX_BUNDLE_BYTES } from '../../src/format/limits.js';
import { MAX_FILE_BYTES } from '../../electron/ipc/contract.js';
import { REPO_ROOT, requireBuilt, runCli, type CliResult } from './built-cli.js';

const TRUST = join(REPO_ROOT, 'fixtures/trust/demo-trust-root.json');
const BUNDLE = join(REPO_ROOT, 'fixtures/bundles/routing-local.clawproof');
const POLICY = join(REPO_ROOT, 'fixtures/policies/ticket-routing.wpc.json');
/** Generous: a bounded read of /dev/zero-fed input takes about a second; a hang never ends. */
const GUARD_MS = 30_000;

let dir: string;
let out: string;
const writers: ChildProcess[] = [];

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), 'clawproof-bounded-'));
  out = join(dir, 'out.clawproof');
});

afterAll(() => {
  for (const w of writers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A FIFO with a writer that feeds it zeros until the reader goes away (then EPIPE ends it). */
function endlessFifo(name: string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  const writer = spawn(process.execPath, ['-e', `const fs=require('fs');const fd=fs.openSync(${JSON.stringify(path)},'w');const b=Buffer.alloc(1<<16);for(;;)fs.writeSync(fd,b);`], { stdio: 'ignore' });
  writers.push(writer);
  return path;
}

/** A sparse file one byte over `limit`: it costs no disk space, and stat() tells the truth about it. */
function oversized(name: string, limit: number): string {
  const path = join(dir, name);
  writeFileSync(path, '');
  truncateSync(path, limit + 1);
  return path;
}

function expectRefused(r: CliResult, what: string, path: string, reason: RegExp | string): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`cannot read ${what} ${path}: `);
  expect(r.stderr).toMatch(reason);
}

const tooLarge = (limit: number) => `it is larger than the limit of ${describeLimit(limit)}`;
const device = /it is a character device, not a file/;

describe('the limits', () => {
  it('keep the documented ones: verify reads bundles of up to its default maxBytes, as the desktop app does (256 MiB)', () => {
    expect(MAX_BUNDLE_BYTES).toBe(DEFAULT_MAX_BUNDLE_BYTES);
    expect(MAX_BUNDLE_BYTES).toBe(MAX_FILE_BYTES);
    expect(MAX_BUNDLE_BYTES).toBe(256 * 1024 * 1024);
  });

  it('are listed by `clawproof help`, with the use of "-"', async () => {
    const r = await runCli(['help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/"-" to read standard input/);
    expect(r.stdout).toContain('bundle 256 MiB');
    expect(r.stdout).toContain('trust root 4 MiB, WPC 4 MiB, keyring 1 MiB');
  });
});

describe.skipIf(process.platform === 'win32')('clawproof verify reads bounded', () => {
  it('refuses /dev/zero as the bundle, as --trust and as --against', async () => {
    expectRefused(await runCli(['verify', '/dev/zero', '--trust', TRUST], GUARD_MS), 'the bundle', '/dev/zero', device);
    expectRefused(await runCli(['verify', BUNDLE, '--trust', '/dev/zero'], GUARD_MS), 'the trust root', '/dev/zero', device);
    expectRefused(await runCli(['verify', BUNDLE, '--trust', TRUST, '--against', '/dev/urandom'], GUARD_MS), 'the export', '/dev/urandom', device);
  });

  it('cuts off a FIFO fed from an endless writer at the bundle limit', async () => {
    const fifo = endlessFifo('bundle.fifo');
    expectRefused(await runCli(['verify', fifo, '--trust', TRUST], GUARD_MS), 'the bundle', fifo, tooLarge(MAX_BUNDLE_BYTES));
  }, GUARD_MS);

  it('cuts off a trust root FIFO fed without end at the trust root limit', async () => {
    const fifo = endlessFifo('trust.fifo');
    expectRefused(await runCli(['verify', BUNDLE, '--trust', fifo], GUARD_MS), 'the trust root', fifo, tooLarge(MAX_TRUST_ROOT_BYTES));
  }, GUARD_MS);

  it('refuses files over their limit', async () => {
    const bundle = oversized('big.clawproof', MAX_BUNDLE_BYTES);
    expectRefused(await runCli(['verify', bundle, '--trust', TRUST], GUARD_MS), 'the bundle', bundle, tooLarge(MAX_BUNDLE_BYTES));
    const trust = oversized('big-root.json', MAX_TRUST_ROOT_BYTES);
    expectRefused(await runCli(['verify', BUNDLE, '--trust', trust], GUARD_MS), 'the trust root', trust, tooLarge(MAX_TRUST_ROOT_BYTES));
    const against = oversized('big-export.json', MAX_EXPORT_FILE_BYTES);
    expectRefused(await runCli(['verify', BUNDLE, '--trust', TRUST, '--against', against], GUARD_MS), 'the export', against, tooLarge(MAX_EXPORT_FILE_BYTES));
  });

  it('reads "-" from standard input: a bundle piped in verifies', async () => {
    const fd = openSync(BUNDLE, 'r');
    try {
      const r = await runCli(['verify', '-', '--trust', TRUST], GUARD_MS, { stdin: fd });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Bundle \(standard input\)$/m);
      expect(r.stdout).toMatch(/^Verdict: VALID$/m);
    } finally {
      closeSync(fd);
    }
  });

  it('cuts off standard input fed without end, and refuses /dev/zero redirected to it', async () => {
    const writer = spawn(process.execPath, ['-e', 'const b=Buffer.alloc(1<<16);(function w(){while(process.stdout.write(b));process.stdout.once("drain",w)})();process.stdout.on("error",()=>process.exit(0))'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    writers.push(writer);
    const r = await runCli(['verify', '-', '--trust', TRUST], GUARD_MS, { stdin: writer.stdout });
    expectRefused(r, 'the bundle', 'from standard input', tooLarge(MAX_BUNDLE_BYTES));
    const zero = openSync('/dev/zero', 'r');
    try {
      expectRefused(await runCli(['verify', '-', '--trust', TRUST], GUARD_MS, { stdin: zero }), 'the bundle', 'from standard input', device);
    } finally {
      closeSync(zero);
    }
  }, GUARD_MS);

  it('reads a FIFO with an end, as process substitution gives (`verify <(cat bundle)`)', async () => {
    const fifo = join(dir, 'finite.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(fifo)}, require('fs').readFileSync(${JSON.stringify(BUNDLE)}))`], { stdio: 'ignore' });
    writers.push(writer);
    const r = await runCli(['verify', fifo, '--trust', TRUST], GUARD_MS);
    expect(r.status).toBe(0);
  });

  it('refuses "-" for two arguments at once (a usage error)', async () => {
    const r = await runCli(['verify', '-', '--trust', '-']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Only one file can be read from standard input \("-"\); <bundle> and --trust both ask for it/);
  });
});

describe.skipIf(process.platform === 'win32')('clawproof run reads bounded', () => {
  it('refuses /dev/zero as --policy, --tickets and --keys, and writes nothing', async () => {
    expectRefused(await runCli(['run', '--policy', '/dev/zero', '--out', out], GUARD_MS), 'WPC file', '/dev/zero', device);
    expectRefused(await runCli(['run', '--policy', POLICY, '--tickets', '/dev/zero', '--out', out], GUARD_MS), 'tickets file', '/dev/zero', device);
    expectRefused(await runCli(['run', '--policy', POLICY, '--keys', '/dev/zero', '--out', out], GUARD_MS), 'keyring', '/dev/zero', device);
    expect(() => readFileSync(out)).toThrow();
  });

  it('cuts off a --policy FIFO fed without end, and a --tickets one, at their limits', async () => {
    const policy = endlessFifo('policy.fifo');
    expectRefused(await runCli(['run', '--policy', policy, '--out', out], GUARD_MS), 'WPC file', policy, tooLarge(MAX_WPC_BYTES));
    const tickets = endlessFifo('tickets.fifo');
    expectRefused(await runCli(['run', '--policy', POLICY, '--tickets', tickets, '--out', out], GUARD_MS), 'tickets file', tickets, tooLarge(MAX_EXPORT_FILE_BYTES));
  }, GUARD_MS);

  it('refuses a WPC, a tickets file and a keyring over their limits', async () => {
    const policy = oversized('big.wpc.json', MAX_WPC_BYTES);
    expectRefused(await runCli(['run', '--policy', policy, '--out', out], GUARD_MS), 'WPC file', policy, tooLarge(MAX_WPC_BYTES));
    const tickets = oversized('big-tickets.json', MAX_EXPORT_FILE_BYTES);
    expectRefused(await runCli(['run', '--policy', POLICY, '--tickets', tickets, '--out', out], GUARD_MS), 'tickets file', tickets, tooLarge(MAX_EXPORT_FILE_BYTES));
    const keys = oversized('big-keyring.json', MAX_KEYRING_BYTES);
    expectRefused(await runCli(['run', '--policy', POLICY, '--keys', keys, '--out', out], GUARD_MS), 'keyring', keys, tooLarge(MAX_KEYRING_BYTES));
  });

  it('takes the WPC from standard input with --policy -', async () => {
    const fd = openSync(POLICY, 'r');
    try {
      const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/tickets/sample-tickets.json'), 'utf8')) as { tickets: unknown[]; users: unknown[] };
      const tickets = join(dir, 'two.json');
      writeFileSync(tickets, JSON.stringify({ tickets: sample.tickets.slice(0, 2), users: sample.users }));
      const r = await runCli(['run', '--policy', '-', '--tickets', tickets, '--out', out, '--start', '2026-01-05T09:00:00Z'], GUARD_MS, { stdin: fd });
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Wrote ${out}`);
    } finally {
      closeSync(fd);
      rmSync(out, { force: true });
    }
  });
});
