/**
 * File arguments of the commands: any of them may be `-` for standard input, at most one per
 * command line (there is one standard input), and every read is bounded (src/node/read-bounded.ts;
 * the limits are in src/node/input-limits.ts and listed by `clawproof help`).
 */
import { describeLimit, STDIN_PATH } from '../node/read-bounded.js';
import {
  MAX_BUNDLE_BYTES,
  MAX_EXPORT_FILE_BYTES,
  MAX_KEYRING_BYTES,
  MAX_TICKETS_TOTAL_BYTES,
  MAX_TRUST_ROOT_BYTES,
  MAX_WPC_BYTES,
} from '../node/input-limits.js';
import { usageError } from './errors.js';

/** Refuses a command line that gives `-` to more than one file argument. */
export function checkOneStdin(args: readonly (readonly [name: string, value: unknown])[]): void {
  const dashes = args.filter(([, value]) => value === STDIN_PATH).map(([name]) => name);
  if (dashes.length > 1) throw usageError(`Only one file can be read from standard input ("-"); ${dashes.join(' and ')} both ask for it.`);
}

/** The paragraph `clawproof help` and the commands' help print about file arguments. */
export function fileArgumentsHelp(): string {
  return [
    'File arguments: any one of them may be "-" to read standard input',
    '(`curl ... | clawproof verify - --trust root.json`). Pipes and process substitution',
    '(`--tickets <(...)`) work; devices such as /dev/zero are refused. Reads stop at a limit:',
    `bundle ${shortLimit(MAX_BUNDLE_BYTES)}, tickets or export file ${shortLimit(MAX_EXPORT_FILE_BYTES)} (a --tickets directory ${shortLimit(MAX_TICKETS_TOTAL_BYTES)} in all),`,
    `trust root ${shortLimit(MAX_TRUST_ROOT_BYTES)}, WPC ${shortLimit(MAX_WPC_BYTES)}, keyring ${shortLimit(MAX_KEYRING_BYTES)}. A file over its limit is unusable input (exit 2).`,
  ].join('\n');
}

/** "256 MiB": a limit as the help text gives it, without the exact bytes. */
export function shortLimit(bytes: number): string {
  return describeLimit(bytes).replace(/ \(.*\)$/, '');
}
