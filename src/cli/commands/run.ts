/**
 * `clawproof run`: one job of the simulated runtime over a WPC and a set of tickets, written as a
 * proof bundle. The output is written atomically (a temporary file in the same directory, then a
 * rename), so a failed or interrupted run never leaves a half-written bundle behind.
 *
 * Nothing is dropped silently: every item of the tickets input the import could not use is
 * listed on stderr, counted in the summary and recorded in the bundle (job_start.input_skipped);
 * with --strict any such item is an error. Nothing is left behind: the temp file is named
 * `.<bundle>.clawproof-tmp-<pid>-<hex>`, removed on SIGINT and SIGTERM, and temp files that an
 * earlier, killed run left in the output folder are removed when the next run starts there.
 *
 * Exit status: 0 the bundle was written; 1 the run was refused (e.g. a CST wider than the WPC
 * allows, a WPC that allows no ticket reads); 2 bad input (a missing or unreadable file, a file
 * over its limit, an invalid WPC, unusable tickets, skipped items with --strict, a malformed option).
 */
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ClawproofError, isClawproofError } from '../../core/errors.js';
import type { Problem } from '../../policy/index.js';
import { BAD_INPUT_CODES, runtimeError } from '../../runtime/errors.js';
import { formatTimestamp, parseTimestamp } from '../../runtime/clock.js';
import { demoKeyring } from '../../runtime/keys/generate.js';
import { parseKeyring, type Keyring } from '../../runtime/keys/keyring.js';
import { runJob, type RunSummary } from '../../runtime/job/run-job.js';
import type { RunProgress } from '../../runtime/job/options.js';
import { exportBundleV2, v2SignersOf } from '../../runtime/bundle/export-v2.js';
import { serializeBundle } from '../../runtime/bundle/serialize.js';
import type { Arrival } from '../../runtime/schedule/options.js';
import { describeFsError, readJsonFile } from '../../runtime/node/files.js';
import { loadTickets, type LoadedTickets } from '../../runtime/node/load-tickets.js';
import { writeFileAtomic } from '../../node/atomic-write.js';
import { installNodeEd25519Signer } from '../../node/ed25519-node-signer.js';
import { MAX_KEYRING_BYTES, MAX_WPC_BYTES } from '../../node/input-limits.js';
import { removeStaleTempFiles } from '../../node/temp-files.js';
import type { ModelId } from '../../runtime/models/index.js';
import type { CliCommand, CliContext, CliIo, CommandInput } from '../command.js';
import { usageError } from '../errors.js';
import { checkOneStdin, fileArgumentsHelp } from '../file-arguments.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

export const SAMPLE_TICKETS = join('fixtures', 'tickets', 'sample-tickets.json');
const MODELS = ['local', 'compromised'] as const;
/** v1 (one JSON document) stays the default until the verifier reads v2 everywhere. */
const FORMATS = ['v1', 'v2'] as const;
/** Runs with at least this many tickets print progress lines. */
const PROGRESS_MIN_TICKETS = 20;
const MAX_PROBLEMS_SHOWN = 20;

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run a job of the simulated runtime and write its proof bundle',
  synopsis: 'run --policy <wpc.json> --out <bundle.clawproof> [options]',
  description:
    'Runs every ticket through the simulated runtime under the WPC: redaction, classification through the\n' +
    'receipting proxy, phase-1 proposals, the policy gate and phase-2 apply or refuse. Writes the proof bundle.\n' +
    'The same inputs, --seed and --start give a byte-identical bundle.\n' +
    '--format v2 writes the same run as format v2 (JSON Lines, docs/design/format-v2.md), re-signed with the\n' +
    "run's own proxy, approver and harness keys; v1 (one JSON document) is the default.\n" +
    `Without --tickets the sample set (${SAMPLE_TICKETS}) is used; without --keys the published demo keyring.\n` +
    'Items of the tickets input that cannot be imported are listed, counted in the summary and recorded in the\n' +
    'bundle (job_start.input_skipped); --strict refuses the run instead. Temp files of a killed run are removed\n' +
    'by the next run in the same folder.\n' +
    'Exit status: 0 bundle written, 1 run refused, 2 bad input.\n' +
    fileArgumentsHelp(),
  options: {
    policy: { type: 'string', valueName: '<wpc.json>', description: 'The Work Policy Contract to run under (required)' },
    out: { type: 'string', valueName: '<bundle.clawproof>', description: 'Where to write the proof bundle (required)' },
    format: { type: 'string', valueName: '<v1|v2>', description: 'Bundle format to write: v1, one JSON document (default), or v2, JSON Lines' },
    tickets: { type: 'string', valueName: '<file|dir>', description: 'Zendesk export file, or a directory of them (default: the sample set)' },
    model: { type: 'string', valueName: '<local|compromised>', description: 'Classifier: the deterministic local one (default) or the compromised one' },
    approve: { type: 'string', valueName: '<all|none>', description: 'Approve every proposal that needs approval, or none (default none)' },
    seed: { type: 'string', valueName: '<N>', description: 'Seed of the job identity (default 0)' },
    start: { type: 'string', valueName: '<RFC3339>', description: 'Start of the simulated clock (default: now, to the second)' },
    keys: { type: 'string', valueName: '<keyring.json>', description: 'Keyring to sign with (default: the demo keyring)' },
    arrival: { type: 'string', valueName: '<backlog|steady:N>', description: 'Tickets all waiting at the start (default), or N per minute' },
    scope: { type: 'string', valueName: '<a,b,...>', description: 'CST scopes to request (default: the least the WPC needs)' },
    strict: { type: 'boolean', description: 'Refuse the run (exit 2) if any ticket, user or comment of the input cannot be imported' },
  },
  run,
};

async function run(input: CommandInput, context: CliContext): Promise<number> {
  const { io } = context;
  const o = input.options;
  const policyPath = requiredPath(o['policy'], '--policy', 'the WPC file to run under');
  const outPath = resolve(requiredPath(o['out'], '--out', 'where to write the bundle'));
  const modelName = choice(o['model'], '--model', MODELS, 'local');
  const approve = choice(o['approve'], '--approve', ['all', 'none'] as const, 'none');
  const format = choice(o['format'], '--format', FORMATS, 'v1');
  const seed = wholeNumber(o['seed'], '--seed', 0);
  const start = startTime(o['start']);
  const arrival = parseArrival(o['arrival']);
  const scopes = typeof o['scope'] === 'string' ? o['scope'].split(',').map((s) => s.trim()).filter((s) => s !== '') : undefined;
  const strict = o['strict'] === true;
  checkOneStdin([['--policy', policyPath], ['--tickets', o['tickets']], ['--keys', o['keys']]]);
  const stdin = io.stdin === undefined ? {} : { stdin: io.stdin };

  try {
    await checkOutputPath(outPath);
    await sweepTempFiles(dirname(outPath), io.stderr);
    const wpc = await readJsonFile(policyPath, { what: 'WPC file', maxBytes: MAX_WPC_BYTES, ...stdin });
    const keyring = await loadKeyring(o['keys'], io);
    const ticketsPath = typeof o['tickets'] === 'string' ? o['tickets'] : join(context.packageRoot, SAMPLE_TICKETS);
    const loaded = await loadTickets(ticketsPath, stdin);
    reportSkipped(loaded, ticketsPath, io.stderr);
    if (strict && loaded.skippedCount > 0) {
      throw runtimeError('TICKETS_INVALID', `--strict: ${plural(loaded.skippedCount, 'item')} of the tickets input could not be imported (listed above); no bundle was written`);
    }
    installNodeEd25519Signer(); // noble's bytes, 14x faster (0.52 ms -> 36 us a signature)
    if (o['start'] === undefined) io.stderr(`clawproof run: simulated clock starts at ${start}; pass --start ${start} --seed ${seed} to reproduce this bundle\n`);

    const result = await runJob({
      wpc,
      tickets: loaded.tickets,
      model: await loadModel(modelName),
      keyring,
      seed,
      start,
      approvals: approve === 'all' ? 'auto' : 'none',
      arrival,
      ...(scopes === undefined ? {} : { scopes }),
      inputSkipped: { items: loaded.skipped, count: loaded.skippedCount },
      onProgress: progressPrinter(loaded.tickets.length, io.stderr),
    });
    // v2 from the finished run, signed by the keys its services signed with.
    const content = format === 'v2' ? exportBundleV2(result.bundle, v2SignersOf(keyring)).bytes : serializeBundle(result.bundle);
    await writeFileAtomic(outPath, content);
    io.stdout(summaryText(outPath, format, result.summary, loaded));
    return EXIT_OK;
  } catch (error) {
    if (!isClawproofError(error)) throw error;
    io.stderr(errorText(error));
    return BAD_INPUT_CODES.has(error.code) ? EXIT_USAGE : EXIT_FAILURE;
  }
}

/**
 * The models load their trained classifier when first imported; loading them only here keeps a
 * missing or broken classifier file from taking down every other command.
 */
async function loadModel(id: ModelId) {
  const { getModel } = await import('../../runtime/models/index.js');
  return getModel(id);
}

function requiredPath(value: string | boolean | undefined, flag: string, what: string): string {
  if (typeof value !== 'string' || value === '') throw usageError(`${flag} is required: ${what}.`);
  return value;
}

function choice<T extends string>(value: string | boolean | undefined, flag: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(`${flag} must be ${allowed.join(' or ')}, not "${String(value)}".`);
}

function wholeNumber(value: string | boolean | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw usageError(`${flag} must be a whole number >= 0, not "${String(value)}".`);
  return Number(value);
}

function startTime(value: string | boolean | undefined): string {
  if (value === undefined) return formatTimestamp(Math.floor(Date.now() / 1000) * 1000);
  if (typeof value !== 'string') throw usageError('--start needs an RFC 3339 UTC timestamp, e.g. 2026-01-05T09:00:00Z.');
  try {
    return formatTimestamp(parseTimestamp(value, '--start'));
  } catch (error) {
    throw usageError(isClawproofError(error) ? error.message : '--start is not a timestamp.');
  }
}

function parseArrival(value: string | boolean | undefined): Arrival {
  if (value === undefined || value === 'backlog') return { kind: 'backlog' };
  const m = typeof value === 'string' ? /^steady:(\d+(?:\.\d+)?)$/.exec(value) : null;
  const perMinute = m === null ? NaN : Number(m[1]);
  if (!(perMinute > 0 && perMinute <= 60_000)) {
    throw usageError(`--arrival must be "backlog" or "steady:N" with N tickets per minute (0 < N <= 60000), not "${String(value)}".`);
  }
  return { kind: 'steady', perMinute };
}

/** Fails before the run, not after it, when the bundle could not be written. */
async function checkOutputPath(outPath: string): Promise<void> {
  const dir = dirname(outPath);
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (cause) {
    throw runtimeError('RUN_INPUT_INVALID', `cannot write the bundle into ${dir}: ${describeFsError(cause)}`, { cause });
  }
  const existing = await stat(outPath).catch(() => undefined);
  if (existing?.isDirectory() === true) throw runtimeError('RUN_INPUT_INVALID', `--out ${outPath} is a directory; give a file name`);
}

async function loadKeyring(path: string | boolean | undefined, io: CliIo): Promise<Keyring> {
  if (path === undefined) {
    io.stderr('clawproof run: signing with the published demo keyring (no --keys): bundles signed with it prove nothing outside demos\n');
    return demoKeyring();
  }
  if (typeof path !== 'string' || path === '') throw usageError('--keys needs the path of a keyring.json.');
  const stdin = io.stdin === undefined ? {} : { stdin: io.stdin };
  return parseKeyring(await readJsonFile(path, { what: 'keyring', maxBytes: MAX_KEYRING_BYTES, code: 'KEYRING_INVALID', ...stdin }));
}

/** Temp files that earlier runs, killed before they could clean up, left in the output folder. */
async function sweepTempFiles(dir: string, stderr: (text: string) => void): Promise<void> {
  const { removed, active } = await removeStaleTempFiles(dir);
  if (removed.length > 0) stderr(`clawproof run: removed ${plural(removed.length, 'temporary file')} left in ${dir} by an interrupted run: ${removed.join(', ')}\n`);
  for (const t of active) stderr(`clawproof run: note: process ${t.pid} is writing ${t.target} in ${dir} right now\n`);
}

/** Every problem of the import on stderr (the first MAX_PROBLEMS_SHOWN), with the number of items skipped. */
function reportSkipped(loaded: LoadedTickets, ticketsPath: string, stderr: (text: string) => void): void {
  const { problems, skippedCount: n } = loaded;
  if (problems.length === 0) return;
  const where = ticketsPath === '-' ? 'standard input' : ticketsPath;
  const skipped = n === 0 ? 'nothing was skipped' : `${plural(n, 'ticket, user or comment', 'tickets, users or comments')} could not be imported and ${n === 1 ? 'was' : 'were'} skipped`;
  stderr(`clawproof run: ${plural(problems.length, 'problem')} with ${where}; ${skipped}:\n`);
  for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) stderr(`  ${p}\n`);
  if (problems.length > MAX_PROBLEMS_SHOWN) stderr(`  ... and ${problems.length - MAX_PROBLEMS_SHOWN} more\n`);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function progressPrinter(total: number, stderr: (text: string) => void): ((p: RunProgress) => void) | undefined {
  if (total < PROGRESS_MIN_TICKETS) return undefined;
  const step = Math.ceil(total / 10);
  return (p) => {
    const n = p.done + p.skipped;
    if (n % step === 0 || n === total) stderr(`clawproof run: ${n}/${total} tickets (simulated time ${p.at})\n`);
  };
}

function summaryText(outPath: string, format: (typeof FORMATS)[number], s: RunSummary, loaded: LoadedTickets): string {
  const count = (status: string) => s.tickets.filter((t) => t.status === status).length;
  const total = (key: 'annotated' | 'applied' | 'refused') => s.tickets.reduce((n, t) => n + t[key].length, 0);
  const lines = [
    `Wrote ${outPath}${format === 'v2' ? ' (format v2, JSON Lines)' : ''}`,
    `  job ${s.jobId}, model ${s.model}, policy ${s.policyHash}`,
    `  simulated time ${s.start} to ${s.end}`,
    `  input: ${plural(loaded.tickets.length, 'ticket')} imported from ${plural(loaded.files.length, 'file')}, ${plural(loaded.skippedCount, 'item')} skipped at import${loaded.skippedCount > 0 ? ' (recorded in the bundle: job_start.input_skipped)' : ''}`,
    `  tickets: ${count('classified')} classified, ${count('unclassified')} unclassified, ${count('skipped')} skipped`,
    `  phase 1: ${total('annotated')} notes and labels written; phase 2: ${total('applied')} actions applied, ${total('refused')} refused`,
    `  ${s.receipts} receipts, ${s.records} records, ${s.approvals} approvals`,
  ];
  if (s.degraded !== null) lines.push(`  DEGRADED to classify-only at ${s.degraded.at}: ${s.degraded.reason}`);
  return `${lines.join('\n')}\n`;
}

function errorText(error: ClawproofError): string {
  const lines = [`clawproof run: ${error.message}`];
  const problems = error.details?.['problems'];
  if (error.code === 'WPC_INVALID' && Array.isArray(problems)) {
    for (const p of problems as Problem[]) lines.push(`  ${p.severity} ${p.pointer === '' ? '(document)' : p.pointer}: ${p.message} [${p.code}]`);
  } else if (Array.isArray(problems)) {
    for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN) as unknown[]) {
      if (typeof p === 'string') lines.push(`  ${p}`);
      else if (typeof p === 'object' && p !== null) {
        const { pointer, message } = p as { pointer?: unknown; message?: unknown };
        lines.push(`  ${String(pointer) === '' ? '(document)' : String(pointer)}: ${String(message)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
