import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliContext, OptionValues } from '../../../src/cli/command.js';
import { conformanceCommand } from '../../../src/cli/commands/conformance.js';
import { ROOT } from '../../verify/support.js';

const MANIFEST = join(ROOT, 'fixtures', 'conformance', 'manifest.json');
const FAKE = join(ROOT, 'test', 'cli', 'conformance', 'fake-verifier.mjs');
const CASE_COUNT = (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { cases: unknown[] }).cases.length;

const dir = mkdtempSync(join(tmpdir(), 'clawproof-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fake second implementation as a --cmd template, misbehaving in `mode` on case `target`. */
const fake = (mode = 'minimal', target = '') => `"${process.execPath}" "${FAKE}" "${MANIFEST}" {id} {input} {trust} ${mode} ${target}`;

async function run(options: OptionValues) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, packageRoot: ROOT, version: '0.0.0-test' };
  const status = await conformanceCommand.run({ positionals: [], options }, context);
  return { status, stdout, stderr };
}

const line = (stdout: string, id: string) => stdout.split('\n').find((l) => l.endsWith(`  ${id}`) || l.includes(`  ${id}  `));

describe('clawproof conformance', () => {
  it('runs this verifier over the shipped suite and passes every selected case', async () => {
    const { status, stdout, stderr } = await run({ only: 'hostile/,trust/' });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Verifier: this one \(clawproof 0\.0\.0-test\)$/m);
    expect(stdout).toMatch(/^PASS {2}hostile\/bom$/m);
    expect(stdout).toMatch(/^PASS {2}trust\/stranger$/m);
    expect(stdout).not.toMatch(/^FAIL/m);
    expect(stdout).toMatch(/^conformance: \d+ passed, 0 failed$/m);
  });

  it('passes another implementation that prints the minimal report, listing what it SHOULD also report', async () => {
    const { status, stdout } = await run({ cmd: fake('minimal') });
    expect(status).toBe(0);
    expect(stdout.match(/^PASS {2}/gm)).toHaveLength(CASE_COUNT);
    expect(line(stdout, 'valid/tiny-example')).toBe('PASS  valid/tiny-example');
    expect(stdout).toMatch(/^ {6}SHOULD: warnings: missing trust TRUST_ROOT_DEMO_ONLY, approvals APPROVAL_AUTOMATIC$/m);
    expect(stdout).toMatch(/passed with SHOULD-level differences \(--strict fails them\)/);
    expect(stdout).toMatch(new RegExp(`^conformance: ${CASE_COUNT} passed, 0 failed$`, 'm'));
  }, 120_000);

  it('with --strict fails those SHOULD differences, and passes a full report', async () => {
    const minimal = await run({ cmd: fake('minimal'), strict: true, only: 'valid/tiny-example,trust/stranger' });
    expect(minimal.status).toBe(1);
    expect(minimal.stdout).toMatch(/^FAIL {2}valid\/tiny-example$/m);
    expect(minimal.stdout).toMatch(/^ {6}SHOULD: unknown signers: missing sha256:/m);
    const full = await run({ cmd: fake('full'), strict: true, only: 'valid/tiny,tampered/,forgery/,trust/' });
    expect(full.stdout).not.toMatch(/^FAIL/m);
    expect(full.stdout).not.toMatch(/SHOULD/);
    expect(full.status).toBe(0);
  }, 120_000);

  it.each([
    ['lie-verdict', 'verdict: expected invalid, got valid'],
    ['lie-code', 'receipts: expected code RECEIPT_CHAIN_BROKEN, got SOMETHING_ELSE'],
    ['drop-check', 'receipts: expected to fail with RECEIPT_CHAIN_BROKEN, did not fail'],
    ['extra-check', 'replay: failed with CST_JTI_REUSED, expected not to fail'],
  ])('catches an implementation that answers one case wrongly (%s), and only that case', async (mode, difference) => {
    const { status, stdout } = await run({ cmd: fake(mode, 'tampered/receipt-removed'), only: 'tampered/receipt,valid/tiny' });
    expect(status).toBe(1);
    expect(stdout).toContain(`FAIL  tampered/receipt-removed\n      ${difference}\n`);
    expect(stdout.match(/^FAIL/gm)).toHaveLength(1);
    expect(stdout).toMatch(/^PASS {2}tampered\/receipts-reordered$/m);
    expect(stdout).toMatch(/^conformance: \d+ passed, 1 failed$/m);
  });

  it('fails a case whose command prints no JSON report, saying why', async () => {
    const notJson = await run({ cmd: fake('not-json', 'valid/tiny-example'), only: 'valid/tiny-example' });
    expect(notJson.status).toBe(1);
    expect(notJson.stdout).toMatch(/^FAIL {2}valid\/tiny-example\n {6}the command's standard output is not a JSON report: .*\(exit status 0\)$/m);
    const silent = await run({ cmd: fake('silent', 'valid/tiny-example'), only: 'valid/tiny-example' });
    expect(silent.stdout).toMatch(/^ {6}the command printed no report \(exit status 70; standard error ends: fake-verifier: crashed\)$/m);
  });

  it('stops a command at --timeout and fails its case', async () => {
    const started = Date.now();
    const { status, stdout } = await run({ cmd: fake('sleep', 'hostile/empty'), only: 'hostile/empty', timeout: '1' });
    expect(status).toBe(1);
    expect(stdout).toMatch(/^ {6}the command did not finish within 1 s$/m);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('accepts the outcome a flag allows, except under --strict', async () => {
    // A verifier reading 1000 levels: what the DepthLimit alternative of hostile/nesting-65 says.
    const reader = join(dir, 'deep-reader.mjs');
    writeFileSync(reader, 'process.stdout.write(JSON.stringify({ verdict: "invalid", checks: [{ id: "structure", status: "fail", code: "INPUT_NOT_OBJECT" }] }));\n');
    const cmd = `"${process.execPath}" "${reader}" {input} {trust}`;
    const lenient = await run({ cmd, only: 'hostile/nesting-65' });
    expect(lenient.status).toBe(0);
    expect(lenient.stdout).toMatch(/^PASS {2}hostile\/nesting-65 {2}\(the outcome flag DepthLimit allows instead of the expected one\)$/m);
    const strict = await run({ cmd, only: 'hostile/nesting-65', strict: true });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/^ {6}structure: expected code INPUT_TOO_DEEP, got INPUT_NOT_OBJECT$/m);
  });

  it('exits 2 for a manifest it cannot use', async () => {
    const bad = join(dir, 'bad-manifest.json');
    writeFileSync(bad, JSON.stringify({ suite: 'something else', cases: [] }));
    const { status, stderr } = await run({ manifest: bad });
    expect(status).toBe(2);
    expect(stderr).toMatch(/the conformance manifest .*bad-manifest\.json is not usable:\n {2}\/\$schema: /);
    const missing = await run({ manifest: join(dir, 'nowhere.json') });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the conformance manifest/);
  });

  it.each([
    [{ cmd: 'my-verifier {input}' }, /--cmd: the command must contain \{trust\}/],
    [{ cmd: '  ' }, /--cmd needs the command/],
    [{ timeout: '5' }, /--timeout applies to --cmd only/],
    [{ cmd: fake(), timeout: '0' }, /--timeout must be a whole number of seconds from 1 to 3600/],
    [{ only: 'nothing/like/this' }, /--only nothing\/like\/this selects none of the \d+ cases/],
    [{ only: ' , ' }, /--only needs case ids/],
  ] as const)('refuses a wrong command line: %o', async (options, message) => {
    await expect(run(options)).rejects.toThrow(message);
  });
});
