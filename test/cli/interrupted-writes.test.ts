/**
 * Nothing left behind, with real processes: the built command is stopped in the middle of an
 * atomic write (the documented test hook CLAWPROOF_TEST_PAUSE_AFTER_TEMP_MS holds it there with
 * the temp file half written), then killed with SIGKILL, SIGINT or SIGTERM, and what is on disk
 * afterwards, and after the next run in the same folder, is looked at.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTempFileName } from '../../src/node/temp-files.js';
import { REPO_ROOT, requireBuilt, runCli, spawnCli } from './built-cli.js';

const POLICY = join(REPO_ROOT, 'fixtures/policies/ticket-routing.wpc.json');
const START = '2026-01-05T09:00:00Z';
const made: string[] = [];
let tickets: string;

beforeAll(() => {
  requireBuilt();
  const dir = folder();
  const sample = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/tickets/sample-tickets.json'), 'utf8')) as { tickets: unknown[]; users: unknown[] };
  tickets = join(dir, 'three.json');
  writeFileSync(tickets, JSON.stringify({ tickets: sample.tickets.slice(0, 3), users: sample.users }));
});

afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clawproof-interrupted-'));
  made.push(dir);
  return dir;
}

const runArgs = (out: string) => ['run', '--policy', POLICY, '--tickets', tickets, '--out', out, '--start', START, '--seed', '3'];
const PAUSED = /^clawproof-test: paused writing (.+)$/m;

interface Paused {
  readonly temp: string;
  /** Sends the signal and resolves with how the process ended. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts the command with the pause hook and resolves once it holds a half-written temp file. */
function startPaused(args: readonly string[], target?: string): Promise<Paused> {
  const env: Record<string, string> = { CLAWPROOF_TEST_PAUSE_AFTER_TEMP_MS: '60000', ...(target === undefined ? {} : { CLAWPROOF_TEST_PAUSE_TARGET: target }) };
  const child = spawnCli(args, { env });
  let stderr = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the command never paused:\n${stderr}`));
    }, 30_000);
    void ended.then(({ code }) => reject(new Error(`the command exited (${String(code)}) before it paused:\n${stderr}`)));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const m = PAUSED.exec(stderr);
      if (m?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({
        temp: m[1],
        kill: async (signal) => {
          child.kill(signal);
          const how = await ended;
          return { ...how, stderr };
        },
      });
    });
  });
}

function tempFilesIn(dir: string): string[] {
  return readdirSync(dir).filter((name) => parseTempFileName(name) !== undefined);
}

describe.skipIf(process.platform === 'win32')('clawproof run, interrupted while writing the bundle', () => {
  it('leaves a recognisably named temp file after SIGKILL, which the next run in that folder removes', async () => {
    const dir = folder();
    const out = join(dir, 'run.clawproof');
    const paused = await startPaused(runArgs(out));
    expect(paused.temp.startsWith(join(dir, '.run.clawproof.clawproof-tmp-'))).toBe(true);
    expect(statSync(paused.temp).size).toBeGreaterThan(0);

    const killed = await paused.kill('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    // SIGKILL cannot be caught: the half bundle is still there, and only under its temp name.
    expect(readdirSync(dir)).toEqual([paused.temp.slice(dir.length + 1)]);

    const next = await runCli(runArgs(out));
    expect(next.status).toBe(0);
    expect(next.stderr).toContain(`removed 1 temporary file left in ${dir} by an interrupted run`);
    expect(readdirSync(dir)).toEqual(['run.clawproof']);
  });

  it('also removes a stale temp file of another bundle in the folder, but not one of a running process', async () => {
    const dir = folder();
    const paused = await startPaused(runArgs(join(dir, 'other.clawproof')));
    await paused.kill('SIGKILL');
    const busy = await startPaused(runArgs(join(dir, 'busy.clawproof')));
    try {
      const next = await runCli(runArgs(join(dir, 'run.clawproof')));
      expect(next.status).toBe(0);
      expect(next.stderr).toMatch(/note: process \d+ is writing busy\.clawproof/);
      expect(tempFilesIn(dir)).toEqual([busy.temp.slice(dir.length + 1)]);
    } finally {
      await busy.kill('SIGKILL');
    }
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('removes its own temp file on %s, ends by that signal, and keeps the old bundle', async (signal) => {
    const dir = folder();
    const out = join(dir, 'run.clawproof');
    writeFileSync(out, 'the previous bundle');
    const paused = await startPaused(runArgs(out));
    expect(tempFilesIn(dir)).toHaveLength(1);
    const ended = await paused.kill(signal);
    expect(ended.signal).toBe(signal);
    expect(readdirSync(dir)).toEqual(['run.clawproof']);
    expect(readFileSync(out, 'utf8')).toBe('the previous bundle');
  });
});

describe.skipIf(process.platform === 'win32')('clawproof keys init, interrupted', () => {
  it('killed while writing the trust root leaves no keyring file; the next keys init cleans up and succeeds', async () => {
    const dir = folder();
    const paused = await startPaused(['keys', 'init', dir], 'trust-root.json');
    await paused.kill('SIGKILL');
    expect(readdirSync(dir).filter((n) => n === 'keyring.json' || n === 'trust-root.json')).toEqual([]);
    expect(tempFilesIn(dir)).toHaveLength(1);

    const next = await runCli(['keys', 'init', dir]);
    expect(next.status).toBe(0);
    expect(next.stderr).toContain('removed 1 temporary file(s)');
    expect(readdirSync(dir).sort()).toEqual(['keyring.json', 'trust-root.json']);
  });

  it('killed while writing the keyring leaves a trust root alone; the next keys init says exactly what to do, and that works', async () => {
    const dir = folder();
    const paused = await startPaused(['keys', 'init', dir], 'keyring.json');
    await paused.kill('SIGKILL');
    expect(readdirSync(dir).filter((n) => parseTempFileName(n) === undefined)).toEqual(['trust-root.json']);

    const next = await runCli(['keys', 'init', dir]);
    expect(next.status).toBe(1);
    const trust = join(dir, 'trust-root.json');
    expect(next.stderr).toContain(`refusing to overwrite ${trust}: there is a trust root but no keyring.json next to it`);
    expect(next.stderr).toContain(`rm ${trust} && clawproof keys init ${dir}`);
    expect(tempFilesIn(dir)).toEqual([]);

    rmSync(trust);
    const again = await runCli(['keys', 'init', dir]);
    expect(again.status).toBe(0);
    expect(statSync(join(dir, 'keyring.json')).mode & 0o777).toBe(0o600);
  });
});
