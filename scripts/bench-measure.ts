/**
 * What the verifier bench measures a bundle file with, whatever its format: `clawproof verify`
 * in this process, timed; the built command alone in a fresh process, for its peak RSS against
 * issue #9's bound; and the figures' formatting. Shared by scripts/bench.ts (v1) and
 * scripts/bench-v2-cli.ts (v2).
 */
import { spawnSync } from 'node:child_process';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../src/cli/main.js';
import { base64Decode } from '../src/core/bytes.js';
import type { TrustRoot } from '../src/core/trust-root.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, '.tmp', 'bench');
export const TRUST_FILE = join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json');
const BUILT_MAIN = join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const RUNNER = `const { runnerImport } = await import('vite'); await runnerImport('./scripts/bench.ts', { configFile: false, logLevel: 'error' });`;

/** scripts/bench.ts again in a child process with `env` added (how the bench builds what it caches), `nodeFlags` before the script. */
export function benchInChild(env: Readonly<Record<string, string>>, what: string, nodeFlags: readonly string[] = []): void {
  const child = spawnSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', RUNNER], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (child.status !== 0) throw new Error(`${what} failed (exit ${String(child.status)})`);
}

/** Whether the file at `path` is kept from an earlier run with the same inputs: its `.key` beside it holds `key`. */
export function isKept(path: string, key: string): boolean {
  return existsSync(path) && existsSync(`${path}.key`) && readFileSync(`${path}.key`, 'utf8') === key;
}

/** The bench's bundles go up to 100,000 tickets (about 540 MB in v2): over the 256 MiB default, so the command is given its ceiling. */
const MAX_BYTES = ['--max-bytes', '1GiB'] as const;

export interface CliRun {
  readonly ms: number;
  readonly exitCode: number;
}

/** `clawproof verify <bundle> --trust <root>` in this process, its output kept, not printed. */
export async function cliVerify(path: string, extra: readonly string[] = []): Promise<CliRun & { readonly output: string }> {
  let output = '';
  const io = { stdout: (text: string) => void (output += text), stderr: (text: string) => void (output += text) };
  const started = performance.now();
  const exitCode = await main(['verify', path, '--trust', TRUST_FILE, ...MAX_BYTES, ...extra], io);
  return { ms: performance.now() - started, exitCode, output };
}

/** Issue #9's bound on the peak RSS of a verification: twice the bundle's size plus 300 MB. */
export function rssBound(bundleBytes: number): number {
  return 2 * bundleBytes + 300 * 1000 * 1000;
}

/** What `clawproof verify` did alone in its own process: exit code, wall time, peak RSS; or why it could not be measured. */
export type ChildRun = { readonly ok: true; readonly code: number; readonly ms: number; readonly maxRss: number } | { readonly ok: false; readonly why: string };

/**
 * `clawproof verify <bundle>` (the built command, worker pool) alone in a fresh process, timed, with
 * its own peak RSS (workers included: they are threads of it). The bench process's own peak also
 * counts the baseline and the instrumented runs. Wall time covers Node's start and module loading;
 * this bench process's heap (the runs before) does not slow it, as it does the in-process runs.
 */
export function verifyInChild(path: string): ChildRun {
  if (!existsSync(BUILT_MAIN)) return { ok: false, why: 'not measured (run npm run build:lib first)' };
  const script =
    `const { main } = await import(${JSON.stringify(pathToFileURL(BUILT_MAIN).href)});` +
    `const code = await main(['verify', ${JSON.stringify(path)}, '--trust', ${JSON.stringify(TRUST_FILE)}, ${MAX_BYTES.map((a) => JSON.stringify(a)).join(', ')}], { stdout() {}, stderr() {} });` +
    `process.stdout.write(JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS * 1024 }));`;
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * 1024 });
  const ms = performance.now() - started;
  try {
    const result = JSON.parse(child.stdout) as { code: number; maxRss: number };
    return { ok: true, code: result.code, ms, maxRss: result.maxRss };
  } catch {
    return { ok: false, why: `the process failed (status ${String(child.status)}, ${String(child.signal)}): ${child.stderr.slice(-300)}` };
  }
}

/** The peak RSS of a verifyInChild run against rssBound, as a sentence. */
export function rssAgainstBound(bundleBytes: number, run: ChildRun): string {
  const bound = `issue #9's bound 2 x ${mib(bundleBytes)} + 300 MB = ${mib(rssBound(bundleBytes))}`;
  if (!run.ok) return `peak RSS of clawproof verify in its own process: ${run.why}; ${bound}`;
  // A command that did not verify the file (exit 2: refused it) may have read little of it: no verdict then.
  const verdict =
    run.code !== 0 && run.code !== 1
      ? 'no PASS/FAIL, the command did not verify the file'
      : run.maxRss <= rssBound(bundleBytes)
        ? 'PASS'
        : `FAIL (${(run.maxRss / rssBound(bundleBytes)).toFixed(2)}x the bound)`;
  return `clawproof verify in its own process (exit ${run.code}): ${seconds(run.ms)} wall, peak RSS ${mib(run.maxRss)}; ${bound}: ${verdict}`;
}

export function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function rate(count: number, ms: number): string {
  return `${Math.round(count / (ms / 1000)).toLocaleString('en-US')}/s`;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** The trust root's public keys as node:crypto key objects (made once, outside any timed loop), by keyid. */
export function nodeKeys(trust: TrustRoot): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const k of trust.keys) {
    keys.set(k.keyid, createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), base64Decode(k.publicKey)]), format: 'der', type: 'spki' }));
  }
  return keys;
}
