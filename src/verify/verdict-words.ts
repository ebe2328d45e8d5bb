/**
 * One vocabulary for a report's verdict and counts, shared by the report's summary, the CLI and
 * the app: the same words, the same counts (checks per status), plurals right, failures first.
 * A bundle that cannot be read at all is "Cannot verify", not "Invalid": nothing was checked.
 */
import type { CheckStatus, Verdict } from '../format/checks.js';
import { UNREADABLE_CODES } from '../format/codes.js';
import type { Cause, CheckResult } from './report.js';
import { warningSentence } from './causes/sentences.js';

/** Statuses in the order a reader wants them: failures, then warnings, then passes. */
export const STATUS_ORDER = ['fail', 'warn', 'pass', 'skipped'] as const satisfies readonly CheckStatus[];

export type CheckCounts = Readonly<Record<CheckStatus, number>>;

export function countChecks(checks: readonly CheckResult[]): CheckCounts {
  const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, warn: 0, skipped: 0 };
  for (const check of checks) counts[check.status] += 1;
  return counts;
}

/** "1 failed", "2 warnings", "1 warning", "13 passed", "14 skipped": the label of one count. */
export function countLabel(status: CheckStatus, n: number): string {
  switch (status) {
    case 'fail':
      return `${n} failed`;
    case 'warn':
      return `${n} ${n === 1 ? 'warning' : 'warnings'}`;
    case 'pass':
      return `${n} passed`;
    case 'skipped':
      return `${n} skipped`;
  }
}

/** "2 failed · 1 warning · 12 passed": the non-zero counts, failures first. */
export function countsLine(counts: CheckCounts, separator = ' · '): string {
  return STATUS_ORDER.filter((s) => counts[s] > 0)
    .map((s) => countLabel(s, counts[s]))
    .join(separator);
}

/** The bundle could not be read (a JSON document, or v2 lines through to the end): no check ran, so there is no verdict on it. */
export function isUnreadable(checks: readonly CheckResult[]): boolean {
  return checks.some((c) => c.id === 'structure' && c.issues.some((i) => UNREADABLE_CODES.has(i.code)));
}

export type VerdictHeadline = 'Valid' | 'Invalid' | 'Unknown signer' | 'Cannot verify';

export function verdictHeadline(verdict: Verdict, checks: readonly CheckResult[]): VerdictHeadline {
  if (isUnreadable(checks)) return 'Cannot verify';
  return verdict === 'valid' ? 'Valid' : verdict === 'invalid' ? 'Invalid' : 'Unknown signer';
}

/**
 * The report's summary: the verdict, then the root cause sentence(s), then the counts.
 * "Invalid: receipt 6 of 16 is missing: the chain jumps from receipt 5 to receipt 7 (and 2 other causes). 5 of 15 checks failed, 2 warnings."
 */
export function summaryOf(verdict: Verdict, checks: readonly CheckResult[], causes: readonly Cause[]): string {
  const counts = countChecks(checks);
  const headline = verdictHeadline(verdict, checks);
  const lead = causes[0] === undefined ? '' : `${lowerFirst(causes[0].sentence.replace(/\.$/, ''))}${othersPhrase(causes.length - 1)}`;
  if (headline === 'Cannot verify') return `Cannot verify: ${lead === '' ? 'the bundle could not be read' : lead}; no check ran.`;
  if (headline === 'Valid') {
    if (counts.warn === 0) return `Valid: all ${checks.length} checks passed.`;
    const warnings = checks.flatMap((c) => c.issues.filter((i) => i.severity === 'warn').map((i) => lowerFirst(warningSentence(c.title, i).replace(/\.$/, ''))));
    return `Valid: ${counts.pass} of ${checks.length} checks passed, ${countLabel('warn', counts.warn)}: ${warnings.join('; ')}.`;
  }
  const tally = [`${counts.fail} of ${checks.length} checks failed`, counts.warn > 0 ? countLabel('warn', counts.warn) : '', counts.skipped > 0 ? `${counts.skipped} not run` : '']
    .filter((s) => s !== '')
    .join(', ');
  return `${headline}: ${lead === '' ? 'a check failed without naming an issue' : lead}. ${tally[0]!.toUpperCase()}${tally.slice(1)}.`;
}

function othersPhrase(n: number): string {
  return n === 0 ? '' : ` (and ${n} other ${n === 1 ? 'cause' : 'causes'})`;
}

/** "The manifest ..." -> "the manifest ...", leaving "WPC ..." and "CST ..." as they are. */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z ]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}
