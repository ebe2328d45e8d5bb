/**
 * IMPORT_ITEMS_SKIPPED (warning, in the `tickets` check): the run's signed job_start says that the
 * ticket import skipped input it could not read (a ticket or comment failing a check, a duplicate,
 * pages left out). The bundle is still what it claims to be, so this does not change the verdict;
 * it tells the auditor that the run did not see all of what it was given, and where to look.
 */
import type { RecordIndex } from '../diff/records.js';
import { evidenceOf } from '../diff/records.js';
import type { CheckIssue } from '../report.js';
import { plural, warnIssue } from './result.js';

export function inputSkippedIssues(index: RecordIndex): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const r of index.records) {
    if (r.payload.kind !== 'job_start') continue;
    const skipped = r.payload.input_skipped;
    if (skipped === undefined || skipped.count === 0) continue;
    const first = skipped.items[0];
    const example = first === undefined ? '' : `; first: ${first.source}#${first.pointer}: ${first.reason}`;
    const listed = skipped.items.length < skipped.count ? ` (${skipped.items.length} listed)` : '';
    issues.push(
      warnIssue(
        'IMPORT_ITEMS_SKIPPED',
        `the run's ticket import skipped ${plural(skipped.count, 'input item')} it could not use${listed}${example}`,
        evidenceOf(r, { payloadPointer: '/input_skipped', note: `${skipped.count} skipped` }),
      ),
    );
  }
  return issues;
}
