/**
 * Holds a report to the code registry (src/format/codes.ts): every issue's code is registered
 * for the check that reports it, with that severity, and every result code is OK, SKIPPED or
 * one of its issues'. The test helpers that verify bundles run this on every report they return,
 * so each tampering any test makes also checks the registry against what the verifier emits.
 */
import { isCheckCode, severitiesIn } from '../../src/format/codes.js';
import type { Report } from '../../src/verify/report.js';

/** "check severity CODE" for each issue or result the registry does not allow; empty when all agree. */
export function registryViolations(report: Report): string[] {
  const out: string[] = [];
  for (const check of report.checks) {
    for (const issue of check.issues) {
      const code: string = issue.code;
      if (!isCheckCode(code) || !severitiesIn(code, check.id).includes(issue.severity)) out.push(`${check.id} ${issue.severity} ${code}`);
    }
    const result: string = check.code;
    if (result !== 'OK' && result !== 'SKIPPED' && !check.issues.some((i) => i.code === result)) out.push(`${check.id} result ${result}`);
  }
  return out;
}

/** The report, or an error naming what the registry does not list. */
export function registered(report: Report): Report {
  const wrong = registryViolations(report);
  if (wrong.length > 0) throw new Error(`the report carries codes src/format/codes.ts does not list for their check: ${wrong.join('; ')}`);
  return report;
}
