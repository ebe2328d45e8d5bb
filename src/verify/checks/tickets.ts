/**
 * tickets: every ticket's after-state is its before-state plus the effects of the calls the signed
 * records say were applied, in chain order (effect rules: diff/effects.ts), and every ticket is
 * accounted for.
 *
 *  - TICKET_STATE_MISMATCH: a field of `after` differs from the replay (named, expected vs
 *    recorded), or the ticket_done record's after_hash is not the hash of `after`;
 *  - TICKET_CONTENT_MISMATCH: the entry's content_hash is not the one its intake record signed;
 *  - TICKET_LIFECYCLE_INVALID: not exactly one intake first and one ticket_done last;
 *  - TICKET_UNACCOUNTED: records or receipts of a ticket with no entry, an entry with no records,
 *    two entries for one ticket, or counts in job_start / job_end that do not add up;
 *  - ACTION_ARGS_INVALID: an applied call whose arguments are malformed (its effect is undefined);
 *  - IMPORT_ITEMS_SKIPPED (warning): job_start records input the import could not use (input-skipped.ts).
 */
import { canonicalJson } from '../../core/canonical.js';
import { digestOfJson } from '../../core/hash.js';
import type { TicketEntry, TicketId } from '../../core/bundle/types.js';
import type { ItemView, VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { ROUTING_FIELDS, sameValue } from '../diff/effects.js';
import { evidenceOf, recordIndex, type RecordIndex } from '../diff/records.js';
import { replayTicket } from '../diff/replay.js';
import { firstEvidence } from './evidence.js';
import { inputSkippedIssues } from './input-skipped.js';
import { checkResult, failIssue } from './result.js';

export function checkTickets(ctx: VerifyContext): CheckResult {
  const index = recordIndex(ctx);
  const entries = ctx.items.tickets.filter((item): item is ItemView<TicketEntry> & { value: TicketEntry } => item.value !== null);
  const issues: CheckIssue[] = [];
  // One by one, not push(...): a hostile bundle can hold more issues than a call takes arguments.
  const add = (list: readonly CheckIssue[]): void => {
    for (const issue of list) issues.push(issue);
  };
  const seen = new Map<TicketId, string>();
  for (const item of entries) {
    const id = item.value.ticket_id;
    const first = seen.get(id);
    if (first !== undefined) {
      const where = [{ pointer: first, ticketId: id }, { pointer: item.pointer, ticketId: id }];
      issues.push(failIssue('TICKET_UNACCOUNTED', `ticket ${id} has two entries`, ...where));
      continue;
    }
    seen.set(id, item.pointer);
    add(entryIssues(index, item.value, item.pointer));
  }
  add(unlistedIssues(index, seen));
  add(countIssues(index, entries.length));
  add(inputSkippedIssues(index));
  const evidence: Evidence[] = entries.map((item) => ({ pointer: item.pointer, ticketId: item.value.ticket_id }));
  const failed = issues.filter((i) => i.severity === 'fail').length;
  const message =
    failed === 0
      ? `All ${entries.length} ticket after-states equal their before-states plus the applied actions, and every ticket is accounted for.`
      : `${failed} problem(s) with ticket states or accounting across ${entries.length} ticket(s).`;
  return checkResult('tickets', issues, evidence, message);
}

function entryIssues(index: RecordIndex, entry: TicketEntry, pointer: string): CheckIssue[] {
  const id = entry.ticket_id;
  const records = index.byTicket.get(id) ?? [];
  if (records.length === 0) {
    return [failIssue('TICKET_UNACCOUNTED', `ticket ${id} has an entry but no signed record`, { pointer, ticketId: id })];
  }
  const issues: CheckIssue[] = [];
  const intakes = records.filter((r) => r.payload.kind === 'intake');
  const done = records.filter((r) => r.payload.kind === 'ticket_done');
  if (intakes.length !== 1 || done.length !== 1 || records[0] !== intakes[0] || records[records.length - 1] !== done[0]) {
    issues.push(
      failIssue(
        'TICKET_LIFECYCLE_INVALID',
        `ticket ${id} must have one intake record first and one ticket_done record last; it has ${intakes.length} and ${done.length}`,
        ...records.slice(0, 1).map((r) => evidenceOf(r)),
        { pointer, ticketId: id },
      ),
    );
  }
  for (const intake of intakes) {
    if (intake.payload.kind === 'intake' && intake.payload.content_hash !== entry.content_hash) {
      issues.push(
        failIssue(
          'TICKET_CONTENT_MISMATCH',
          `ticket ${id}: the entry's content_hash is not the one its intake record signed`,
          { pointer: `${pointer}/content_hash`, ticketId: id, expected: intake.payload.content_hash, actual: entry.content_hash },
          evidenceOf(intake, { payloadPointer: '/content_hash' }),
        ),
      );
    }
  }
  const replay = replayTicket(index, entry);
  for (const { decision, problem } of replay.malformed) {
    const message = `ticket ${id}: ${decision.payload.action} is recorded as applied but ${problem}`;
    issues.push(failIssue('ACTION_ARGS_INVALID', message, evidenceOf(decision, { payloadPointer: '/args' })));
  }
  for (const field of ROUTING_FIELDS) {
    const expected = replay.state[field];
    const actual = entry.after[field];
    if (sameValue(expected, actual)) continue;
    const touched = firstEvidence(replay.steps.filter((s) => s.fields.includes(field)).map((s) => evidenceOf(s.decision)));
    issues.push(
      failIssue(
        'TICKET_STATE_MISMATCH',
        `ticket ${id}: after.${field} is ${canonicalJson(actual)}, but before-state plus the applied actions give ${canonicalJson(expected)}`,
        { pointer: `${pointer}/after/${field}`, ticketId: id, expected: canonicalJson(expected), actual: canonicalJson(actual) },
        ...touched,
      ),
    );
  }
  for (const r of done) {
    if (r.payload.kind === 'ticket_done' && r.payload.after_hash !== digestOfJson(entry.after)) {
      issues.push(
        failIssue(
          'TICKET_STATE_MISMATCH',
          `ticket ${id}: the after-state is not the one its ticket_done record signed`,
          { pointer: `${pointer}/after`, ticketId: id, expected: r.payload.after_hash, actual: digestOfJson(entry.after) },
          evidenceOf(r, { payloadPointer: '/after_hash' }),
        ),
      );
    }
  }
  return issues;
}

/** Tickets the signed records or receipts name that have no entry. */
function unlistedIssues(index: RecordIndex, listed: ReadonlyMap<TicketId, string>): CheckIssue[] {
  const issues: CheckIssue[] = [];
  for (const [id, records] of index.byTicket) {
    if (listed.has(id)) continue;
    const message = `ticket ${id} has ${records.length} signed record(s) but no entry in /tickets`;
    issues.push(failIssue('TICKET_UNACCOUNTED', message, evidenceOf(records[0]!)));
  }
  const reported = new Set<TicketId>();
  for (const r of index.receipts) {
    const id = r.payload.ticket_id;
    if (listed.has(id) || index.byTicket.has(id) || reported.has(id)) continue;
    reported.add(id);
    issues.push(failIssue('TICKET_UNACCOUNTED', `a model was called for ticket ${id}, which has no entry in /tickets`, evidenceOf(r)));
  }
  return issues;
}

/** job_start counts every ticket the run was given; each is either processed (an entry) or skipped. */
function countIssues(index: RecordIndex, entries: number): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const skipped = new Set(index.limits.filter((r) => r.payload.effect === 'ticket_skipped').map((r) => r.payload.ticket_id));
  for (const r of index.records) {
    if (r.payload.kind === 'job_start' && r.payload.ticket_count !== entries + skipped.size) {
      issues.push(
        failIssue(
          'TICKET_UNACCOUNTED',
          `job_start says the run was given ${r.payload.ticket_count} tickets; the bundle has ${entries} entries and ${skipped.size} skipped`,
          evidenceOf(r, { payloadPointer: '/ticket_count', expected: String(entries + skipped.size), actual: String(r.payload.ticket_count) }),
        ),
      );
    }
    if (r.payload.kind === 'job_end' && r.payload.tickets_processed !== entries) {
      issues.push(
        failIssue(
          'TICKET_UNACCOUNTED',
          `job_end says ${r.payload.tickets_processed} tickets were processed; the bundle has ${entries} entries`,
          evidenceOf(r, { payloadPointer: '/tickets_processed', expected: String(entries), actual: String(r.payload.tickets_processed) }),
        ),
      );
    }
  }
  return issues;
}
