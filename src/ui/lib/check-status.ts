/**
 * How a check is shown: its status in the words and style an auditor reads. A report's raw
 * statuses stay as the verifier wrote them (the JSON keeps them); the view folds two of them into
 * "not checked": a skipped check, and, in an unknown-signer report, a check that failed only because
 * a part is signed by a key the trust root does not list (verdict.ts: every failure of such a
 * report is that, or follows from it). Neither says anything is wrong; both say nothing was proved.
 */
import type { CheckResult, CheckStatus, Verdict } from '../../verify/report.js';

export type DisplayStatus = 'fail' | 'unchecked' | 'warn' | 'pass';

/** Failures first, then what could not be checked, then warnings, then passes. */
export const DISPLAY_ORDER: readonly DisplayStatus[] = ['fail', 'unchecked', 'warn', 'pass'];

export function displayStatus(status: CheckStatus, verdict: Verdict): DisplayStatus {
  if (status === 'skipped') return 'unchecked';
  if (status === 'fail' && verdict === 'unknown-signer') return 'unchecked';
  return status;
}

/** The word on a check's badge. */
export const STATUS_WORDS: Readonly<Record<DisplayStatus, string>> = {
  fail: 'Failed',
  unchecked: 'Not checked',
  warn: 'Warning',
  pass: 'Passed',
};

/** Whether a check counts as a failure for "failures only" and "jump to the first failure". */
export function isFailure(status: DisplayStatus): boolean {
  return status === 'fail' || status === 'unchecked';
}

export interface ShownCheck {
  readonly check: CheckResult;
  readonly status: DisplayStatus;
}

/** The checks failures first (stable: within a status, in the report's order). */
export function checksFailuresFirst(checks: readonly CheckResult[], verdict: Verdict): ShownCheck[] {
  return checks
    .map((check, index) => ({ check, status: displayStatus(check.status, verdict), index }))
    .sort((a, b) => DISPLAY_ORDER.indexOf(a.status) - DISPLAY_ORDER.indexOf(b.status) || a.index - b.index)
    .map(({ check, status }) => ({ check, status }));
}

export function countByDisplayStatus(checks: readonly CheckResult[], verdict: Verdict): Record<DisplayStatus, number> {
  const counts: Record<DisplayStatus, number> = { fail: 0, unchecked: 0, warn: 0, pass: 0 };
  for (const check of checks) counts[displayStatus(check.status, verdict)] += 1;
  return counts;
}
