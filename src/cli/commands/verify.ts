/**
 * `clawproof verify <bundle> --trust <root.json> [--json] [--against <export.json>] [--strict]`: the
 * offline verifier on the command line. The verdict line comes first, then the root causes, then
 * every check with its status, code and first evidence (verify-text.ts); `--json` prints the
 * report itself. `--against` compares the bundle's ticket after-states with a Zendesk export of
 * the system of record.
 *
 * Exit status (EXIT_STATUS_HELP): 0 valid; 1 invalid or unknown signer (or, with --against, a
 * routing field that no applied action explains; or, with --strict, any warning); 2 unusable
 * input: a missing or unreadable file, a device, a file over its limit, a trust root that is not
 * one (every problem is listed with its place), a bundle that is not a readable JSON document, or
 * a bundle too large for this process's JavaScript heap (refused before it is parsed).
 * Any one file argument may be `-` (standard input).
 */
import { isClawproofError } from '../../core/errors.js';
import { parseStrictJson, type JsonValue } from '../../core/json.js';
import { parseTrustRoot, type TrustRoot } from '../../core/trust-root.js';
import { compareWithExport } from '../../verify/diff/against.js';
import type { ExportComparison } from '../../verify/diff/types.js';
import { MAX_BUNDLE_BYTES, MAX_BUNDLE_BYTES_CEILING, MAX_EXPORT_FILE_BYTES, MAX_TRUST_ROOT_BYTES } from '../../node/input-limits.js';
import { describeLimit, readBounded, ReadBoundedError } from '../../node/read-bounded.js';
import { checkVerifyMemory, VerifyMemoryError } from '../../node/verify-memory.js';
import type { Report } from '../../verify/report.js';
import { isUnreadable } from '../../verify/verdict-words.js';
import { verifyBundle } from '../../verify/verify-bundle.js';
import { v2BytesOf } from '../../verify/v2/detect.js';
import { writeJson } from '../json-output.js';
import type { VerifyOptions } from '../../verify/context.js';
import type { CliCommand, CliContext, CliIo, CommandInput } from '../command.js';
import { usageError } from '../errors.js';
import { checkOneStdin, fileArgumentsHelp, shortLimit } from '../file-arguments.js';
import { progressLine } from '../progress-line.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { registerNodeEd25519Backend } from '../../node/ed25519-node.js';
import { createEd25519WorkerPool } from '../../node/ed25519-pool.js';
import { installNodeSha256Backend } from '../node-sha256.js';
import { demoTrustRootHint } from './demo-trust-root.js';
import { comparisonText, comparisonWarnings, reportText } from './verify-text.js';

const MAX_PROBLEMS_SHOWN = 20;

const EXIT_STATUS_HELP =
  'Exit status:\n' +
  `  ${EXIT_OK}  valid (warnings allowed, unless --strict)\n` +
  `  ${EXIT_FAILURE}  invalid or unknown signer; with --against, a routing field no applied action explains (CHANGED);\n` +
  '     with --strict, any warning too (a demo-only trust root, automatic approvals, export tickets not correlated)\n' +
  `  ${EXIT_USAGE}  cannot verify: a missing or unreadable file, a bad trust root, a bundle that is not a readable\n` +
  '     JSON document or v2 file to its last line ("Cannot verify: ..."), a file, a line or a header count over\n' +
  '     its limit, a bundle too large for the JavaScript heap\n' +
  '     (the message says how much it needs; NODE_OPTIONS=--max-old-space-size=<MiB> raises it), or a usage error\n';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Verify a proof bundle offline against your trust root',
  synopsis: 'verify <bundle> --trust <root.json> [--json] [--against <export.json>] [--strict] [--threads <n>] [--max-bytes <size>]',
  description:
    'Checks every signature against the trust root (never keys from the bundle), every hash, pin and chain,\n' +
    're-evaluates every tool decision under the pinned WPC, re-runs the redaction, and lists each check with its\n' +
    'status, code and first evidence. The bundle is never trusted to name its own keys. The first line is the verdict\n' +
    '("Verdict: VALID", "Verdict: INVALID", "Verdict: UNKNOWN-SIGNER", or "Cannot verify: ..."), then the root causes,\n' +
    'then the checks: failing ones first, then warnings, then passes.\n' +
    EXIT_STATUS_HELP +
    fileArgumentsHelp(),
  options: {
    trust: { type: 'string', valueName: '<root.json>', description: 'Your trust root: the keys you trust, per role (required)' },
    json: { type: 'boolean', description: 'Print the full report as JSON instead of the summary' },
    against: { type: 'string', valueName: '<export.json>', description: 'Compare ticket after-states with a Zendesk export of the same tickets' },
    strict: { type: 'boolean', description: 'Exit 1 on any warning too (of the report or of --against)' },
    threads: { type: 'string', valueName: '<n>', description: 'Worker threads for signature checks, 1 to 8 (default: one per core; 1 checks in this thread)' },
    'max-bytes': {
      type: 'string',
      valueName: '<size>',
      description: `Largest bundle to read, in bytes or with KiB, MiB or GiB, e.g. 600MiB (default ${shortLimit(MAX_BUNDLE_BYTES)}, at most ${shortLimit(MAX_BUNDLE_BYTES_CEILING)})`,
    },
  },
  maxPositionals: 1,
  run: verify,
};

class UnusableInput extends Error {}

async function verify(input: CommandInput, context: CliContext): Promise<number> {
  const { io } = context;
  const [bundlePath] = input.positionals;
  if (bundlePath === undefined || bundlePath === '') throw usageError('Missing <bundle>: the proof bundle file to verify.');
  const trustPath = input.options['trust'];
  if (typeof trustPath !== 'string' || trustPath === '') throw usageError(`--trust is required: the trust root file with the keys you trust.\n${demoTrustRootHint(context.packageRoot)}`);
  const againstPath = input.options['against'];
  if (againstPath !== undefined && (typeof againstPath !== 'string' || againstPath === '')) throw usageError('--against needs the path of a Zendesk export file.');
  checkOneStdin([['<bundle>', bundlePath], ['--trust', trustPath], ['--against', againstPath]]);
  const threads = threadCount(input.options['threads']);
  const maxBytes = maxBytesOption(input.options['max-bytes']);

  installNodeSha256Backend();
  let report: Report;
  let comparison: ExportComparison | null = null;
  try {
    const root = await readTrustRoot(trustPath, io);
    const bundle = await readInput(bundlePath, 'bundle', maxBytes, io, maxBytes < MAX_BUNDLE_BYTES_CEILING ? ' (--max-bytes raises the limit)' : '');
    const exportJson = typeof againstPath === 'string' ? await readJsonFile(againstPath, 'export', io) : undefined;
    checkHeapFor(bundlePath, bundle, maxBytes);
    const progress = progressLine(io, 'clawproof verify');
    try {
      report = await verifyWithThreads(bundle, root, threads, { maxBytes, ...(progress === null ? {} : { onPartsChecked: progress.onPartsChecked, onProgress: progress.onProgress }) });
    } finally {
      progress?.clear();
    }
    if (exportJson !== undefined) comparison = compareWithExport(report, exportJson);
  } catch (error) {
    if (!(error instanceof UnusableInput)) throw error;
    io.stderr(`clawproof verify: ${error.message}\n`);
    return EXIT_USAGE;
  }

  if (input.options['json'] === true) {
    writeJson(io, comparison === null ? report : { ...report, against: comparison });
  } else {
    io.stdout(reportText(shown(bundlePath), report));
    if (comparison !== null) io.stdout(comparisonText(shown(againstPath as string), comparison));
  }
  if (isUnreadable(report.checks)) {
    io.stderr(`clawproof verify: ${shown(bundlePath)} is not a readable bundle (${report.checks[0]?.code ?? 'unknown'}).\n`);
    return EXIT_USAGE;
  }
  // Tickets that merely could not be correlated by content hash are a warning, not counted against the bundle...
  const unexplained = comparison !== null && comparison.changes.some((c) => c.kind === 'field');
  // ...unless --strict asks for every warning to fail.
  const warned = report.checks.some((c) => c.status === 'warn') || (comparison !== null && comparisonWarnings(comparison).length > 0);
  if (report.verdict !== 'valid' || unexplained) return EXIT_FAILURE;
  return input.options['strict'] === true && warned ? EXIT_FAILURE : EXIT_OK;
}

/** --max-bytes: a whole number of bytes, or of KiB, MiB or GiB, from 1 byte to MAX_BUNDLE_BYTES_CEILING; absent, MAX_BUNDLE_BYTES. */
function maxBytesOption(value: string | boolean | undefined): number {
  if (value === undefined) return MAX_BUNDLE_BYTES;
  const m = typeof value === 'string' ? /^([1-9]\d{0,12})(KiB|MiB|GiB)?$/.exec(value) : null;
  const bytes = m === null ? Number.NaN : Number(m[1]) * UNIT_BYTES[(m[2] ?? '') as keyof typeof UNIT_BYTES];
  if (!(bytes <= MAX_BUNDLE_BYTES_CEILING)) {
    throw usageError(`--max-bytes must be a size from 1 byte to ${describeLimit(MAX_BUNDLE_BYTES_CEILING)}, in bytes or with KiB, MiB or GiB (600MiB), not "${String(value)}".`);
  }
  return bytes;
}

const UNIT_BYTES = { '': 1, KiB: 2 ** 10, MiB: 2 ** 20, GiB: 2 ** 30 } as const;

/** --threads: a whole number from 1 to 8; absent, one thread per core (availableParallelism). */
function threadCount(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[1-8]$/.test(value)) throw usageError(`--threads must be a whole number from 1 to 8, not "${String(value)}".`);
  return Number(value);
}

/**
 * Signatures are checked on worker threads while this thread parses and hashes; with one
 * thread, by node:crypto here. Either way behind the strict pre-checks (same verdicts).
 */
async function verifyWithThreads(bundle: Uint8Array, root: TrustRoot, threads: number | undefined, options: VerifyOptions): Promise<Report> {
  if (threads === 1) {
    registerNodeEd25519Backend();
    return verifyBundle(bundle, root, { ...options, backend: 'node' });
  }
  const pool = createEd25519WorkerPool(threads === undefined ? {} : { size: threads });
  try {
    return await verifyBundle(bundle, root, { ...options, backend: pool });
  } finally {
    await pool.close();
  }
}

async function readTrustRoot(path: string, io: CliIo): Promise<TrustRoot> {
  const bytes = await readInput(path, 'trust root', MAX_TRUST_ROOT_BYTES, io);
  try {
    return parseTrustRoot(bytes);
  } catch (error) {
    if (!isClawproofError(error)) throw error;
    const problems = Array.isArray(error.details?.['problems']) ? (error.details['problems'] as { pointer: string; message: string }[]) : [];
    const where = error.position === undefined ? '' : ` (line ${error.position.line}, column ${error.position.column})`;
    const lines = [`trust root ${shown(path)} is not usable${where}: ${error.message}`];
    for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) lines.push(`  ${p.pointer === '' ? '(document)' : p.pointer}: ${p.message}`);
    if (problems.length > MAX_PROBLEMS_SHOWN) lines.push(`  ... and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
    throw new UnusableInput(lines.join('\n'));
  }
}

async function readJsonFile(path: string, what: string, io: CliIo): Promise<JsonValue> {
  const bytes = await readInput(path, what, MAX_EXPORT_FILE_BYTES, io);
  try {
    return parseStrictJson(bytes);
  } catch (error) {
    const p = isClawproofError(error) ? error.position : undefined;
    const where = p === undefined ? '' : ` (line ${p.line}, column ${p.column})`;
    throw new UnusableInput(`${what} ${shown(path)} is not valid JSON${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Refuses, before parsing, a bundle too large for this process's heap (src/node/verify-memory.ts): never V8's out-of-memory abort. */
function checkHeapFor(path: string, bytes: Uint8Array, maxBytes: number): void {
  // The same probe verifyBundle makes: it reads the first line at most.
  const format = v2BytesOf(bytes, maxBytes) === null ? 'v1' : 'v2';
  try {
    checkVerifyMemory(`the bundle ${shown(path)}`, bytes.length, format);
  } catch (error) {
    if (error instanceof VerifyMemoryError) throw new UnusableInput(error.message);
    throw error;
  }
}

/** A file argument as messages name it. */
function shown(path: string): string {
  return path === '-' ? '(standard input)' : path;
}

/** Reads a file argument (bounded; `-` is standard input); any failure is unusable input, `tooLargeHint` added when over the limit. */
async function readInput(path: string, what: string, maxBytes: number, io: CliIo, tooLargeHint = ''): Promise<Uint8Array> {
  try {
    return await readBounded(path, { what, maxBytes, ...(io.stdin === undefined ? {} : { stdin: io.stdin }) });
  } catch (error) {
    if (error instanceof ReadBoundedError) throw new UnusableInput(`${error.message}${error.code === 'READ_TOO_LARGE' ? tooLargeHint : ''}`);
    throw error;
  }
}
