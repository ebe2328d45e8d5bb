/**
 * compareWithExport: the bundle against the system of record. Given a Zendesk JSON export of the
 * same tickets (`{"tickets": [...]}` from the tickets API or an incremental export, or
 * `{"ticket": {...}}`), list every difference between the export's routing fields and the
 * bundle's after-state that no applied action explains, and say which tickets could not be
 * correlated by content hash.
 *
 * Honest limits: the bundle's content_hash covers the ticket exactly as the harness read it (its
 * own JSON form, with requester and comments, before the run changed anything). An export taken
 * after the run has other routing fields, a later updated_at and the run's notes, and Zendesk's JSON
 * has more members, so it usually cannot hash to content_hash: such tickets are matched by id only
 * and listed as not correlated. Tags that hold a secret or PII are redacted in the bundle; they are
 * compared by count, not by value.
 */
import { digestOfJson } from '../../core/hash.js';
import type { JsonValue } from '../../core/json.js';
import type { TicketId } from '../../core/bundle/types.js';
import { parseRfc3339 } from '../../core/time.js';
import { DETECTOR_IDS, scanText } from '../../dlp/index.js';
import type { VerifyContext } from '../context.js';
import type { Report } from '../report.js';
import { compareCodeUnits } from './effects.js';
import { groupLabel } from './help-desk.js';
import { ticketDiffs } from './ticket-diff.js';
import { EXPORT_FIELDS, type ExportComparison, type ExportField, type TicketDiff, type UnexplainedChange } from './types.js';

/** Most export tickets read; the rest are reported as a problem, never silently dropped. */
export const MAX_EXPORT_TICKETS = 100_000;
/** Most problems listed; the rest are counted. */
const MAX_PROBLEMS = 200;
/** A tag the bundle carries redacted: contains a typed placeholder such as `[EMAIL_1]`. */
const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/;

type ExportTicket = { readonly pointer: string; readonly value: Readonly<Record<string, unknown>> };

export function compareWithExport(source: VerifyContext | Report, exportJson: unknown): ExportComparison {
  const diffs = 'reportVersion' in source ? source.tickets : ticketDiffs(source);
  const bundle = new Map<TicketId, TicketDiff>();
  for (const d of diffs) if (!bundle.has(d.ticketId)) bundle.set(d.ticketId, d);
  const problems: { pointer: string; message: string }[] = [];
  const problem = (pointer: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ pointer, message });
  };
  const exported = readExport(exportJson, problem);

  const changes: UnexplainedChange[] = [];
  let compared = 0;
  let correlated = 0;
  let outsideBundle = 0;
  for (const [id, ticket] of exported) {
    const diff = bundle.get(id);
    if (diff === undefined) {
      outsideBundle++;
      continue;
    }
    compared++;
    if (hashOf(ticket.value) === diff.contentHash) correlated++;
    else {
      changes.push({
        kind: 'not_correlated',
        ticketId: id,
        exportPointer: ticket.pointer,
        bundlePointer: `${diff.pointer}/content_hash`,
        message: `ticket ${id}: the export's ticket object does not hash to the bundle's content_hash, so it cannot be shown to be the content the run read; it was matched by id only`,
      });
    }
    for (const field of EXPORT_FIELDS) {
      if (!Object.hasOwn(ticket.value, field)) {
        problem(ticket.pointer, `ticket ${id} has no ${field}: that field was not compared`);
        continue;
      }
      const change = compareField(ticket, diff, field, problem);
      if (change !== null) changes.push(change);
    }
  }
  const missingFromExport = [...bundle.keys()].filter((id) => !exported.has(id));
  if (problems.length === MAX_PROBLEMS) problems.push({ pointer: '', message: 'more problems were not listed' });
  return { compared, correlated, outsideBundle, missingFromExport, changes, problems };
}

/** Export tickets by id; a ticket listed twice (incremental exports repeat updates) keeps its latest update. */
function readExport(input: unknown, problem: (pointer: string, message: string) => void): Map<TicketId, ExportTicket> {
  const out = new Map<TicketId, ExportTicket>();
  let list: unknown[];
  let base: string;
  if (isObject(input) && Array.isArray(input.tickets)) [list, base] = [input.tickets, '/tickets'];
  else if (isObject(input) && isObject(input.ticket)) [list, base] = [[input.ticket], '/ticket'];
  else {
    problem('', 'expected a Zendesk export: an object with "tickets" (a list) or "ticket" (one ticket)');
    return out;
  }
  if (list.length > MAX_EXPORT_TICKETS) problem(`${base}/${MAX_EXPORT_TICKETS}`, `only the first ${MAX_EXPORT_TICKETS} of ${list.length} tickets were compared`);
  list.slice(0, MAX_EXPORT_TICKETS).forEach((value, i) => {
    const pointer = base === '/ticket' ? base : `${base}/${i}`;
    const id = isObject(value) ? value.id : undefined;
    if (!isObject(value) || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
      problem(pointer, 'not a ticket object with a positive integer id');
      return;
    }
    const previous = out.get(id);
    if (previous === undefined || !isOlder(value, previous.value)) out.set(id, { pointer, value });
  });
  return out;
}

function compareField(ticket: ExportTicket, diff: TicketDiff, field: ExportField, problem: (pointer: string, message: string) => void): UnexplainedChange | null {
  const exportPointer = `${ticket.pointer}/${field}`;
  const raw = ticket.value[field];
  const before = diff.before[field] as JsonValue;
  const after = diff.after[field] as JsonValue;
  let matches: (bundleValue: JsonValue) => boolean;
  if (field === 'tags') {
    if (!Array.isArray(raw) || !raw.every((t) => typeof t === 'string')) {
      problem(exportPointer, 'tags is not a list of strings: not compared');
      return null;
    }
    matches = (bundleValue) => sameTags(raw as string[], bundleValue as string[]);
  } else {
    if (raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
      problem(exportPointer, `${field} is neither a string, a number nor null: not compared`);
      return null;
    }
    matches = (bundleValue) => raw === bundleValue;
  }
  if (matches(after)) return null;
  const changedByRun = JSON.stringify(before) !== JSON.stringify(after);
  const reason = changedByRun ? (matches(before) ? 'not_reflected' : 'changed_after_run') : 'changed_outside_run';
  const shown = valueText(field, raw as JsonValue);
  const why = {
    not_reflected: `the run applied a change from ${valueText(field, before)} to ${valueText(field, after)}, but the system of record still shows the before value`,
    changed_after_run: `the run changed it from ${valueText(field, before)} to ${valueText(field, after)}, and something else changed it again`,
    changed_outside_run: `no applied action of the run touched it (it stayed ${valueText(field, after)}), so something outside the run changed it`,
  }[reason];
  return {
    kind: 'field',
    ticketId: diff.ticketId,
    field,
    reason,
    exportValue: raw as JsonValue,
    bundleBefore: before,
    bundleAfter: after,
    exportPointer,
    bundlePointer: `${diff.pointer}/after/${field}`,
    message: `ticket ${diff.ticketId} ${field}: the export shows ${shown}; ${why}`,
  };
}

/** A value in a message: as JSON, with the queue's name beside a group id the format lists. */
function valueText(field: ExportField, value: JsonValue): string {
  const queue = field === 'group_id' ? groupLabel(value) : null;
  return queue === null ? JSON.stringify(value) : `${JSON.stringify(value)} (${queue.name})`;
}

/**
 * Export tags against bundle tags. The bundle holds tags as a sorted set in which any tag with a
 * secret or PII is redacted to placeholders: plain tags are compared as sets, sensitive ones by count.
 */
function sameTags(exported: readonly string[], bundle: readonly string[]): boolean {
  const plainExport = new Set<string>();
  const sensitive = new Set<string>();
  for (const tag of exported) (scanText(tag, DETECTOR_IDS).length > 0 ? sensitive : plainExport).add(tag);
  const plainBundle = bundle.filter((t) => !PLACEHOLDER.test(t));
  const redacted = bundle.length - plainBundle.length;
  const a = [...plainExport].sort(compareCodeUnits);
  const b = [...new Set(plainBundle)].sort(compareCodeUnits);
  return redacted === sensitive.size && a.length === b.length && a.every((t, i) => t === b[i]);
}

function hashOf(value: unknown): string | null {
  try {
    return digestOfJson(value);
  } catch {
    return null; // not plain JSON data (a caller passed an object with functions or undefined)
  }
}

function isOlder(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const ta = parseRfc3339(a.updated_at);
  const tb = parseRfc3339(b.updated_at);
  return ta !== undefined && tb !== undefined && ta < tb;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
