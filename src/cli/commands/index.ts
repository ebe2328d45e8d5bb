import type { CliCommand } from '../command.js';
import { conformanceCommand } from './conformance.js';
import { keysCommand } from './keys.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { verifyCommand } from './verify.js';

/** Every command `clawproof` knows, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: readonly CliCommand[] = [serveCommand, verifyCommand, runCommand, keysCommand, conformanceCommand];

export function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
