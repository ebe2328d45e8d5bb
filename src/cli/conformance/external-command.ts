/**
 * Runs another verifier on one conformance case: the command template's `{input}`, `{trust}`
 * and `{id}` are replaced by the case's values, quoted for the shell, and the command runs
 * through the system shell (sh -c; cmd.exe on Windows). Its standard output must be the JSON
 * report; its exit status is not compared (verifiers differ in what they return for an invalid
 * bundle). Output is bounded and the command is killed at the time limit.
 */
import { spawn } from 'node:child_process';

export const PLACEHOLDERS = ['{input}', '{trust}', '{id}'] as const;
const REQUIRED = ['{input}', '{trust}'] as const;

/** Most bytes of standard output read: the report of any suite case is a few MiB at most. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
/** The end of standard error kept to explain a failure. */
const STDERR_TAIL_BYTES = 2000;
/** Signals that stop the runner, and so the command it is running. */
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Why the template cannot be used, or null. */
export function templateProblem(template: string): string | null {
  const missing = REQUIRED.filter((p) => !template.includes(p));
  return missing.length === 0 ? null : `the command must contain ${missing.join(' and ')}, where the case's file paths go`;
}

export interface CaseValues {
  readonly input: string;
  readonly trust: string;
  readonly id: string;
}

export function commandFor(template: string, values: CaseValues, platform: NodeJS.Platform = process.platform): string {
  const quote = platform === 'win32' ? quoteCmd : quoteSh;
  return template.replaceAll('{input}', quote(values.input)).replaceAll('{trust}', quote(values.trust)).replaceAll('{id}', quote(values.id));
}

/** POSIX sh: single quotes hold everything but a single quote, which is closed, escaped and reopened. */
function quoteSh(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** cmd.exe: double quotes (the suite's paths hold no double quote). */
function quoteCmd(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

export type CommandResult =
  | { readonly ok: true; readonly stdout: string; readonly status: number | null; readonly stderrTail: string }
  | { readonly ok: false; readonly problem: string };

export interface RunOptions {
  readonly timeoutMs: number;
  readonly maxStdoutBytes?: number;
  readonly cwd?: string;
}

export function runCommand(command: string, options: RunOptions): Promise<CommandResult> {
  const maxStdout = options.maxStdoutBytes ?? MAX_REPORT_BYTES;
  return new Promise((resolve) => {
    // Its own process group (POSIX), so a stop reaches what the shell started too, not the shell alone.
    const group = process.platform !== 'win32';
    const child = spawn(command, { shell: true, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, detached: group });
    const killAll = () => {
      try {
        if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL'); // the group is gone already
      }
    };
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = Buffer.alloc(0);
    let failure: string | null = null;
    const stop = (problem: string) => {
      if (failure !== null) return;
      failure = problem;
      killAll();
    };
    const timer = setTimeout(() => stop(`the command did not finish within ${options.timeoutMs / 1000} s`), options.timeoutMs);
    // Out of the terminal's process group, the command would outlive a Ctrl-C of the runner: take it along.
    const onSignal = (signal: NodeJS.Signals) => {
      killAll();
      release();
      process.kill(process.pid, signal);
    };
    const release = () => {
      clearTimeout(timer);
      for (const signal of FORWARDED_SIGNALS) process.off(signal, onSignal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, onSignal);

    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxStdout) stop(`the command wrote more than ${maxStdout} bytes to standard output`);
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = Buffer.concat([stderr, chunk]);
      if (stderr.length > STDERR_TAIL_BYTES) stderr = stderr.subarray(stderr.length - STDERR_TAIL_BYTES);
    });
    child.on('error', (error) => {
      // A spawn that fails may never emit close.
      release();
      resolve({ ok: false, problem: `the command could not start: ${error.message}` });
    });
    child.on('close', (status, signal) => {
      release();
      if (failure !== null) return resolve({ ok: false, problem: failure });
      if (signal !== null) return resolve({ ok: false, problem: `the command was stopped by ${signal}${tail(stderr)}` });
      resolve({ ok: true, stdout: Buffer.concat(chunks).toString('utf8'), status, stderrTail: stderr.toString('utf8') });
    });
  });
}

function tail(stderr: Buffer): string {
  const text = stderr.toString('utf8').trim();
  return text === '' ? '' : `; its standard error ends: ${text.slice(-300)}`;
}
