/**
 * The words a report's banner and chips use for counts: one vocabulary, so the sentence and the
 * chips beside it never disagree ("all 15 checks passed" beside "13 passed · 2 warnings"). Counts
 * are by display status (check-status.ts), failures first.
 */
import type { CheckResult, Verdict } from '../../verify/report.js';
import { DISPLAY_ORDER, countByDisplayStatus, type DisplayStatus } from './check-status.js';

export interface CountChip {
  readonly status: DisplayStatus;
  readonly count: number;
  /** "1 failed", "2 warnings", "1 not checked", "13 passed". */
  readonly label: string;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A status's count in the words of a chip. */
export function countWords(status: DisplayStatus, n: number): string {
  switch (status) {
    case 'fail':
      return `${n.toLocaleString('en-US')} failed`;
    case 'unchecked':
      return `${n.toLocaleString('en-US')} not checked`;
    case 'warn':
      return count(n, 'warning');
    case 'pass':
      return `${n.toLocaleString('en-US')} passed`;
  }
}

/** One chip per status that occurs, failures first. */
export function countChips(checks: readonly CheckResult[], verdict: Verdict): CountChip[] {
  const counts = countByDisplayStatus(checks, verdict);
  return DISPLAY_ORDER.filter((status) => counts[status] > 0).map((status) => ({ status, count: counts[status], label: countWords(status, counts[status]) }));
}

/**
 * The banner's count sentence, in the chips' words: what failed (or could not be checked) first,
 * then the rest as the chips say it.
 */
export function countSentence(checks: readonly CheckResult[], verdict: Verdict): string {
  const counts = countByDisplayStatus(checks, verdict);
  const total = checks.length;
  const rest = (shown: readonly DisplayStatus[]) =>
    shown.filter((s) => counts[s] > 0).map((s) => countWords(s, counts[s])).join(', ');
  /** "3 of 15 checks failed", "All 15 checks failed", "The check failed". */
  const part = (n: number, what: string, others: string) => {
    const head = n < total ? `${n.toLocaleString('en-US')} of ${count(total, 'check')}` : total === 1 ? 'The check' : `All ${count(total, 'check')}`;
    return `${head} ${what}${others === '' ? '' : `; ${others}`}.`;
  };
  if (counts.fail > 0) return part(counts.fail, 'failed', rest(['unchecked', 'warn', 'pass']));
  if (counts.unchecked > 0) return part(counts.unchecked, 'could not be checked', rest(['warn', 'pass']));
  if (counts.warn === 0) return total === 1 ? 'The check passed.' : `All ${count(total, 'check')} passed.`;
  return `None of the ${count(total, 'check')} failed: ${rest(['pass', 'warn'])}.`;
}
