/**
 * The human output of `clawproof verify`: the verdict line first (the line people grep for), then
 * the root causes, the counts and the bundle, then the checks, failing before warnings before
 * passes. Words and counts are the report model's (src/verify/verdict-words.ts), as in the app.
 */
import type { ExportComparison, UnexplainedChange } from '../../verify/diff/types.js';
import type { CheckResult, Evidence, Report } from '../../verify/report.js';
import { STATUS_ORDER, countChecks, countsLine, isUnreadable } from '../../verify/verdict-words.js';

const MAX_PROBLEMS_SHOWN = 20;
const MAX_IDS_SHOWN = 10;
const STATUS_LABELS = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skipped: 'SKIP' } as const;

/** `Verdict: INVALID`, or `Cannot verify: ...` for a file that is not a readable bundle (exit 2). */
export function verdictLine(path: string, report: Report): string {
  if (isUnreadable(report.checks)) return `Cannot verify: ${path} is not a readable bundle (${report.checks[0]?.code ?? 'unknown'}), so no check ran`;
  return `Verdict: ${report.verdict.toUpperCase()}`;
}

export function reportText(path: string, report: Report): string {
  const lines = [verdictLine(path, report)];
  for (const cause of report.causes) {
    const n = cause.consequences.length;
    const follows = n === 0 ? '' : ` (${n} ${n === 1 ? 'failure follows' : 'failures follow'} from it)`;
    lines.push(`  Cause: ${cause.sentence.replace(/\.$/, '')}${follows}.`);
  }
  const b = report.bundle;
  lines.push(
    `  Checks: ${countsLine(countChecks(report.checks))}`,
    '',
    `Bundle ${path}`,
    `  hash        ${b.hash ?? '(not hashed)'} (${b.bytes} bytes)${b.jobId === null ? '' : `, job ${b.jobId}`}`,
    `  policy      ${b.policyHash ?? '(unreadable)'}`,
    `  trust root  "${report.trustRoot.name}" ${report.trustRoot.hash}${report.trustRoot.demoOnly ? '  DEMO ONLY: its secret keys are published' : ''}`,
    '',
  );
  const width = Math.max(...report.checks.map((c) => c.id.length));
  // Failing checks first, then warnings, then passes, then checks that did not run; report order within each.
  const ordered = STATUS_ORDER.flatMap((status) => report.checks.filter((c) => c.status === status));
  for (const check of ordered) lines.push(...checkLines(check, width));
  lines.push('', report.summary);
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

/** The warnings of an export comparison: tickets it could not tie to the bundle's content. */
export function comparisonWarnings(c: ExportComparison): string[] {
  const uncorrelated = c.changes.filter((x) => x.kind === 'not_correlated');
  const warnings: string[] = [];
  if (c.compared === 0) warnings.push("the export holds none of the bundle's tickets: nothing was compared");
  if (uncorrelated.length > 0) {
    const ids = uncorrelated.slice(0, MAX_IDS_SHOWN).map((x) => x.ticketId).join(', ');
    const more = uncorrelated.length > MAX_IDS_SHOWN ? `, and ${uncorrelated.length - MAX_IDS_SHOWN} more` : '';
    warnings.push(
      `${uncorrelated.length} of ${c.compared} ${c.compared === 1 ? 'ticket' : 'tickets'} could not be correlated by content hash (the export's ticket is not the content the run read), so ${uncorrelated.length === 1 ? 'it was' : 'they were'} matched by id only: ${ids}${more}`,
    );
  }
  return warnings;
}

export function comparisonText(path: string, c: ExportComparison): string {
  const changed = c.changes.filter((x): x is Extract<UnexplainedChange, { kind: 'field' }> => x.kind === 'field');
  const warnings = comparisonWarnings(c);
  const clean = changed.length === 0 && warnings.length === 0 && c.problems.length === 0;
  const lines = [
    '',
    `Against ${path}: ${changed.length > 0 ? `${changed.length} CHANGED` : clean ? 'clean' : 'no unexplained change'}`,
    `  ${c.compared} tickets compared, ${c.correlated} correlated by content hash, ${c.outsideBundle} outside the bundle, ${c.missingFromExport.length} missing from the export`,
  ];
  for (const change of changed.slice(0, MAX_PROBLEMS_SHOWN)) lines.push(`  CHANGED  ${change.message}`, `      export ${change.exportPointer}, bundle ${change.bundlePointer}`);
  if (changed.length > MAX_PROBLEMS_SHOWN) lines.push(`  ... and ${changed.length - MAX_PROBLEMS_SHOWN} more`);
  for (const w of warnings) lines.push(`  WARN  ${w}`);
  for (const p of c.problems.slice(0, MAX_PROBLEMS_SHOWN)) lines.push(`  export ${p.pointer === '' ? '(document)' : p.pointer}: ${p.message}`);
  return `${lines.join('\n')}\n`;
}
