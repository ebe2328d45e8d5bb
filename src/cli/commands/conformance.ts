/**
 * `clawproof conformance [--cmd "<command with {input} {trust}>"] [--manifest <path>] [--only <ids>]
 * [--strict] [--timeout <seconds>]`: runs the conformance suite (fixtures/conformance/) against
 * this verifier, or against another one run once per case, and prints one PASS or FAIL line per
 * case with the differences, then the totals.
 *
 * Exit status: 0 every case passed, 1 some case failed, 2 unusable command line or manifest.
 */
import { join } from 'node:path';
import type { Judgement } from '../../verify/conformance/compare.js';
import type { CliCommand, CliContext, CommandInput } from '../command.js';
import { externalVerifier, inProcessVerifier, runSuite, type CaseResult, type CaseVerifier } from '../conformance/run-suite.js';
import { templateProblem } from '../conformance/external-command.js';
import { loadSuite, SuiteError, type LoadedSuite } from '../conformance/load-suite.js';
import { usageError } from '../errors.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { registerNodeEd25519Backend } from '../../node/ed25519-node.js';
import { installNodeSha256Backend } from '../node-sha256.js';

export const DEFAULT_MANIFEST = join('fixtures', 'conformance', 'manifest.json');
const DEFAULT_TIMEOUT_SECONDS = 60;
const MAX_DIFFERENCES_SHOWN = 12;
const INDENT = ' '.repeat(6);

export const conformanceCommand: CliCommand = {
  name: 'conformance',
  summary: 'Run the verifier conformance suite, against this verifier or another one',
  synopsis: 'conformance [--cmd "<command with {input} {trust}>"] [--manifest <manifest.json>] [--only <ids>] [--strict] [--timeout <seconds>]',
  description:
    'Verifies every case of the conformance suite (fixtures/conformance/manifest.json) and compares the outcome with the\n' +
    'case\'s expectation: the verdict and, for each failing check, its id and code MUST match; the other failing codes,\n' +
    'the warnings and the unknown signers SHOULD (differences are listed; --strict fails them). Without --cmd it runs\n' +
    'this verifier. With --cmd it runs the command once per case through the shell, {input} and {trust} replaced by\n' +
    'the paths of the case\'s bundle and trust root ({id} by the case id), and reads the JSON report the command prints\n' +
    'on standard output (the shape of `clawproof verify --json`; its exit status is not compared), e.g.\n' +
    '  clawproof conformance --cmd "my-verifier check {input} --trust-root {trust} --json"\n' +
    'fixtures/conformance/README.md describes the cases, the match rule and the report fields read.\n' +
    'Exit status: 0 every case passed, 1 some case failed, 2 unusable command line or manifest.',
  options: {
    cmd: { type: 'string', valueName: '<command>', description: 'Verify with this command instead ({input}, {trust} and {id} are replaced)' },
    manifest: { type: 'string', valueName: '<manifest.json>', description: 'The suite to run (default: the one shipped with clawproof)' },
    only: { type: 'string', valueName: '<ids>', description: 'Run only the cases whose id starts with one of these (comma-separated, e.g. hostile/,trust/)' },
    strict: { type: 'boolean', description: 'Fail SHOULD-level differences too, and accept no flagged alternative' },
    timeout: { type: 'string', valueName: '<seconds>', description: `Time limit per case for --cmd (default ${DEFAULT_TIMEOUT_SECONDS})` },
  },
  run: conformance,
};

async function conformance(input: CommandInput, context: CliContext): Promise<number> {
  const { io } = context;
  const { cmd, only, timeoutMs } = readOptions(input);
  const strict = input.options['strict'] === true;
  const manifestOption = input.options['manifest'];
  const manifestPath = typeof manifestOption === 'string' ? manifestOption : join(context.packageRoot, DEFAULT_MANIFEST);

  let suite: LoadedSuite;
  try {
    suite = await loadSuite(manifestPath);
  } catch (error) {
    if (!(error instanceof SuiteError)) throw error;
    io.stderr(`clawproof conformance: ${error.message}\n`);
    return EXIT_USAGE;
  }
  const cases = only === null ? suite.cases : suite.cases.filter((c) => only.some((prefix) => c.spec.id.startsWith(prefix)));
  if (cases.length === 0) throw usageError(`--only ${only?.join(',') ?? ''} selects none of the ${suite.cases.length} cases.`);

  const verifier = cmd === null ? thisVerifier() : externalVerifier(cmd, timeoutMs);
  const { manifest } = suite;
  io.stdout(`Conformance suite ${manifest.suite} version ${manifest.suiteVersion}: ${cases.length} of ${suite.cases.length} cases (${suite.manifestPath})\n`);
  io.stdout(`Verifier: ${cmd === null ? `this one (clawproof ${context.version})` : cmd}${strict ? ' (strict)' : ''}\n\n`);
  const results = await runSuite(cases, verifier, { strict, onResult: (r) => io.stdout(resultText(r)) });
  io.stdout(totalsText(results, strict));
  return results.every((r) => r.pass) ? EXIT_OK : EXIT_FAILURE;
}

function thisVerifier(): CaseVerifier {
  registerNodeEd25519Backend();
  installNodeSha256Backend();
  return inProcessVerifier('node');
}

interface ReadOptions {
  readonly cmd: string | null;
  readonly only: readonly string[] | null;
  readonly timeoutMs: number;
}

function readOptions(input: CommandInput): ReadOptions {
  const cmd = input.options['cmd'];
  if (cmd !== undefined && (typeof cmd !== 'string' || cmd.trim() === '')) throw usageError('--cmd needs the command that verifies one case.');
  if (typeof cmd === 'string') {
    const problem = templateProblem(cmd);
    if (problem !== null) throw usageError(`--cmd: ${problem}.`);
  }
  const only = input.options['only'];
  if (only !== undefined && (typeof only !== 'string' || only.split(',').every((s) => s.trim() === ''))) throw usageError('--only needs case ids or id prefixes, comma-separated.');
  const manifest = input.options['manifest'];
  if (manifest !== undefined && (typeof manifest !== 'string' || manifest === '')) throw usageError('--manifest needs the path of a conformance manifest.');
  const timeout = input.options['timeout'];
  let seconds = DEFAULT_TIMEOUT_SECONDS;
  if (timeout !== undefined) {
    seconds = typeof timeout === 'string' && /^\d+$/.test(timeout) ? Number(timeout) : NaN;
    if (!(seconds >= 1 && seconds <= 3600)) throw usageError('--timeout must be a whole number of seconds from 1 to 3600.');
    if (typeof cmd !== 'string') throw usageError('--timeout applies to --cmd only.');
  }
  return {
    cmd: typeof cmd === 'string' ? cmd : null,
    only: typeof only === 'string' ? only.split(',').map((s) => s.trim()).filter((s) => s !== '') : null,
    timeoutMs: seconds * 1000,
  };
}

function resultText(result: CaseResult): string {
  const lines = [`${result.pass ? 'PASS' : 'FAIL'}  ${result.id}${alternativeNote(result.judgement)}`];
  if (result.problem !== undefined) lines.push(`${INDENT}${result.problem}`);
  const j = result.judgement;
  if (j !== undefined) {
    const shown = [...j.comparison.must, ...j.comparison.should.map((s) => `SHOULD: ${s}`)];
    for (const d of shown.slice(0, MAX_DIFFERENCES_SHOWN)) lines.push(`${INDENT}${d}`);
    if (shown.length > MAX_DIFFERENCES_SHOWN) lines.push(`${INDENT}... and ${shown.length - MAX_DIFFERENCES_SHOWN} more`);
  }
  return `${lines.join('\n')}\n`;
}

function alternativeNote(j: Judgement | undefined): string {
  return j?.alternative === undefined ? '' : `  (the outcome flag ${j.alternative.flag} allows instead of the expected one)`;
}

function totalsText(results: readonly CaseResult[], strict: boolean): string {
  const passed = results.filter((r) => r.pass).length;
  const failed = results.length - passed;
  const should = results.filter((r) => r.pass && (r.judgement?.comparison.should.length ?? 0) > 0).length;
  const alternatives = results.filter((r) => r.pass && r.judgement?.alternative !== undefined).length;
  const notes = [
    should > 0 && !strict ? `${should} passed with SHOULD-level differences (--strict fails them)` : '',
    alternatives > 0 ? `${alternatives} passed with an outcome a flag allows` : '',
  ].filter((s) => s !== '');
  const lines = ['', `${results.length} cases: ${passed} passed, ${failed} failed${notes.length > 0 ? `; ${notes.join('; ')}` : ''}.`, `conformance: ${passed} passed, ${failed} failed`];
  return `${lines.join('\n')}\n`;
}
