/**
 * Runs a verifier over the cases of a loaded suite and judges each outcome with the suite's
 * match rule (verify/conformance/compare.ts). The verifier is this one, in process, or another
 * program run per case (external-command.ts) whose JSON report is read like this one's.
 */
import { verifyBundle } from '../../verify/verify-bundle.js';
import { judgeOutcome, type Judgement } from '../../verify/conformance/compare.js';
import { outcomeOfReport, type OutcomeReading } from '../../verify/conformance/outcome.js';
import { commandFor, runCommand } from './external-command.js';
import { readCaseFiles, type LoadedCase, type LoadedSuite } from './load-suite.js';

export type CaseVerifier = (c: LoadedCase, input: Uint8Array, trustRoot: Uint8Array) => Promise<OutcomeReading>;

export interface CaseResult {
  readonly id: string;
  readonly pass: boolean;
  /** Set when no outcome could be judged: an input that is not the manifest's, or a verifier without a usable report. */
  readonly problem?: string;
  readonly judgement?: Judgement;
}

export interface RunOptions {
  readonly strict: boolean;
  /** Called as each case is judged, in manifest order. */
  readonly onResult?: (result: CaseResult) => void;
}

export async function runSuite(cases: LoadedSuite['cases'], verifier: CaseVerifier, options: RunOptions): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const result = await runCase(c, verifier, options.strict);
    results.push(result);
    options.onResult?.(result);
  }
  return results;
}

async function runCase(c: LoadedCase, verifier: CaseVerifier, strict: boolean): Promise<CaseResult> {
  const id = c.spec.id;
  const files = await readCaseFiles(c);
  if (!files.ok) return { id, pass: false, problem: files.problem };
  let reading: OutcomeReading;
  try {
    reading = await verifier(c, files.input, files.trustRoot);
  } catch (error) {
    return { id, pass: false, problem: `the verifier failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!reading.ok) return { id, pass: false, problem: reading.problem };
  const judgement = judgeOutcome(c.spec.expected, c.spec.alternatives, reading.outcome, strict);
  return { id, pass: judgement.pass, judgement };
}

/** This verifier, in process (the Ed25519 backend must be registered by the caller when not `noble`). */
export function inProcessVerifier(backend: string): CaseVerifier {
  return async (_c, input, trustRoot) => outcomeOfReport(await verifyBundle(input, trustRoot, { backend }));
}

/** Another verifier: `template` run once per case, its standard output the JSON report. */
export function externalVerifier(template: string, timeoutMs: number): CaseVerifier {
  return async (c) => {
    const command = commandFor(template, { input: c.inputPath, trust: c.trustRootPath, id: c.spec.id });
    const run = await runCommand(command, { timeoutMs });
    if (!run.ok) return { ok: false, problem: run.problem };
    const text = run.stdout.trim();
    const stderr = run.stderrTail.trim();
    const context = `(exit status ${String(run.status)}${stderr === '' ? '' : `; standard error ends: ${stderr.slice(-300)}`})`;
    if (text === '') return { ok: false, problem: `the command printed no report ${context}` };
    let report: unknown;
    try {
      report = JSON.parse(text);
    } catch (error) {
      return { ok: false, problem: `the command's standard output is not a JSON report: ${error instanceof Error ? error.message : String(error)} ${context}` };
    }
    const reading = outcomeOfReport(report);
    return reading.ok ? reading : { ok: false, problem: `the command's report is not usable: ${reading.problem}` };
  };
}
