/**
 * The banner's first sentence: what is wrong, in words about the bundle, before any count. The
 * report's first root cause says it (src/verify/causes); a report without causes (nothing failed,
 * or a failure the grouping does not name) falls back to the first failing check's own message
 * (failures first), and a valid report says what a pass covers.
 */
import type { Report } from '../../verify/report.js';
import type { ReportHead } from '../../store/report-parts.js';
import { checksFailuresFirst, isFailure } from './check-status.js';
import { verdictWords } from './report-facts.js';

export interface Lead {
  readonly sentence: string;
  /** The check the sentence comes from (for "go to the first failure"); null for a valid report. */
  readonly check: string | null;
  /** The sentence is the report's first root cause (not a check's message). */
  readonly fromCause: boolean;
}

export function leadOf(report: ReportHead): Lead {
  const cause = report.causes[0];
  const first = checksFailuresFirst(report.checks, report.verdict).find((shown) => isFailure(shown.status));
  if (cause !== undefined) return { sentence: cause.sentence, check: first?.check.id ?? cause.check, fromCause: true };
  if (first === undefined) return { sentence: verdictWords(report.verdict).lead, check: null, fromCause: false };
  return { sentence: `${first.check.title}: ${first.check.message}`, check: first.check.id, fromCause: false };
}
