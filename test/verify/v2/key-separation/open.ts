/**
 * Survivors of the v2 suite that docs/FORMATS.md does not explain yet, each with why it survives
 * and where it could be caught, for the lead to decide (a fix, or a sentence under "What no check
 * can see"). None lets a false statement signed by another key pass: each is a spelling the format
 * leaves free, or a statement only the harness makes. The job_start ones hold for v1 records as
 * well; the v1 suite does not see them because every record before a proposal is chained into
 * that proposal's hash, which an approval signs.
 */
import type { Explanation } from '../../key-separation/allowlist.js';
import type { DecodedV2, MutationV2 } from './forge.js';

export interface OpenEntry extends Explanation {
  readonly open: true;
  readonly matches: (d: DecodedV2, m: MutationV2) => boolean;
}

const on = (d: DecodedV2, m: MutationV2, t: string, op: MutationV2['op'], path: readonly (string | number)[]): boolean =>
  d.objects[m.site.line]!['t'] === t && m.op === op && m.site.path.length === path.length && path.every((p, i) => p === '*' || m.site.path[i] === p);

export const OPEN: readonly OpenEntry[] = [
  {
    id: 'header-max-line-bytes-loose',
    open: true,
    because:
      "a max_line_bytes above the longest line: the reader only refuses a longer line, so a larger bound loosens its memory limit and says nothing about the job (the design calls it the bytes of the longest line; the reader could require equality at the end, src/format/v2/read.ts).",
    matches: (d, m) => on(d, m, 'header', 'change', ['max_line_bytes']),
  },
  {
    id: 'input-skipped-count',
    open: true,
    because:
      "job_start.input_skipped.count raised: how much of its input the ticket import could not use is the harness's statement (the input is not in the bundle); a count above the items listed is allowed (pages left out) and the verifier warns IMPORT_ITEMS_SKIPPED.",
    matches: (d, m) => on(d, m, 'job_start', 'change', ['input_skipped', 'count']),
  },
  {
    id: 'redaction-unrequired-detector-dropped',
    open: true,
    because:
      "a detector the WPC does not require dropped from job_start.redaction.detectors (only those survive; a required one fails REDACTION_SETTINGS_WEAKER): the re-scan uses the WPC's detectors and the job's, so the job's list above the WPC's minimum is the harness's statement, though the runtime always runs every detector.",
    matches: (d, m) => on(d, m, 'job_start', 'remove', ['redaction', 'detectors', '*']),
  },
];

export function openEntry(d: DecodedV2, m: MutationV2): OpenEntry | null {
  return OPEN.find((e) => e.matches(d, m)) ?? null;
}
