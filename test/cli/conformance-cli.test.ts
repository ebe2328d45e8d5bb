/**
 * `clawproof conformance` as users run it (the built command): listed in the help, and able to
 * judge a second verifier that is a separate program, here the built `clawproof verify --json`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, requireBuilt, runCli, spawnCli } from './built-cli.js';

beforeAll(() => requireBuilt());
const dir = mkdtempSync(join(tmpdir(), 'clawproof-conformance-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('clawproof conformance (built command)', () => {
  it('is listed in the help with its summary', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/^ {2}conformance +Run the verifier conformance suite/m);
    const own = await runCli(['conformance', '--help']);
    expect(own.status).toBe(0);
    expect(own.stdout).toMatch(/^Usage: clawproof conformance \[--cmd "<command with \{input\} \{trust\}>"\]/);
  });

  it('passes `clawproof verify --json` run as an external command on the trust and hostile cases', async () => {
    const cmd = `"${process.execPath}" "${BIN}" verify --json {input} --trust {trust}`;
    const result = await runCli(['conformance', '--cmd', cmd, '--only', 'trust/,hostile/bom,hostile/view-nested,forgery/forged-degrade'], 120_000);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^PASS {2}trust\/stranger$/m);
    expect(result.stdout).toMatch(/^PASS {2}hostile\/view-nested-past-limit$/m);
    expect(result.stdout).toMatch(/^conformance: 9 passed, 0 failed$/m);
    expect(result.status).toBe(0);
  }, 120_000);

  it('takes the command it is running along when it is stopped', async () => {
    const pidFile = join(dir, 'verifier.pid');
    const sleeper = join(dir, 'sleeper.mjs');
    writeFileSync(sleeper, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nsetTimeout(() => {}, 60000);\n`);
    const child = spawnCli(['conformance', '--cmd', `"${process.execPath}" "${sleeper}" {input} {trust}`, '--only', 'hostile/empty']);
    const exited = new Promise((resolve) => child.on('close', (status, signal) => resolve(signal ?? status)));
    await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '', 10_000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(pid)).toBe(true);
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    await until(() => !alive(pid), 5000);
  }, 30_000);
});
