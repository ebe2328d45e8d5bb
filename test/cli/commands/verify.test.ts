import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleBytes } from '../../../src/runtime/bundle/serialize.js';
import { serializeTrustRoot } from '../../../src/core/trust-root.js';
import type { CliContext } from '../../../src/cli/command.js';
import { verifyCommand } from '../../../src/cli/commands/verify.js';
import { ROOT, TRUST_ROOT, makeBundle } from '../../verify/support.js';
import { CHECK_IDS } from '../../../src/verify/report.js';

const CHECK_COUNT = CHECK_IDS.length;

const SAMPLE_EXPORT = join(ROOT, 'fixtures', 'tickets', 'sample-tickets.json');
let dir: string;
const path = (name: string) => join(dir, name);

async function run(positionals: string[], options: Record<string, string | boolean> = {}) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, packageRoot: ROOT, version: '0.0.0-test' };
  const status = await verifyCommand.run({ positionals, options: { trust: path('root.json'), ...options } }, context);
  return { status, stdout, stderr };
}

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

  it('with --against, lists tickets it cannot correlate but exits 0 when the export shows no unexplained change', async () => {
    // Under the Zendesk seed only internal notes are written: no routing field changes.
    const { status, stdout } = await run([path('zendesk.clawproof')], { against: SAMPLE_EXPORT });
    expect(stdout).toMatch(/^Against .*sample-tickets\.json:$/m);
    expect(stdout).toMatch(/^ {2}4 tickets compared, 0 correlated by content hash, \d+ outside the bundle, 0 missing from the export$/m);
    expect(stdout.match(/^ {2}UNCORRELATED {2}/gm)).toHaveLength(4);
    expect(status).toBe(0);
  });

  it('with --against, exits 1 when the export does not show changes the run applied', async () => {
    // The sample export is the before-state: the approved assignments are not in it.
    const { status, stdout } = await run([path('good.clawproof')], { against: SAMPLE_EXPORT });
    expect(stdout).toMatch(/^ {2}CHANGED {2}/m);
    expect(status).toBe(1);
  });

  it('exits 2 when the --against file cannot be read', async () => {
    const { status, stderr } = await run([path('good.clawproof')], { against: path('no-export.json') });
    expect(status).toBe(2);
    expect(stderr).toContain('cannot read the export');
  });
});
