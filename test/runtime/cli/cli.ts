/** Runs `clawproof` in-process with captured output. */
import { main } from '../../../src/cli/main.js';

export async function clawproof(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
