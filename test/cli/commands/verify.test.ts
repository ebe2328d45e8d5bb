import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBytes } from '../../../src/runtime/bundle/serialize.js';
import { serializeTrustRoot } from '../../../src/core/trust-root.js';
import type { CliContext } from '../../../src/cli/command.js';
import { verifyCommand } from '../../../src/cli/commands/verify.js';
import { runVerify } from './run-verify.js';
import { ROOT, TRUST_ROOT, makeBundle } from '../../verify/support.js';
import { CHECK_IDS } from '../../../src/verify/report.js';
import { commandUsage } from '../../../src/cli/usage.js';
import { DEMO_TRUST_ROOT_FILE, demoTrustRootPath } from '../../../src/cli/commands/demo-trust-root.js';
import { DEMO_EXPORTS, DEMO_TRUST_ROOT_FILE as RUNTIME_DEMO_TRUST_ROOT_FILE } from '../../../src/runtime/node/demo-fixtures.js';

const CHECK_COUNT = CHECK_IDS.length;

const SAMPLE_EXPORT = join(ROOT, 'fixtures', 'tickets', 'sample-tickets.json');
let dir: string;
const path = (name: string) => join(dir, name);

const run = (positionals: string[], options: Record<string, string | boolean> = {}) => runVerify(path('root.json'), positionals, options);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clawproof-verify-'));
  writeFileSync(path('root.json'), serializeTrustRoot(TRUST_ROOT));
  writeFileSync(path('good.clawproof'), bundleBytes(await makeBundle()));
  const tampered = await makeBundle();
  tampered.receipts.splice(1, 1);
  writeFileSync(path('tampered.clawproof'), bundleBytes(tampered));
  const zendesk = await makeBundle({ policy: 'zendesk' });
  writeFileSync(path('zendesk.clawproof'), bundleBytes(zendesk));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clawproof verify', () => {
  it('exits 0 for a valid bundle and lists every check with its status and code, then the verdict', async () => {
    const { status, stdout, stderr } = await run([path('good.clawproof')]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^PASS {2}structure +OK$/m);
    expect(stdout).toMatch(/^WARN {2}trust +TRUST_ROOT_DEMO_ONLY$/m);
    expect(stdout).toMatch(/DEMO ONLY/); // [R-SIG-14]
    expect(stdout.match(/^(PASS|WARN|FAIL|SKIP) {2}/gm)).toHaveLength(CHECK_COUNT);
    expect(stdout).toMatch(/^Verdict: VALID$/m);
  });

  it('exits 1 for a tampered bundle and shows the failing check\'s code, message and first evidence', async () => {
    const { status, stdout } = await run([path('tampered.clawproof')]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}receipts +RECEIPT_CHAIN_BROKEN$/m);
    expect(stdout).toMatch(/^ {6}at \/receipts\/1; payload \/seq; receipt rct_\w+; expected 1, found 2$/m);
    expect(stdout).toMatch(/more issues?; --json lists them all/);
    expect(stdout).toMatch(/^Verdict: INVALID$/m);
  });

  it('prints the report as JSON with --json', async () => {
    const { status, stdout } = await run([path('tampered.clawproof')], { json: true });
    expect(status).toBe(1);
    const report = JSON.parse(stdout) as { verdict: string; checks: { id: string; code: string }[] };
    expect(report.verdict).toBe('invalid');
    expect(report.checks.find((c) => c.id === 'receipts')?.code).toBe('RECEIPT_CHAIN_BROKEN');
  });

  it('exits 2 and says which file for a missing bundle', async () => {
    const { status, stderr, stdout } = await run([path('missing.clawproof')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`clawproof verify: cannot read the bundle ${path('missing.clawproof')}: no such file or directory\n`);
  });

  it('exits 2 for a trust root that is not one, listing each problem with its place', async () => {
    writeFileSync(path('bad-root.json'), JSON.stringify({ ...TRUST_ROOT, version: 3, keys: [{ ...TRUST_ROOT.keys[0], role: 'auditor' }] }));
    const { status, stderr } = await run([path('good.clawproof')], { trust: path('bad-root.json') });
    expect(status).toBe(2);
    expect(stderr).toContain(`trust root ${path('bad-root.json')} is not usable`);
    expect(stderr).toMatch(/^ {2}\/version: must be 1$/m);
    expect(stderr).toMatch(/^ {2}\/keys\/0\/role: /m);
  });

  it('exits 2 for a bundle that is not a readable JSON document, still printing what it found', async () => {
    writeFileSync(path('cut.clawproof'), '{"mediaType": "application/vnd.clawproof.bundle+json", "ver');
    const { status, stdout, stderr } = await run([path('cut.clawproof')]);
    expect(status).toBe(2);
    expect(stdout).toMatch(/^FAIL {2}structure +INPUT_NOT_JSON$/m);
    expect(stdout).toMatch(/^ {6}at line 1, column \d+; JSON_SYNTAX$/m);
    expect(stderr).toContain('is not a readable bundle (INPUT_NOT_JSON)');
  });

  it('refuses to run without --trust or without a bundle (usage errors)', async () => {
    const context: CliContext = { io: { stdout: () => undefined, stderr: () => undefined }, packageRoot: ROOT, version: '0' };
    await expect(verifyCommand.run({ positionals: [path('good.clawproof')], options: {} }, context)).rejects.toMatchObject({ code: 'CLI_USAGE' });
    await expect(verifyCommand.run({ positionals: [], options: { trust: path('root.json') } }, context)).rejects.toMatchObject({ code: 'CLI_USAGE' });
  });

  it('with --against, collapses tickets it cannot correlate into one warning with their count, and exits 0 (1 with --strict)', async () => {
    // Under the Zendesk seed only internal notes are written: no routing field changes.
    const { status, stdout } = await run([path('zendesk.clawproof')], { against: SAMPLE_EXPORT });
    expect(stdout).toMatch(/^Against .*sample-tickets\.json: no unexplained change$/m);
    expect(stdout).toMatch(/^ {2}4 tickets compared, 0 correlated by content hash, \d+ outside the bundle, 0 missing from the export$/m);
    expect(stdout).not.toMatch(/UNCORRELATED/);
    expect(stdout.match(/^ {2}WARN {2}/gm)).toEqual(['  WARN  ']);
    expect(stdout).toMatch(/^ {2}WARN {2}4 of 4 tickets could not be correlated by content hash .*matched by id only: \d+, \d+, \d+, \d+$/m);
    expect(status).toBe(0);
    expect((await run([path('zendesk.clawproof')], { against: SAMPLE_EXPORT, strict: true })).status).toBe(1);
  });

  it('with --against, exits 1 when the export does not show changes the run applied', async () => {
    // The sample export is the before-state: the approved assignments are not in it.
    const { status, stdout } = await run([path('good.clawproof')], { against: SAMPLE_EXPORT });
    expect(stdout).toMatch(/^ {2}CHANGED {2}/m);
    expect(status).toBe(1);
  });

  it('prints the verdict line first, then the root cause, the counts, and the checks failing first, then warnings, then passes', async () => {
    const { stdout } = await run([path('tampered.clawproof')]);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Verdict: INVALID');
    expect(lines[1]).toMatch(/^ {2}Cause: Receipt 2 of \d+ is missing: the chain jumps from receipt 1 to receipt 3 \(\d+ failures follow from it\)\.$/);
    expect(lines[2]).toMatch(/^ {2}Checks: \d+ failed · 2 warnings · \d+ passed$/);
    const statuses = lines.filter((l) => /^(PASS|WARN|FAIL|SKIP) {2}/.test(l)).map((l) => l.slice(0, 4));
    expect(statuses).toHaveLength(CHECK_COUNT);
    expect(statuses).toEqual([...statuses].sort((a, b) => ['FAIL', 'WARN', 'PASS', 'SKIP'].indexOf(a) - ['FAIL', 'WARN', 'PASS', 'SKIP'].indexOf(b)));
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^Invalid: receipt 2 of \d+ is missing/);
  });

  it('says "1 warning", not "1 warnings", where one check warned', async () => {
    const { stdout } = await run([path('zendesk.clawproof')]);
    expect(stdout.split('\n')[0]).toBe('Verdict: VALID');
    expect(stdout).toMatch(/^ {2}Checks: 1 warning · 14 passed$/m);
  });

  it('never says "Verdict: INVALID" for a file it cannot read: the first line says it cannot verify, and it exits 2', async () => {
    writeFileSync(path('half.clawproof'), '{"mediaType": "application/vnd.clawproof.bundle+json", "ver');
    const { status, stdout } = await run([path('half.clawproof')]);
    expect(status).toBe(2);
    expect(stdout.split('\n')[0]).toBe(`Cannot verify: ${path('half.clawproof')} is not a readable bundle (INPUT_NOT_JSON), so no check ran`);
    expect(stdout).not.toMatch(/Verdict:/);
    expect(stdout).toMatch(/^ {2}Checks: 1 failed · 14 skipped$/m);
  });

  it('adds the causes to --json, keeping every field of the report', async () => {
    const { stdout } = await run([path('tampered.clawproof')], { json: true });
    const report = JSON.parse(stdout) as Record<string, unknown> & { causes: { code: string; consequences: unknown[] }[] };
    expect(Object.keys(report)).toEqual(['reportVersion', 'verifier', 'verdict', 'summary', 'causes', 'checkedAt', 'bundle', 'trustRoot', 'checks', 'limitations', 'tickets', 'timeline']);
    expect(report.causes).toHaveLength(1);
    expect(report.causes[0]?.code).toBe('RECEIPT_CHAIN_BROKEN');
  });

  it('documents its exit statuses and --strict in its help', () => {
    const help = commandUsage(verifyCommand);
    expect(help).toMatch(/^ {2}0 {2}valid/m);
    expect(help).toMatch(/^ {2}1 {2}invalid or unknown signer/m);
    expect(help).toMatch(/^ {2}2 {2}cannot verify/m);
    expect(help).toMatch(/--strict +Exit 1 on any warning/);
  });

  it('without --trust, names the demo trust root where this checkout has it, and says it is demo only', async () => {
    const context: CliContext = { io: { stdout: () => undefined, stderr: () => undefined }, packageRoot: ROOT, version: '0' };
    const error = await verifyCommand.run({ positionals: [path('good.clawproof')], options: {} }, context).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CLI_USAGE' });
    const message = (error as Error).message;
    expect(message).toContain(`--trust ${demoTrustRootPath(ROOT)}`);
    expect(message).toMatch(/demo only: its secret keys are published/);
    // From the checkout the path is relative; from elsewhere (an installed package) absolute; the file is really there.
    expect(demoTrustRootPath(ROOT, ROOT)).toBe(DEMO_TRUST_ROOT_FILE);
    // `dir` is a fresh temporary folder, never an ancestor of the checkout (tmpdir() is one when CI clones under /tmp).
    expect(demoTrustRootPath(ROOT, dir)).toBe(join(ROOT, DEMO_TRUST_ROOT_FILE));
    expect(DEMO_TRUST_ROOT_FILE).toBe(RUNTIME_DEMO_TRUST_ROOT_FILE);
    expect(demoTrustRootPath(dir)).toBeNull();
  });

  it.each(DEMO_EXPORTS.map((e) => [e.file, e] as const))('compares the demo bundle with the generated export %s', async (_file, spec) => {
    const { status, stdout } = await run([join(ROOT, spec.bundle)], { trust: join(ROOT, DEMO_TRUST_ROOT_FILE), against: join(ROOT, spec.file) });
    const against = stdout.slice(stdout.indexOf('\nAgainst '));
    if (spec.changeOutsideRun) {
      expect(against).toMatch(/^Against .*: 1 CHANGED$/m);
      expect(against).toMatch(/^ {2}CHANGED {2}ticket \d+ priority: the export shows "\w+"; no applied action of the run touched it/m);
      expect(status).toBe(1);
    } else {
      expect(against).toMatch(/^Against .*: clean$/m);
      expect(against).toMatch(/^ {2}(\d+) tickets compared, \1 correlated by content hash, 0 outside the bundle, 0 missing from the export$/m);
      expect(against).not.toMatch(/CHANGED|WARN/);
      expect(status).toBe(0);
    }
  });

  it('exits 2 when the --against file cannot be read', async () => {
    const { status, stderr } = await run([path('good.clawproof')], { against: path('no-export.json') });
    expect(status).toBe(2);
    expect(stderr).toContain('cannot read the export');
  });
});
