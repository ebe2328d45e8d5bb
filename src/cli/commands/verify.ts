/**
 * `clawproof verify <bundle> --trust <root.json> [--json] [--against <export.json>]`: the offline
 * verifier on the command line. Every check is listed with its status, code and first evidence;
 * `--json` prints the report itself. `--against` compares the bundle's ticket after-states with a
 * Zendesk export of the system of record.
 *
 * Exit status: 0 valid; 1 invalid or unknown signer (or, with --against, a routing field that no
 * applied action explains); 2 unusable input: a missing or unreadable file, a device, a file over
 * its limit, a trust root that is not one (every problem is listed with its place), or a bundle
 * that is not a readable JSON document. Any one file argument may be `-` (standard input).
 */
import { isClawproofError } from '../../core/errors.js';
import { parseStrictJson, type JsonValue } from '../../core/json.js';
import { parseTrustRoot, type TrustRoot } from '../../core/trust-root.js';
import { compareWithExport } from '../../verify/diff/against.js';
import type { ExportComparison } from '../../verify/diff/types.js';
import { MAX_BUNDLE_BYTES, MAX_EXPORT_FILE_BYTES, MAX_TRUST_ROOT_BYTES } from '../../node/input-limits.js';
import { readBounded, ReadBoundedError } from '../../node/read-bounded.js';
import type { CheckResult, Evidence, Report } from '../../verify/report.js';
import { verifyBundle } from '../../verify/verify-bundle.js';
import type { VerifyOptions } from '../../verify/context.js';
import type { CliCommand, CliContext, CliIo, CommandInput } from '../command.js';
import { usageError } from '../errors.js';
import { checkOneStdin, fileArgumentsHelp } from '../file-arguments.js';
import { progressLine } from '../progress-line.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { registerNodeEd25519Backend } from '../../node/ed25519-node.js';
import { createEd25519WorkerPool } from '../../node/ed25519-pool.js';
import { installNodeSha256Backend } from '../node-sha256.js';

const MAX_PROBLEMS_SHOWN = 20;
const STATUS_LABELS = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skipped: 'SKIP' } as const;

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Verify a proof bundle offline against your trust root',
  synopsis: 'verify <bundle> --trust <root.json> [--json] [--against <export.json>] [--threads <n>]',
  description:
    'Checks every signature against the trust root (never keys from the bundle), every hash, pin and chain,\n' +
    're-evaluates every tool decision under the pinned WPC, re-runs the redaction, and lists each check with its\n' +
    'status, code and first evidence. The bundle is never trusted to name its own keys.\n' +
    'Exit status: 0 valid, 1 invalid or unknown signer, 2 unusable input (missing file, bad trust root, unreadable bundle,\n' +
    'a file over its limit).\n' +
    fileArgumentsHelp(),
  options: {
    trust: { type: 'string', valueName: '<root.json>', description: 'Your trust root: the keys you trust, per role (required)' },
    json: { type: 'boolean', description: 'Print the full report as JSON instead of the summary' },
    against: { type: 'string', valueName: '<export.json>', description: 'Compare ticket after-states with a Zendesk export of the same tickets' },
    threads: { type: 'string', valueName: '<n>', description: 'Worker threads for signature checks, 1 to 8 (default: one per core; 1 checks in this thread)' },
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
  if (typeof trustPath !== 'string' || trustPath === '') throw usageError('--trust is required: the trust root file with the keys you trust.');
  const againstPath = input.options['against'];
  if (againstPath !== undefined && (typeof againstPath !== 'string' || againstPath === '')) throw usageError('--against needs the path of a Zendesk export file.');
  checkOneStdin([['<bundle>', bundlePath], ['--trust', trustPath], ['--against', againstPath]]);
  const threads = threadCount(input.options['threads']);

  installNodeSha256Backend();
  let report: Report;
  let comparison: ExportComparison | null = null;
  try {
    const root = await readTrustRoot(trustPath, io);
    const bundle = await readInput(bundlePath, 'bundle', MAX_BUNDLE_BYTES, io);
    const exportJson = typeof againstPath === 'string' ? await readJsonFile(againstPath, 'export', io) : undefined;
    const progress = progressLine(io, 'clawproof verify');
    try {
      report = await verifyWithThreads(bundle, root, threads, progress === null ? {} : { onPartsChecked: progress.onPartsChecked, onProgress: progress.onProgress });
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
    io.stdout(`${JSON.stringify(comparison === null ? report : { ...report, against: comparison }, null, 2)}\n`);
  } else {
    io.stdout(reportText(shown(bundlePath), report));
    if (comparison !== null) io.stdout(comparisonText(shown(againstPath as string), comparison));
  }
  if (unreadable(report)) {
    io.stderr(`clawproof verify: ${shown(bundlePath)} is not a readable bundle (${report.checks[0]?.code ?? 'unknown'}).\n`);
    return EXIT_USAGE;
  }
  // Tickets that merely could not be correlated by content hash are listed, not counted against the bundle.
  const unexplained = comparison !== null && comparison.changes.some((c) => c.kind === 'field');
  return report.verdict === 'valid' && !unexplained ? EXIT_OK : EXIT_FAILURE;
}

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

/** The bundle itself could not be read as a JSON document: input the verifier cannot use at all. */
function unreadable(report: Report): boolean {
  const structure = report.checks.find((c) => c.id === 'structure');
  return structure?.issues.some((i) => i.code.startsWith('INPUT_')) === true;
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

/** A file argument as messages name it. */
function shown(path: string): string {
  return path === '-' ? '(standard input)' : path;
}

/** Reads a file argument (bounded; `-` is standard input); any failure is unusable input. */
async function readInput(path: string, what: string, maxBytes: number, io: CliIo): Promise<Uint8Array> {
  try {
    return await readBounded(path, { what, maxBytes, ...(io.stdin === undefined ? {} : { stdin: io.stdin }) });
  } catch (error) {
    if (error instanceof ReadBoundedError) throw new UnusableInput(error.message);
    throw error;
  }
}

// --- human output -------------------------------------------------------------------------------

function reportText(path: string, report: Report): string {
  const b = report.bundle;
  const lines = [
    `Verifying ${path}`,
    `  bundle      ${b.hash ?? '(not hashed)'} (${b.bytes} bytes)${b.jobId === null ? '' : `, job ${b.jobId}`}`,
    `  policy      ${b.policyHash ?? '(unreadable)'}`,
    `  trust root  "${report.trustRoot.name}" ${report.trustRoot.hash}${report.trustRoot.demoOnly ? '  DEMO ONLY: its secret keys are published' : ''}`,
    '',
  ];
  const width = Math.max(...report.checks.map((c) => c.id.length));
  for (const check of report.checks) lines.push(...checkLines(check, width));
  lines.push('', `Verdict: ${report.verdict.toUpperCase()}`, `  ${report.summary}`);
  return `${lines.join('\n')}\n`;
}

function checkLines(check: CheckResult, width: number): string[] {
  const head = `${STATUS_LABELS[check.status]}  ${check.id.padEnd(width)}  ${check.code}`;
  if (check.status === 'pass') return [head];
  const first = check.issues.find((i) => i.severity === 'fail') ?? check.issues[0];
  const indent = ' '.repeat(6);
  const lines = [head, `${indent}${first?.message ?? check.message}`];
  const evidence = first?.evidence[0] ?? check.evidence[0];
  if (evidence !== undefined) lines.push(`${indent}${evidence.pointer === undefined && evidence.position === undefined ? 'evidence:' : 'at'} ${evidenceText(evidence)}`);
  const more = check.issues.length - 1;
  if (more > 0) lines.push(`${indent}(${more} more issue${more === 1 ? '' : 's'}; --json lists them all)`);
  return lines;
}

export function evidenceText(e: Evidence): string {
  const parts: string[] = [];
  if (e.pointer !== undefined) parts.push(e.pointer === '' ? '(document)' : e.pointer);
  if (e.payloadPointer !== undefined) parts.push(`payload ${e.payloadPointer === '' ? '(whole)' : e.payloadPointer}`);
  if (e.position !== undefined) parts.push(`line ${e.position.line}, column ${e.position.column}`);
  if (e.receiptId !== undefined) parts.push(`receipt ${e.receiptId}`);
  if (e.recordId !== undefined) parts.push(`record ${e.recordId}`);
  if (e.approvalId !== undefined) parts.push(`approval ${e.approvalId}`);
  if (e.ticketId !== undefined) parts.push(`ticket ${e.ticketId}`);
  if (e.keyid !== undefined) parts.push(`key ${e.keyid}`);
  if (e.expected !== undefined || e.actual !== undefined) parts.push(`expected ${e.expected ?? '?'}, found ${e.actual ?? '?'}`);
  if (e.note !== undefined) parts.push(e.note);
  return parts.length === 0 ? '(no location)' : parts.join('; ');
}

function comparisonText(path: string, c: ExportComparison): string {
  const lines = [
    '',
    `Against ${path}:`,
    `  ${c.compared} tickets compared, ${c.correlated} correlated by content hash, ${c.outsideBundle} outside the bundle, ${c.missingFromExport.length} missing from the export`,
  ];
  for (const change of c.changes.slice(0, MAX_PROBLEMS_SHOWN)) {
    lines.push(`  ${change.kind === 'field' ? 'CHANGED' : 'UNCORRELATED'}  ${change.message}`, `      export ${change.exportPointer}, bundle ${change.bundlePointer}`);
  }
  if (c.changes.length > MAX_PROBLEMS_SHOWN) lines.push(`  ... and ${c.changes.length - MAX_PROBLEMS_SHOWN} more`);
  for (const p of c.problems.slice(0, MAX_PROBLEMS_SHOWN)) lines.push(`  export ${p.pointer === '' ? '(document)' : p.pointer}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}
