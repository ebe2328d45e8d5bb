/**
 * The banner's first sentence: what is wrong, in words about the bundle, before any count. A valid
 * report says what a pass covers; otherwise the first failing check (failures first) says what it
 * found.
 */
import type { Report } from '../../verify/report.js';
import { checksFailuresFirst, isFailure } from './check-status.js';
import { verdictWords } from './report-facts.js';

export interface Lead {
  readonly sentence: string;
  /** The check the sentence comes from (for "go to the first failure"); null for a valid report. */
  readonly check: string | null;
}

export function leadOf(report: Report): Lead {
  const first = checksFailuresFirst(report.checks, report.verdict).find((shown) => isFailure(shown.status));
  if (first === undefined) return { sentence: verdictWords(report.verdict).lead, check: null };
  return { sentence: `${first.check.title}: ${first.check.message}`, check: first.check.id };
}
