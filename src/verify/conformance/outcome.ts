/**
 * The part of a verification report a conformance case compares: the verdict, the failing checks
 * with their codes, the warnings, and the key ids the trust root does not list. Read from the
 * report's JSON alone (never from messages), so the report of another implementation is read
 * exactly like this verifier's own.
 *
 * The minimal report: `{ verdict, checks: [{ id, status, code, issues?: [{ severity, code,
 * evidence?: [{ keyid? }] }] }] }`. Checks that pass may be left out; `issues` feeds only the
 * SHOULD-level fields (every failing code, the warnings, the unknown signers).
 */
import { CHECK_STATUSES, VERDICTS, type Verdict } from '../../format/checks.js';

export { VERDICTS };
export type ConformanceVerdict = Verdict;

const STATUSES: ReadonlySet<string> = new Set(CHECK_STATUSES);

export interface FailingCheck {
  readonly check: string;
  /** The check's `code`: its first failing issue's code. */
  readonly code: string;
  /** Every distinct code of its failing issues, in report order (starts with `code`). */
  readonly codes: readonly string[];
}

export interface CheckWarning {
  readonly check: string;
  readonly code: string;
}

export interface Outcome {
  readonly verdict: ConformanceVerdict;
  /** In report order. */
  readonly failing: readonly FailingCheck[];
  /** Every distinct (check, warning code), in report order. */
  readonly warnings: readonly CheckWarning[];
  /** Key ids named by KEY_NOT_TRUSTED issues, distinct and sorted. */
  readonly unknownSigners: readonly string[];
}

export type OutcomeReading = { readonly ok: true; readonly outcome: Outcome } | { readonly ok: false; readonly problem: string };

const UNKNOWN_SIGNER_CODE = 'KEY_NOT_TRUSTED';

export function outcomeOfReport(report: unknown): OutcomeReading {
  if (!isObject(report)) return bad('the report is not a JSON object');
  const verdict = report['verdict'];
  if (typeof verdict !== 'string' || !(VERDICTS as readonly string[]).includes(verdict)) {
    return bad(`the report's verdict is ${describe(verdict)}, not one of ${VERDICTS.join(', ')}`);
  }
  const checks = report['checks'];
  if (!Array.isArray(checks)) return bad('the report has no checks array');
  const failing: FailingCheck[] = [];
  const warnings: CheckWarning[] = [];
  const signers = new Set<string>();
  const seen = new Set<string>();
  for (const [index, check] of checks.entries()) {
    const read = readCheck(check, index);
    if (typeof read === 'string') return bad(read);
    if (seen.has(read.id)) return bad(`the report lists check ${JSON.stringify(read.id)} twice`);
    seen.add(read.id);
    const failCodes = distinct(read.issues.filter((i) => i.severity === 'fail').map((i) => i.code));
    if (read.status === 'fail') failing.push({ check: read.id, code: read.code, codes: distinct([read.code, ...failCodes]) });
    const warnCodes = read.hasIssues ? distinct(read.issues.filter((i) => i.severity === 'warn').map((i) => i.code)) : read.status === 'warn' ? [read.code] : [];
    for (const code of warnCodes) warnings.push({ check: read.id, code });
    for (const issue of read.issues) if (issue.code === UNKNOWN_SIGNER_CODE) for (const keyid of issue.keyids) signers.add(keyid);
  }
  return { ok: true, outcome: { verdict: verdict as ConformanceVerdict, failing, warnings, unknownSigners: [...signers].sort() } };
}

interface ReadIssue {
  readonly severity: string;
  readonly code: string;
  readonly keyids: readonly string[];
}

interface ReadCheck {
  readonly id: string;
  readonly status: string;
  readonly code: string;
  readonly hasIssues: boolean;
  readonly issues: readonly ReadIssue[];
}

function readCheck(check: unknown, index: number): ReadCheck | string {
  const where = `checks[${index}]`;
  if (!isObject(check)) return `${where} is not an object`;
  const { id, status, code, issues } = check;
  if (typeof id !== 'string' || id === '') return `${where} has no id`;
  if (typeof status !== 'string' || !STATUSES.has(status)) return `check ${JSON.stringify(id)} has status ${describe(status)}, not pass, fail, warn or skipped`;
  if (typeof code !== 'string' || code === '') return `check ${JSON.stringify(id)} has no code`;
  if (issues === undefined) return { id, status, code, hasIssues: false, issues: [] };
  if (!Array.isArray(issues)) return `check ${JSON.stringify(id)} has issues that are not an array`;
  const read: ReadIssue[] = [];
  for (const [i, issue] of issues.entries()) {
    if (!isObject(issue) || typeof issue['severity'] !== 'string' || typeof issue['code'] !== 'string') {
      return `issue ${i} of check ${JSON.stringify(id)} has no severity or code`;
    }
    const evidence = Array.isArray(issue['evidence']) ? issue['evidence'] : [];
    const keyids = evidence.flatMap((e) => (isObject(e) && typeof e['keyid'] === 'string' ? [e['keyid']] : []));
    read.push({ severity: issue['severity'], code: issue['code'], keyids });
  }
  return { id, status, code, hasIssues: true, issues: read };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function bad(problem: string): OutcomeReading {
  return { ok: false, problem };
}
