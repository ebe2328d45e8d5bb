/**
 * `clawproof keys init <dir>`: a fresh keyring (one Ed25519 key per service role) and the trust
 * root that goes with it. The keyring holds secret seeds and is written with mode 0600; the trust
 * root holds only public keys and is what auditors load. Existing files are never overwritten.
 */
import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serializeTrustRoot } from '../../core/trust-root.js';
import { isClawproofError } from '../../core/errors.js';
import { formatTimestamp, parseTimestamp } from '../../runtime/clock.js';
import { newKeyring } from '../../runtime/keys/generate.js';
import { serializeKeyring } from '../../runtime/keys/keyring.js';
import { trustRootFromKeyring } from '../../runtime/keys/trust-root.js';
import { describeFsError, ensureDirectory, writeNewFile } from '../../runtime/node/files.js';
import type { CliCommand, CliContext, CommandInput } from '../command.js';
import { usageError } from '../errors.js';
import { EXIT_FAILURE, EXIT_OK } from '../exit-codes.js';

export const KEYRING_FILE = 'keyring.json';
export const TRUST_ROOT_FILE = 'trust-root.json';
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_VALID_DAYS = 365;

export const keysCommand: CliCommand = {
  name: 'keys',
  summary: 'Make a keyring of signing keys and its trust root (keys init <dir>)',
  synopsis: 'keys init <dir> [options]',
  description:
    `Writes ${KEYRING_FILE} (secret Ed25519 seeds, one per role: controls, scope, proxy, harness, approver, log;\n` +
    `file mode 0600, marked for local use) and ${TRUST_ROOT_FILE} (their public keys with validity windows) into <dir>.\n` +
    'Use the keyring with `clawproof run --keys`; give the trust root to whoever verifies the bundles.\n' +
    'Refuses to overwrite either file if it already exists.',
  options: {
    'valid-from': { type: 'string', valueName: '<RFC3339>', description: 'Start of the keys\' validity (default: now)' },
    'valid-until': { type: 'string', valueName: '<RFC3339>', description: `End of the keys' validity (default: ${DEFAULT_VALID_DAYS} days after the start)` },
    name: { type: 'string', valueName: '<text>', description: 'Name recorded in the keyring and trust root' },
  },
  maxPositionals: 2,
  run: keys,
};

async function keys(input: CommandInput, context: CliContext): Promise<number> {
  const [sub, dir] = input.positionals;
  if (sub !== 'init') throw usageError(sub === undefined ? 'Missing subcommand: use `keys init <dir>`.' : `Unknown subcommand "${sub}": use \`keys init <dir>\`.`);
  if (dir === undefined || dir === '') throw usageError('Missing <dir>: where to write the keyring and trust root.');
  const { validFrom, validUntil } = validity(input.options['valid-from'], input.options['valid-until']);
  const name = input.options['name'];
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) throw usageError('--name needs a non-empty text.');

  const target = resolve(dir);
  const keyringPath = join(target, KEYRING_FILE);
  const trustPath = join(target, TRUST_ROOT_FILE);
  const existing = [keyringPath, trustPath].filter((p) => existsSync(p));
  if (existing.length > 0) {
    context.io.stderr(`clawproof keys: refusing to overwrite ${existing.join(' and ')}. Choose another directory or remove the file${existing.length > 1 ? 's' : ''} first.\n`);
    return EXIT_FAILURE;
  }

  const keyring = newKeyring({ validFrom, validUntil, ...(typeof name === 'string' ? { name } : {}) });
  const trustRoot = trustRootFromKeyring(keyring, typeof name === 'string' ? `Trust root of ${name}` : undefined);
  try {
    await ensureDirectory(target);
    await writeNewFile(keyringPath, serializeKeyring(keyring), 0o600);
  } catch (cause) {
    context.io.stderr(`clawproof keys: cannot write ${keyringPath}: ${describeFsError(cause)}\n`);
    return EXIT_FAILURE;
  }
  try {
    await writeNewFile(trustPath, serializeTrustRoot(trustRoot), 0o644);
  } catch (cause) {
    // Never leave a keyring without the trust root that makes it usable.
    await unlink(keyringPath).catch(() => undefined);
    context.io.stderr(`clawproof keys: cannot write ${trustPath}: ${describeFsError(cause)}\n`);
    return EXIT_FAILURE;
  }
  context.io.stdout(
    `Wrote ${keyringPath} (secret keys, mode 0600: keep it private)\n` +
      `Wrote ${trustPath} (public keys, valid ${validFrom} to ${validUntil})\n` +
      `Run with: clawproof run --keys ${keyringPath} ...\n`,
  );
  return EXIT_OK;
}

function validity(fromOption: unknown, untilOption: unknown): { validFrom: string; validUntil: string } {
  const parse = (value: unknown, flag: string): number => {
    if (typeof value !== 'string') throw usageError(`${flag} needs an RFC 3339 UTC timestamp, e.g. 2026-01-05T09:00:00Z.`);
    try {
      return parseTimestamp(value, flag);
    } catch (error) {
      throw usageError(isClawproofError(error) ? error.message : `${flag} is not a timestamp.`);
    }
  };
  const from = fromOption === undefined ? Math.floor(Date.now() / 1000) * 1000 : parse(fromOption, '--valid-from');
  const until = untilOption === undefined ? from + DEFAULT_VALID_DAYS * DAY_MS : parse(untilOption, '--valid-until');
  if (until <= from) throw usageError('--valid-until must be later than --valid-from.');
  return { validFrom: formatTimestamp(from), validUntil: formatTimestamp(until) };
}
