/**
 * `clawproof verify` on a bundle too big for the process's JavaScript heap exits 2 with a message
 * that says the size, the heap it needs, the heap there is and what to do, before parsing it:
 * never V8's out-of-memory abort and its stack trace. The built command in a real process with a
 * small real heap (--max-old-space-size), on a real bundle whose lists are repeated many times.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, requireBuilt, runCli } from './built-cli.js';

const TRUST = join(REPO_ROOT, 'fixtures/trust/demo-trust-root.json');
const BUNDLE = join(REPO_ROOT, 'fixtures/bundles/routing-local.clawproof');
/** Small enough that a bundle of a few MiB cannot be verified in it, large enough for a fixture bundle. */
const SMALL_HEAP = { NODE_OPTIONS: '--max-old-space-size=48' };
const COPIES = 40;
const V2_BUNDLE = join(REPO_ROOT, 'fixtures/bundles/v2/routing-local.clawproof');
/**
 * A heap (208 MiB limit) in which a 13 MiB file passes the v2 estimate (64 MiB + 7.5 bytes a
 * byte: 161.5 MiB) and fails the v1 one (64 MiB + 13 bytes a byte: 233 MiB).
 */
const MID_HEAP = { NODE_OPTIONS: '--max-old-space-size=160' };
const MID_BYTES = 13 * 1024 * 1024;

let dir: string;
let repeated: string;
let v2Sized: string;
let v1Sized: string;

beforeAll(() => {
  requireBuilt();
  dir = mkdtempSync(join(tmpdir(), 'clawproof-verify-memory-'));
  // Every list of a valid bundle COPIES times over: about 9 MB, the shape of issue #9's 240 MB crash.
  const document = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<string, unknown>;
  for (const [name, value] of Object.entries(document)) {
    if (Array.isArray(value)) document[name] = Array.from({ length: COPIES }, () => value).flat();
  }
  repeated = join(dir, 'repeated.clawproof');
  writeFileSync(repeated, JSON.stringify(document));
  // A v2 file of MID_BYTES: the fixture's header, then its other lines over and over (the reader
  // refuses it at the first line after the closing tree head, once the heap check let it through).
  const [header, ...body] = readFileSync(V2_BUNDLE, 'utf8').trimEnd().split('\n');
  const lines = [header!];
  for (let n = header!.length; n < MID_BYTES; ) for (const line of body) (lines.push(line), (n += line.length + 1));
  v2Sized = join(dir, 'v2-sized.clawproof');
  writeFileSync(v2Sized, `${lines.join('\n')}\n`);
  // A v1 document of about the same size: the repeated bundle's lists again, more times over.
  const scale = Math.ceil(MID_BYTES / readFileSync(repeated).length);
  for (const [name, value] of Object.entries(document)) {
    if (Array.isArray(value)) document[name] = Array.from({ length: scale }, () => value).flat();
  }
  v1Sized = join(dir, 'v1-sized.clawproof');
  writeFileSync(v1Sized, JSON.stringify(document));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clawproof verify within the JavaScript heap it has', () => {
  it('refuses a bundle too big for the heap with exit 2 and says what it needs, never an out-of-memory abort', async () => {
    const r = await runCli(['verify', repeated, '--trust', TRUST], 20_000, { env: SMALL_HEAP });
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|OOMErrorHandler/);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const size = readFileSync(repeated).length;
    expect(r.stderr).toContain(`clawproof verify: the bundle ${repeated} is `);
    expect(r.stderr).toContain(`(${size.toLocaleString('en-US')} bytes)`);
    expect(r.stderr).toMatch(/needs about [\d.]+ MiB \([\d,]+ bytes\) of JavaScript heap, and this process may use [\d.]+ MiB/);
    expect(r.stderr).toMatch(/NODE_OPTIONS=--max-old-space-size=\d+ clawproof verify/);
  });

  it('verifies a bundle that fits in the same small heap', async () => {
    const r = await runCli(['verify', BUNDLE, '--trust', TRUST], 20_000, { env: SMALL_HEAP });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Verdict: VALID/);
    expect(r.status).toBe(0);
  });

  it('with the heap the refusal asks for, the same bundle is verified (invalid: its parts repeat), not refused', async () => {
    const refused = await runCli(['verify', repeated, '--trust', TRUST], 20_000, { env: SMALL_HEAP });
    const asked = /--max-old-space-size=(\d+)/.exec(refused.stderr)?.[1];
    expect(asked).toBeDefined();
    const r = await runCli(['verify', repeated, '--trust', TRUST], 60_000, { env: { NODE_OPTIONS: `--max-old-space-size=${asked!}` } });
    expect(r.stderr).not.toMatch(/FATAL ERROR|heap out of memory|needs about/);
    expect(r.stdout).toMatch(/^Verdict: INVALID/);
    expect(r.status).toBe(1);
  }, 90_000);

  it('judges a v2 file by the v2 estimate: in a heap that refuses a v1 bundle of its size, it goes on to the reader', async () => {
    expect(readFileSync(v2Sized).length).toBeGreaterThanOrEqual(MID_BYTES);
    expect(readFileSync(v1Sized).length).toBeGreaterThanOrEqual(MID_BYTES);
    const v1 = await runCli(['verify', v1Sized, '--trust', TRUST], 20_000, { env: MID_HEAP });
    expect(v1.status).toBe(2);
    expect(v1.stderr).toContain('verifying a v1 bundle of that size needs about');

    const v2 = await runCli(['verify', v2Sized, '--trust', TRUST], 20_000, { env: MID_HEAP });
    expect(v2.stderr).not.toMatch(/needs about|FATAL ERROR|heap out of memory/);
    // Read, and found invalid (the fixture's lines again after its closing tree head), not refused for the heap.
    expect(v2.stdout).toMatch(/^Verdict: INVALID/);
    expect(v2.stdout).toContain('LINE_AFTER_TREE_HEADS');
    expect(v2.status).toBe(1);
  });
});

