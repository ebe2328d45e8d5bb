/**
 * `clawproof keys init <dir>`: a fresh keyring (one Ed25519 key per service role) and the trust
 * root that goes with it. The keyring holds secret seeds and is written with mode 0600; the trust
 * root holds only public keys and is what auditors load. Existing files are never overwritten.
 *
 * Both files are written through temp-and-rename (src/node/atomic-write.ts, with link(2) so that
 * nothing already there is replaced) and the folder is flushed, the trust root first and the
 * keyring last: a keys init killed at any point leaves either nothing, or a trust root without a
 * keyring (never half a file under either name). A later `keys init` in that folder removes temp
 * files of dead processes and, if it finds one file without the other, says exactly what to do.
 */
import { mkdir, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serializeTrustRoot } from '../../core/trust-root.js';
import { isClawproofError } from '../../core/errors.js';
import { formatTimestamp, parseTimestamp } from '../../runtime/clock.js';
import { newKeyring } from '../../runtime/keys/generate.js';
import { parseKeyring, serializeKeyring } from '../../runtime/keys/keyring.js';
import { trustRootFromKeyring } from '../../runtime/keys/trust-root.js';
import { writeFileAtomic } from '../../node/atomic-write.js';
import { MAX_KEYRING_BYTES } from '../../node/input-limits.js';
import { describeFsError, readBounded, ReadBoundedError } from '../../node/read-bounded.js';
import { removeStaleTempFiles } from '../../node/temp-files.js';
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
    'Refuses to overwrite either file if it already exists, and says what to do if an earlier keys init was\n' +
    'interrupted (one file without the other). Each file is written to a temp file first, then renamed.',
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
  const { io } = context;

  const target = resolve(dir);
  const keyringPath = join(target, KEYRING_FILE);
  const trustPath = join(target, TRUST_ROOT_FILE);
  const { removed, active } = await removeStaleTempFiles(target);
  if (removed.length > 0) io.stderr(`clawproof keys: removed ${removed.length} temporary file(s) left in ${target} by an interrupted run: ${removed.join(', ')}\n`);
  const busy = active.find((t) => t.target === KEYRING_FILE || t.target === TRUST_ROOT_FILE);
  if (busy !== undefined) {
    io.stderr(`clawproof keys: another process (pid ${busy.pid}) is writing ${join(target, busy.target)} right now. Wait for it to finish, then look at ${target} again.\n`);
    return EXIT_FAILURE;
  }
  const refusal = await existingKeys(keyringPath, trustPath, dir);
  if (refusal !== undefined) {
    io.stderr(`clawproof keys: ${refusal}\n`);
    return EXIT_FAILURE;
  }

  const keyring = newKeyring({ validFrom, validUntil, ...(typeof name === 'string' ? { name } : {}) });
  const trustRoot = trustRootFromKeyring(keyring, typeof name === 'string' ? `Trust root of ${name}` : undefined);
  let writing = target;
  try {
    await mkdir(target, { recursive: true, mode: 0o700 });
    writing = trustPath;
    await writeFileAtomic(trustPath, serializeTrustRoot(trustRoot), { mode: 0o644, noReplace: true });
    writing = keyringPath;
    await writeFileAtomic(keyringPath, serializeKeyring(keyring), { mode: 0o600, exactMode: true, noReplace: true });
  } catch (cause) {
    // The trust root was written by this run (noReplace): without its keyring it is of no use.
    if (writing === keyringPath) await unlink(trustPath).catch(() => undefined);
    io.stderr(`clawproof keys: cannot write ${writing}: ${describeFsError(cause)}\n`);
    return EXIT_FAILURE;
  }
  io.stdout(
    `Wrote ${keyringPath} (secret keys, mode 0600: keep it private)\n` +
      `Wrote ${trustPath} (public keys, valid ${validFrom} to ${validUntil})\n` +
      `Run with: clawproof run --keys ${keyringPath} ...\n`,
  );
  return EXIT_OK;
}

/**
 * Why keys init must not write into this folder, with what to do about it; undefined when neither
 * file is there. A keyring is written after its trust root, so a trust root alone is what an
 * interrupted keys init leaves; a keyring alone means its trust root was moved or removed.
 */
async function existingKeys(keyringPath: string, trustPath: string, dir: string): Promise<string | undefined> {
  const keyring = await probe(keyringPath, 'keyring');
  const trust = await probe(trustPath, 'trust root');
  if (keyring === 'absent' && trust === 'absent') return undefined;
  const again = `clawproof keys init ${dir}`;
  if (keyring === 'absent') {
    return (
      `refusing to overwrite ${trustPath}: there is a trust root but no ${KEYRING_FILE} next to it, so an earlier keys init ` +
      `was interrupted before it wrote the keyring (or the keyring was moved). A trust root without its keyring signs nothing. ` +
      `If you did not move the keyring, remove the trust root and start again: rm ${trustPath} && ${again}`
    );
  }
  if (keyring !== 'ok') {
    return (
      `refusing to overwrite ${keyringPath}: it is not a complete keyring (${keyring}), so it was probably left by an interrupted ` +
      `keys init of an earlier version. No key in it can be trusted to be whole: remove both files and start again: ` +
      `rm -f ${keyringPath} ${trustPath} && ${again}`
    );
  }
  if (trust === 'absent') {
    return (
      `refusing to overwrite ${keyringPath}: there is a keyring but no ${TRUST_ROOT_FILE} next to it. If you moved the trust root, ` +
      `put it back; bundles signed with this keyring can only be verified with it. If it is lost and no bundle you keep was signed ` +
      `with this keyring, remove it and start again: rm ${keyringPath} && ${again}`
    );
  }
  return `refusing to overwrite ${keyringPath} and ${trustPath}: this folder already has a keyring. Choose another directory, or remove both files first.`;
}

/**
 * 'absent'; 'ok' for a keyring that parses (or a trust root file of any content: it is never
 * overwritten, whatever it holds); else why the keyring is not one.
 */
async function probe(path: string, what: 'keyring' | 'trust root'): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(path, { what, maxBytes: MAX_KEYRING_BYTES, pipes: false });
  } catch (error) {
    if (error instanceof ReadBoundedError && (error.cause as { code?: unknown } | undefined)?.code === 'ENOENT') return 'absent';
    if (what === 'trust root') return 'ok';
    return error instanceof ReadBoundedError ? error.reason : describeFsError(error);
  }
  if (what === 'trust root') return 'ok';
  try {
    parseKeyring(bytes);
    return 'ok';
  } catch (error) {
    return isClawproofError(error) ? error.message : 'unreadable';
  }
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
