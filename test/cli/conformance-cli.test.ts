/**
 * `clawproof conformance` as users run it (the built command): listed in the help, and able to
 * judge a second verifier that is a separate program, here the built `clawproof verify --json`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, requireBuilt, runCli } from './built-cli.js';

beforeAll(() => requireBuilt());

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
});
