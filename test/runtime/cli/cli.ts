/** Runs `clawproof` in-process with captured output. */
import type { Readable } from 'node:stream';
import { main } from '../../../src/cli/main.js';

export async function clawproof(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** As clawproof(), with `stdin` as standard input (for file arguments given as `-`). */
export async function clawproofWithStdin(stdin: Readable, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: () => ({ stream: stdin }) });
  return { code, stdout, stderr };
}
