/** `clawproof verify` run in this process, its output captured: what the verify command tests call. */
import type { CliContext } from '../../../src/cli/command.js';
import { verifyCommand } from '../../../src/cli/commands/verify.js';
import { ROOT } from '../../verify/support.js';

export async function runVerify(trust: string, positionals: string[], options: Record<string, string | boolean> = {}) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, packageRoot: ROOT, version: '0.0.0-test' };
  const status = await verifyCommand.run({ positionals, options: { trust, ...options } }, context);
  return { status, stdout, stderr };
}
