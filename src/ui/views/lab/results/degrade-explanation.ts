/**
 * A degraded run in plain words, for someone who has not met the term: what tripped, what the
 * harness did about it and what that means for the tickets that waited. Every sentence is built
 * from the run's own limit record and decisions, so it says what happened in this run.
 */
import { clockTime, plural } from '../format.js';
import type { LabReport } from '../lab-report.js';

export interface DegradeExplanation {
  /** Simulated clock time of the degrade (`09:04:12`). */
  readonly at: string;
  /** One line for the summary list. */
  readonly headline: string;
  /** The explanation, a paragraph each. */
  readonly paragraphs: readonly string[];
  /** Phase-2 actions refused because of the degrade. */
  readonly refused: number;
  /** Tickets that waited their turn under a limit at least once. */
  readonly heldBack: number;
}

/** Null when the run did not degrade. */
export function explainDegrade(report: LabReport): DegradeExplanation | null {
  if (report.degraded === null) return null;
  const record = report.jobLimits.find((l) => l.effect === 'degraded_classify_only');
  const at = clockTime(report.degraded.at);
  const into = elapsed(report.start, report.degraded.at);
  const refusals = report.tickets.flatMap((t) => t.decisions.filter((d) => d.code === 'DEGRADED_CLASSIFY_ONLY').map(() => t.ticketId));
  const refusedTickets = new Set(refusals).size;
  const heldBack = report.tickets.filter((t) => t.limits.some((l) => l.effect === 'throttled')).length;

  const when = `At ${at} on the simulated clock${into === null ? '' : ` (${into} into the run)`}`;
  const cause =
    record === undefined
      ? `${when}, more tickets were waiting to start than the policy's limits let through, so the backlog could only grow.`
      : record.limit === 'max_concurrency'
        ? `${when}, ${plural(record.observed, 'ticket was', 'tickets were')} waiting to start: more than the policy lets work at once ` +
          `(max_concurrency: ${record.threshold}), with the rate limit (rate_limit_per_minute) holding them back. ` +
          'The backlog was growing faster than the policy lets work go.'
        : `${when}, ${plural(record.observed, 'ticket was', 'tickets were')} waiting to start: more than a minute's worth under the ` +
          `policy's rate limit (rate_limit_per_minute: ${record.threshold}). The backlog was growing faster than the policy lets work go.`;
  const effect =
    'So the harness switched the rest of the run to classify-only, a safety brake the limits call for, not an error. ' +
    'From that moment every ticket is still read, classified and given a proposal (an internal note with the suggested ' +
    'queue, priority or message), but no irreversible action (such as assigning the ticket or notifying the customer) is applied.';
  const outcome =
    refusals.length === 0
      ? 'No action was refused because of it: this policy did not apply any of those actions anyway.'
      : `Because of it, ${plural(refusals.length, 'action')} on ${plural(refusedTickets, 'ticket')} ${refusals.length === 1 ? 'was' : 'were'} ` +
        'refused (marked “degraded to classify-only”); their proposals stay in the bundle for a person to apply.';
  const waited =
    heldBack === 0
      ? null
      : `The ${plural(heldBack, 'ticket')} “held back” had to wait for their turn under these limits at least once. ` +
        'Waiting did not drop them: each was handled when its turn came, later on the simulated clock.';
  return {
    at,
    headline: `Degraded to classify-only at ${at} (simulated): the backlog outgrew the policy's limits`,
    paragraphs: waited === null ? [cause, effect, outcome] : [cause, effect, outcome, waited],
    refused: refusals.length,
    heldBack,
  };
}

/** `4 min 12 s` between two RFC 3339 timestamps, or null when either does not parse. */
function elapsed(from: string, to: string): string | null {
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const seconds = Math.round(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes === 0 ? `${seconds} s` : `${minutes} min ${seconds % 60} s`;
}
