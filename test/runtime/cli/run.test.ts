import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { readBundleV2 } from '../../../src/format/v2/read.js';
import { checkTreeHead } from '../../../src/format/v2/tree-head.js';
import { exportBundleV2, v2SignersOf } from '../../../src/runtime/bundle/export-v2.js';
import { recordsOfKind } from '../bundle-reader.js';
import { KEYRING, ROOT, readJson } from '../support.js';
import { clawproof, clawproofWithStdin } from './cli.js';

const ROUTING = join(ROOT, 'fixtures/policies/ticket-routing.wpc.json');
let dir: string;
let tickets: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clawproof-run-'));
  const sample = readJson('fixtures/tickets/sample-tickets.json') as { tickets: unknown[]; users: unknown[] };
  tickets = join(dir, 'three.json');
  writeFileSync(tickets, JSON.stringify({ tickets: sample.tickets.slice(0, 3), users: sample.users }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = (out: string) => ['run', '--policy', ROUTING, '--tickets', tickets, '--out', out, '--seed', '7', '--start', '2026-01-05T09:00:00Z'];

/** Nothing but the given files in `dir`: no temporary file left behind. */
function filesIn(): string[] {
  return readdirSync(dir).sort();
}

describe('clawproof run', () => {
  it('writes the bundle, reports a summary, and gives the same bytes for the same inputs', async () => {
    const out = join(dir, 'a.clawproof');
    const first = await clawproof(...base(out));
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Wrote ${out}`);
    expect(first.stdout).toMatch(/tickets: 3 classified, 0 unclassified, 0 skipped/);
    expect(first.stderr).toContain('demo keyring');
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as ProofBundle;
    expect(bundle.tickets.map((t) => t.ticket_id)).toEqual([10001, 10002, 10003]);
    expect(recordsOfKind(bundle, 'job_start')[0]!.model).toBe('local');
    const again = join(dir, 'b.clawproof');
    expect((await clawproof(...base(again))).code).toBe(0);
    expect(readFileSync(again)).toEqual(readFileSync(out));
  });

  it('takes the compromised model, auto-approval and a steady arrival', async () => {
    const out = join(dir, 'c.clawproof');
    const r = await clawproof(...base(out), '--model', 'compromised', '--approve', 'all', '--arrival', 'steady:6');
    expect(r.code).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as ProofBundle;
    const start = recordsOfKind(bundle, 'job_start')[0]!;
    expect([start.model, start.approval_mode, start.limits.arrival]).toEqual(['compromised', 'auto', { kind: 'steady', per_minute: 6 }]);
    expect(recordsOfKind(bundle, 'intake').map((i) => i.at)).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-05T09:00:10.000Z', '2026-01-05T09:00:20.000Z']);
  });

  it('writes format v2 with --format v2: the same run, re-signed by the run\'s own keys, the same bytes again', async () => {
    const v1Out = join(dir, 'fmt-v1.clawproof');
    const v2Out = join(dir, 'fmt-v2.clawproof');
    expect((await clawproof(...base(v1Out), '--format', 'v1')).code).toBe(0);
    expect(readFileSync(v1Out)).toEqual(readFileSync(join(dir, 'a.clawproof')));
    const r = await clawproof(...base(v2Out), '--format', 'v2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${v2Out} (format v2, JSON Lines)`);
    const bytes = new Uint8Array(readFileSync(v2Out));
    // Exactly the v2 export of the v1 bundle of the same inputs, signed with the demo keyring's keys.
    const v1 = JSON.parse(readFileSync(v1Out, 'utf8')) as ProofBundle;
    expect(Buffer.from(bytes).equals(Buffer.from(exportBundleV2(v1, v2SignersOf(KEYRING)).bytes))).toBe(true);
    const result = await readBundleV2((async function* () {
      yield bytes;
    })());
    const signers = v2SignersOf(KEYRING);
    expect(await checkTreeHead(result.treeHeads.proxy, { service: 'proxy', tree: result.proxyTree, publicKey: signers.proxy.publicKey })).toEqual([]);
    expect(await checkTreeHead(result.treeHeads.harness, { service: 'harness', tree: result.harnessTree, publicKey: signers.harness.publicKey })).toEqual([]);
    expect(result.counts.tickets).toBe(3);
    const again = join(dir, 'fmt-v2-again.clawproof');
    expect((await clawproof(...base(again), '--format', 'v2')).code).toBe(0);
    expect(readFileSync(again)).toEqual(readFileSync(v2Out));
  });

  it('lists every problem of an invalid WPC with its pointer, exits 2 and leaves no file behind', async () => {
    const before = filesIn();
    const out = join(dir, 'bad.clawproof');
    const r = await clawproof('run', '--policy', join(ROOT, 'fixtures/policies/invalid/allow-deny-contradiction.wpc.json'), '--tickets', tickets, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the WPC is invalid/);
    expect(r.stderr).toMatch(/^ {2}error \/\S+: .+\[WPC_[A-Z_]+\]$/m);
    expect(existsSync(out)).toBe(false);
    expect(filesIn()).toEqual(before);
  });

  it('keeps an existing output file intact when the run fails', async () => {
    const out = join(dir, 'keep.clawproof');
    writeFileSync(out, 'old');
    const r = await clawproof('run', '--policy', join(dir, 'missing.json'), '--tickets', tickets, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read WPC file .*missing\.json: no such file or directory/);
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('refuses unreadable or unusable tickets as bad input', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"tickets": [');
    const r1 = await clawproof('run', '--policy', ROUTING, '--tickets', broken, '--out', join(dir, 'x.clawproof'));
    expect([r1.code, r1.stderr]).toEqual([2, expect.stringMatching(/tickets file .*broken\.json is not valid JSON \(line 1, column \d+\)/)]);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '{"tickets": [{"id": "nope"}]}');
    const r2 = await clawproof('run', '--policy', ROUTING, '--tickets', empty, '--out', join(dir, 'x.clawproof'));
    expect([r2.code, r2.stderr]).toEqual([2, expect.stringMatching(/no usable ticket in .*empty\.json/)]);
    const r3 = await clawproof('run', '--policy', ROUTING, '--tickets', join(dir, 'nowhere'), '--out', join(dir, 'x.clawproof'));
    expect([r3.code, r3.stderr]).toEqual([2, expect.stringMatching(/cannot read tickets from .*nowhere: no such file or directory/)]);
    expect(existsSync(join(dir, 'x.clawproof'))).toBe(false);
  });

  it('exits 1 when the run is refused: a CST wider than the WPC allows', async () => {
    const out = join(dir, 'wide.clawproof');
    const r = await clawproof(...base(out), '--scope', 'tickets.read,tickets.assign');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to mint a CST wider than the WPC .* tickets\.assign is denied by \/tools\/deny\/2/);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a malformed command line or keyring', async () => {
    expect((await clawproof('run', '--policy', ROUTING)).code).toBe(2);
    expect((await clawproof(...base(join(dir, 'y.clawproof')), '--model', 'gpt')).stderr).toMatch(/--model must be local or compromised/);
    const format = await clawproof(...base(join(dir, 'y.clawproof')), '--format', 'v3');
    expect([format.code, format.stderr]).toEqual([2, expect.stringMatching(/--format must be v1 or v2, not "v3"/)]);
    expect(existsSync(join(dir, 'y.clawproof'))).toBe(false);
    expect((await clawproof(...base(join(dir, 'y.clawproof')), '--start', 'yesterday')).code).toBe(2);
    const badKeys = join(dir, 'keys.json');
    writeFileSync(badKeys, '{"mediaType": "nope"}');
    const r = await clawproof(...base(join(dir, 'y.clawproof')), '--keys', badKeys);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/keyring: \/mediaType must be/)]);
    expect((await clawproof(...base(join(dir, 'nodir', 'y.clawproof')))).stderr).toMatch(/cannot write the bundle into .*nodir: no such file or directory/);
  });

  describe('items of the input the import cannot read', () => {
    /** Three good tickets; the second with a comment that has no created_at, plus one ticket with no id. */
    function flawedExport(from = 0): string {
      const sample = readJson('fixtures/tickets/sample-tickets.json') as { tickets: Record<string, unknown>[]; users: unknown[] };
      const chosen = structuredClone(sample.tickets.slice(from, from + 3));
      chosen[1]!['comments'] = [{ id: 77, author_id: 1, body: 'a comment', public: true }];
      const path = join(dir, 'flawed.json');
      writeFileSync(path, JSON.stringify({ tickets: [...chosen, { subject: 'no id' }], users: sample.users }));
      return path;
    }

    it('are listed, counted in the summary and recorded in the bundle, and the run still exits 0', async () => {
      const flawed = flawedExport();
      const out = join(dir, 'flawed.clawproof');
      const r = await clawproof('run', '--policy', ROUTING, '--tickets', flawed, '--out', out, '--start', '2026-01-05T09:00:00Z');
      expect(r.code).toBe(0);
      // Six problems (one per failing member), two items: the comment and the ticket without an id.
      expect(r.stderr).toContain(`6 problems with ${flawed}; 2 tickets, users or comments could not be imported and were skipped:`);
      expect(r.stderr).toMatch(/^ {2}flawed\.json#\/tickets\/1\/comments\/0\/created_at: comment skipped: /m);
      expect(r.stdout).toContain('input: 3 tickets imported from 1 file, 2 items skipped at import (recorded in the bundle: job_start.input_skipped)');
      const start = recordsOfKind(JSON.parse(readFileSync(out, 'utf8')) as ProofBundle, 'job_start')[0]!;
      expect(start.input_skipped).toEqual({
        count: 2,
        items: [
          { source: 'flawed.json', kind: 'comment', pointer: '/tickets/1/comments/0', reason: 'comment skipped: created_at: Invalid input: expected string, received undefined' },
          { source: 'flawed.json', kind: 'ticket', pointer: '/tickets/3', reason: 'ticket skipped: id: Invalid input: expected number, received undefined' },
        ],
      });
    });

    it('are recorded as none when nothing was skipped', async () => {
      const out = join(dir, 'clean.clawproof');
      const r = await clawproof(...base(out));
      expect(r.stdout).toContain('input: 3 tickets imported from 1 file, 0 items skipped at import\n');
      expect(recordsOfKind(JSON.parse(readFileSync(out, 'utf8')) as ProofBundle, 'job_start')[0]!.input_skipped).toEqual({ count: 0, items: [] });
    });

    it('make the run an error with --strict (exit 2, no bundle)', async () => {
      const out = join(dir, 'strict.clawproof');
      const r = await clawproof('run', '--policy', ROUTING, '--tickets', flawedExport(), '--out', out, '--strict');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--strict: 2 items of the tickets input could not be imported (listed above); no bundle was written');
      expect(existsSync(out)).toBe(false);
      expect((await clawproof(...base(join(dir, 'strict-clean.clawproof')), '--strict')).code).toBe(0);
    });

    it('name their file when the tickets come from a directory', async () => {
      const sub = join(dir, 'export-dir');
      mkdirSync(sub);
      writeFileSync(join(sub, 'a.json'), readFileSync(tickets));
      writeFileSync(join(sub, 'b.json'), readFileSync(flawedExport(3)));
      const out = join(dir, 'from-dir.clawproof');
      expect((await clawproof('run', '--policy', ROUTING, '--tickets', sub, '--out', out)).code).toBe(0);
      const start = recordsOfKind(JSON.parse(readFileSync(out, 'utf8')) as ProofBundle, 'job_start')[0]!;
      expect(start.input_skipped?.items.map((i) => i.source)).toEqual(['b.json', 'b.json']);
    });
  });

  it('reads the tickets from standard input with --tickets -', async () => {
    const out = join(dir, 'stdin.clawproof');
    const r = await clawproofWithStdin(Readable.from([readFileSync(tickets)]), 'run', '--policy', ROUTING, '--tickets', '-', '--out', out, '--seed', '7', '--start', '2026-01-05T09:00:00Z');
    expect(r.code).toBe(0);
    // The same tickets give the same bundle, whether they came from a file or from a pipe.
    expect(readFileSync(out)).toEqual(readFileSync(join(dir, 'a.clawproof')));
  });
});
