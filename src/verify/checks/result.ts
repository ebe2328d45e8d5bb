/**
 * Builds a CheckResult from the issues a check found: the status is the worst severity (fail over
 * warn over pass), the code that of the first issue of that severity, or OK. Every check, including
 * those with nothing to look at, says what it covered in `evidence`.
 */
import { CHECK_TITLES, type CheckCode, type CheckId, type CheckIssue, type CheckResult, type Evidence } from '../report.js';

export function checkResult(id: CheckId, issues: readonly CheckIssue[], evidence: readonly Evidence[], message: string): CheckResult {
  const firstFail = issues.find((i) => i.severity === 'fail');
  const first = firstFail ?? issues.find((i) => i.severity === 'warn');
  return {
    id,
    title: CHECK_TITLES[id],
    status: firstFail !== undefined ? 'fail' : first !== undefined ? 'warn' : 'pass',
    code: first?.code ?? 'OK',
    message,
    evidence,
    issues,
  };
}

/** A check that could not run (its inputs are unusable; the check that owns them fails and says why). */
export function skippedResult(id: CheckId, message: string, evidence: readonly Evidence[] = []): CheckResult {
  return { id, title: CHECK_TITLES[id], status: 'skipped', code: 'SKIPPED', message, evidence, issues: [] };
}

export function failIssue(code: CheckCode, message: string, ...evidence: Evidence[]): CheckIssue {
  return { severity: 'fail', code, message, evidence };
}

export function warnIssue(code: CheckCode, message: string, ...evidence: Evidence[]): CheckIssue {
  return { severity: 'warn', code, message, evidence };
}

/** "1 receipt", "3 receipts". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
