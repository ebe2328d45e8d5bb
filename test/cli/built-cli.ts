/**
 * Test support: runs the BUILT command (bin/clawproof.js -> dist/lib/cli), exactly what users run.
 * Not a test file itself (no .test.ts suffix).
 */
import { spawn, type ChildProcess, type StdioNull, type StdioPipe } from 'node:child_process';
import type { Stream } from 'node:stream';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/clawproof.js', import.meta.url));

/** Throws a readable error when `npm run build` has not produced what the tests need. */
export function requireBuilt(...relativePaths: string[]): void {
  for (const relativePath of ['dist/lib/cli/main.js', ...relativePaths]) {
    if (!existsSync(new URL(`../../${relativePath}`, import.meta.url))) {
      throw new Error(`${relativePath} is missing: these tests run the built command. Run \`npm run build\` first.`);
    }
  }
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliSpawnOptions {
  /** What the command's standard input is (default 'ignore'): a file descriptor, or a stream with one. */
  readonly stdin?: StdioNull | StdioPipe | number | Stream;
  /** Added to the environment. */
  readonly env?: Readonly<Record<string, string>>;
}

export function runCli(args: readonly string[], timeoutMs = 20_000, options: CliSpawnOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`clawproof ${args.join(' ')} did not exit within ${timeoutMs} ms.\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Starts the built command without waiting for it (stdout and stderr are pipes). */
export function spawnCli(args: readonly string[], options: CliSpawnOptions = {}): ChildProcess & { stdout: NonNullable<ChildProcess['stdout']>; stderr: NonNullable<ChildProcess['stderr']> } {
  const env = options.env === undefined ? process.env : { ...process.env, ...options.env };
  const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'] });
  return child as ChildProcess & { stdout: NonNullable<ChildProcess['stdout']>; stderr: NonNullable<ChildProcess['stderr']> };
}

export interface RunningServer {
  readonly url: URL;
  readonly child: ChildProcess;
  /** Sends SIGTERM and resolves with the exit status. */
  stop(): Promise<number | null>;
}

const RUNNING_LINE = /Clawproof is running at (http:\/\/\S+\/)/;

/** Starts `clawproof serve` and resolves once it prints the address it is listening on. */
export function startServer(args: readonly string[], timeoutMs = 20_000): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((resolveExit) => child.on('close', resolveExit));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`clawproof serve did not start within ${timeoutMs} ms.\n${output}`));
    }, timeoutMs);
    const onData = (chunk: string): void => {
      output += chunk;
      const match = RUNNING_LINE.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve({
        url: new URL(match[1]),
        child,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('error', reject);
    void exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`clawproof serve exited with status ${String(status)} before it was ready.\n${output}`));
    });
  });
}
