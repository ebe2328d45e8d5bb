/**
 * Mutations that may verify valid, each with the sentence of docs/FORMATS.md ("Security
 * considerations", "What no check can see") that makes the changed value meaningless or
 * unverifiable. Anything else that survives is a hole in the verifier. S-SKIPPED and S-RULESET
 * survive only in the v2 suite: in v1 every record before a proposal is chained into that
 * proposal's hash, which an approval signs, so an edit there breaks the approval's binding first.
 */
import type { JsonObject } from '../../../src/core/json.js';
import type { Decoded, Mutation } from './forge.js';

/** What an entry reads of a job: its record payloads (with `kind`) and its ticket entries, in order. */
export type JobView = Pick<Decoded, 'records' | 'tickets'>;

/** Why a survivor may verify valid. */
export interface Explanation {
  readonly id: string;
  /** The spec's reason, as docs/FORMATS.md words it. */
  readonly because: string;
  /** A survivor the spec does not explain yet, listed for the lead to decide (fix or spec sentence). */
  readonly open?: true;
}

export interface AllowEntry extends Explanation {
  readonly matches: (d: JobView, m: Mutation) => boolean;
}

const isChange = (m: Mutation, part: string, path: readonly (string | number)[]): boolean =>
  m.op === 'change' && m.site.part === part && m.site.path.length === path.length && path.every((p, i) => p === '*' || m.site.path[i] === p);

const record = (d: JobView, m: Mutation): JsonObject | undefined => (m.site.part === 'records' ? d.records[m.site.index] : undefined);

/** Routing fields each applied action overwrites (docs/FORMATS.md, "Ticket entries and effects"). */
const OVERWRITES: Readonly<Record<string, readonly string[]>> = {
  'tickets.assign': ['group_id', 'assignee_id'],
  'tickets.set_priority': ['priority'],
  'tickets.set_status': ['status'],
  'tickets.close': ['status'],
  'tickets.merge': ['status'],
  'tickets.delete': ['status'],
};

export const ALLOWLIST: readonly AllowEntry[] = [
  {
    id: 'opaque-record-id',
    because: 'S-ID: identifiers are opaque; only their uniqueness is checked, so another unique record_id says the same thing.',
    matches: (d, m) => isChange(m, 'records', ['record_id']),
  },
  {
    id: 'reason-text',
    because: 'S-REASON: reasons are plain English for people; the verifier re-derives the outcome, code, rule and limit numbers they explain, never their wording.',
    matches: (d, m) => isChange(m, 'records', ['reason']) && ['decision', 'limit'].includes(String(record(d, m)?.['kind'])),
  },
  {
    id: 'content-hash',
    because: "S-CONTENT: content_hash is the digest of the ticket as the harness read it; the ticket is not in the bundle, so it is the harness's statement (it correlates with an export).",
    matches: (d, m) => isChange(m, 'tickets', ['content_hash']) || (isChange(m, 'records', ['content_hash']) && record(d, m)?.['kind'] === 'intake'),
  },
  {
    id: 'finding-source-end',
    because:
      "S-FINDING: a finding's end is an offset into the ticket's text, which is not in the bundle; only the placeholders it moves in the view can be checked, so the end of the last finding of a string (and of a removed field) is the harness's statement.",
    matches: (d, m) => {
      if (!isChange(m, 'records', ['findings', '*', 'end']) || record(d, m)?.['kind'] !== 'redaction') return false;
      const findings = record(d, m)!['findings'] as { pointer: string; detector: string }[];
      const k = m.site.path[1] as number;
      const f = findings[k]!;
      return f.detector === 'field' || !findings.slice(k + 1).some((g) => g.pointer === f.pointer);
    },
  },
  {
    id: 'overwritten-before-state',
    because: "S-BEFORE: the before-state is the harness's statement about the ticket as read; a field that an applied action overwrites leaves no trace of its old value in the after-state.",
    matches: (d, m) => {
      if (!isChange(m, 'tickets', ['before', '*'])) return false;
      const entry = d.tickets[m.site.index] as { ticket_id: number } | undefined;
      const field = String(m.site.path[1]);
      return d.records.some((r) => r['kind'] === 'decision' && r['applied'] === true && r['ticket_id'] === entry?.ticket_id && (OVERWRITES[String(r['action'])] ?? []).includes(field));
    },
  },
  {
    id: 'skipped-ticket-id',
    because: 'S-SKIPPED: the ids of tickets skipped by max_tickets_per_run are never read, so which tickets they were is the harness\'s statement (how many there were is re-derived).',
    matches: (d, m) => isChange(m, 'records', ['ticket_id']) && record(d, m)?.['kind'] === 'limit' && record(d, m)?.['effect'] === 'ticket_skipped',
  },
  {
    id: 'redaction-ruleset',
    because: 'S-RULESET: job_start.redaction.ruleset names the detection rules the views were redacted with; the verifier re-scans with its own rules (an unknown ruleset is warned, REDACTION_RULESET_UNKNOWN, and its findings fail).',
    matches: (d, m) => isChange(m, 'records', ['redaction', 'ruleset']) && record(d, m)?.['kind'] === 'job_start',
  },
];

export function allowlisted(d: JobView, m: Mutation): AllowEntry | null {
  return ALLOWLIST.find((entry) => entry.matches(d, m)) ?? null;
}
