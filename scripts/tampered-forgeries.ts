/**
 * Forgeries made with the HARNESS key alone: records, the manifest and the unsigned entries it
 * commits to are rewritten and re-signed with the demo harness key; the WPC, the CST, the receipts
 * and the approvals stay exactly as their own keys signed them. Each tells a false story that a
 * verifier trusting the harness would accept; each must fail on the check that re-derives that
 * part of the story from what another key signed. Plus the closed job_start.limits object, broken
 * the three ways a schema can be and misstated against the WPC.
 */
import { canonicalBytes } from '../src/core/canonical.js';
import { digestOfJson, sha256 } from '../src/core/hash.js';
import type { DecisionRecord, JobStartRecord, ProofBundle, RecordPayload, TicketEntry } from '../src/core/bundle/types.js';
import { serializeBundle } from '../src/runtime/bundle/serialize.js';
import { recordsOf, reclose, withRecords } from '../test/verify/diff/bundles.js';
import type { TamperedFixture } from './tampered-fixtures.js';

const SPIKE = 'fixtures/bundles/spike-degraded.clawproof';

type Edit = (records: RecordPayload[], tickets: TicketEntry[]) => RecordPayload[];

/**
 * What a dishonest harness does after editing its story: re-number and re-chain every record,
 * re-point each decision at the new hash of its proposal, re-sign each ticket_done over the edited
 * after-state, re-close the manifest. The approvals are the approver's: they are left alone.
 */
function asHarness(bundle: ProofBundle, edit: Edit): string {
  const original = recordsOf(bundle);
  const originalHashes = bundle.records.map((e) => sha256(Buffer.from(e.payload, 'base64')));
  const tickets = JSON.parse(JSON.stringify(bundle.tickets)) as TicketEntry[];
  const afterHashes = new Map(tickets.map((t) => [t.ticket_id, digestOfJson(t.after)]));
  const edited = edit(original, tickets);
  const moved = new Map<string, string>();
  let prev: string | null = null;
  const chained = edited.map((r, seq) => {
    const given = sha256(canonicalBytes(r));
    const next = { ...r, seq, prev } as RecordPayload;
    if (next.kind === 'decision' && next.proposal_hash !== null) next.proposal_hash = (moved.get(next.proposal_hash) ?? next.proposal_hash) as DecisionRecord['proposal_hash'];
    if (next.kind === 'ticket_done') next.after_hash = (afterHashes.get(next.ticket_id) === undefined ? next.after_hash : digestOfJson(tickets.find((t) => t.ticket_id === next.ticket_id)!.after)) as typeof next.after_hash;
    const hash = sha256(canonicalBytes(next));
    // A decision names its proposal by hash: the original record's, or the one the edit wrote.
    const at = original.indexOf(r);
    if (at >= 0 && originalHashes[at] !== hash) moved.set(originalHashes[at]!, hash);
    if (given !== hash) moved.set(given, hash);
    prev = hash;
    return next;
  });
  const end = chained.at(-1);
  const withParts = withRecords({ ...bundle, tickets }, chained);
  // The manifest's time is job_end's (the harness closes the bundle when the job ends).
  return serializeBundle(end?.kind === 'job_end' ? reclose(withParts) : withParts);
}

const ofTicket = (records: readonly RecordPayload[], id: number) => records.filter((r) => 'ticket_id' in r && r.ticket_id === id);

function decisionOf(records: readonly RecordPayload[], id: number, action: string, nth = 0): DecisionRecord {
  const found = ofTicket(records, id).filter((r): r is DecisionRecord => r.kind === 'decision' && r.action === action)[nth];
  if (found === undefined) throw new Error(`ticket ${id} has no decision ${nth} on ${action}`);
  return found;
}

function proposalOf(records: readonly RecordPayload[], id: number): Extract<RecordPayload, { kind: 'proposal' }> {
  const found = records.find((r): r is Extract<RecordPayload, { kind: 'proposal' }> => r.kind === 'proposal' && r.ticket_id === id);
  if (found === undefined) throw new Error(`ticket ${id} has no proposal`);
  return found;
}

function entryOf(tickets: TicketEntry[], id: number): TicketEntry {
  const found = tickets.find((t) => t.ticket_id === id);
  if (found === undefined) throw new Error(`no ticket entry ${id}`);
  return found;
}

function jobStartEdit(change: (limits: Record<string, unknown>) => void): Edit {
  return (records) => {
    const start = records[0] as JobStartRecord;
    const limits = JSON.parse(JSON.stringify(start.limits)) as Record<string, unknown>;
    change(limits);
    return [{ ...start, limits: limits as unknown as JobStartRecord['limits'] }, ...records.slice(1)];
  };
}

export const FORGED_FIXTURES: readonly TamperedFixture[] = [
  {
    file: 'forged-label-never-requested.clawproof',
    summary: "A label the model never asked for (refund approved) added to a ticket and recorded as applied; the verifier must see the model's answer did not propose it.",
    from: SPIKE,
    description:
      "Harness key only: ticket 10004's proposal gains a label the model never asked for (refund_approved), recorded as proposed, allowed and applied, and the ticket's tags say so; records re-chained, manifest re-sealed.",
    expectCheck: 'proposals',
    expectCode: 'PROPOSAL_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (b) =>
      asHarness(b, (records, tickets) => {
        const proposal = proposalOf(records, 10004);
        const label = decisionOf(records, 10004, 'tickets.add_label');
        const forged: DecisionRecord = { ...label, record_id: `${label.record_id}x`, args: { label: 'refund_approved' } };
        proposal.proposal.actions.splice(1, 0, { action: 'tickets.add_label', args: { label: 'refund_approved' } });
        const entry = entryOf(tickets, 10004);
        entry.after.tags = [...new Set([...entry.after.tags, 'refund_approved'])].sort();
        return records.flatMap((r) => (r === label ? [r, forged] : [r]));
      }),
  },
  {
    file: 'forged-notify-attempt-hidden.clawproof',
    summary: "The model's refused attempt to notify a customer erased from the record; the verifier must see the model's answer asked for it.",
    from: SPIKE,
    description:
      "Harness key only: the injected request to notify ticket 10005's customer, which the WPC denied, deleted from the proposal and its denied decision deleted, hiding that the model tried; records re-chained, manifest re-sealed.",
    expectCheck: 'proposals',
    expectCode: 'PROPOSAL_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (b) =>
      asHarness(b, (records) => {
        const proposal = proposalOf(records, 10005);
        const attempt = decisionOf(records, 10005, 'tickets.notify_customer', 1);
        const i = proposal.proposal.actions.map((a) => a.action).lastIndexOf('tickets.notify_customer');
        proposal.proposal.actions.splice(i, 1);
        return records.filter((r) => r !== attempt);
      }),
  },
  {
    file: 'forged-proposal-from-error.clawproof',
    summary: 'A ticket whose model calls all failed given a made-up proposal and a priority change; the verifier must see there was no answer to propose it.',
    from: SPIKE,
    description:
      "Harness key only: ticket 10002, whose every model answer was an error, given a proposal (naming its last receipt) and an applied priority change to urgent instead of its refused call; its after-state edited to match; records re-chained, manifest re-sealed.",
    expectCheck: 'proposals',
    expectCode: 'PROPOSAL_WITHOUT_RESPONSE',
    expectVerdict: 'invalid',
    alsoFailing: ['schedule'],
    make: (b) =>
      asHarness(b, (records, tickets) => {
        const refused = records.find((r) => r.kind === 'limit' && r.effect === 'call_refused' && r.ticket_id === 10002)!;
        const template = decisionOf(records, 10001, 'tickets.add_internal_note');
        const lastReceipt = b.receipts.map((e) => JSON.parse(Buffer.from(e.payload, 'base64').toString('utf8')) as { receipt_id: string; ticket_id: number }).filter((r) => r.ticket_id === 10002).at(-1)!;
        const base = { v: 1, record_id: refused.record_id, seq: 0, job_id: refused.job_id, at: refused.at, prev: null } as const;
        const note: DecisionRecord = { ...template, record_id: `${refused.record_id}n`, at: refused.at, ticket_id: 10002 };
        const proposal: RecordPayload = {
          ...base,
          kind: 'proposal',
          ticket_id: 10002,
          receipt_id: lastReceipt.receipt_id,
          proposal: {
            category: 'billing',
            confidence: 0.97,
            recommended_queue: 'billing',
            rationale: 'The customer disputes a charge and asks for urgent handling.',
            priority: 'urgent',
            notification_template: null,
            actions: [{ action: 'tickets.set_priority', args: { priority: 'urgent' } }],
          },
        };
        const priority: DecisionRecord = {
          ...template,
          record_id: `${refused.record_id}p`,
          at: refused.at,
          ticket_id: 10002,
          phase: 'apply',
          action: 'tickets.set_priority',
          args: { priority: 'urgent' },
          outcome: 'allow',
          code: 'ALLOWED',
          rule: '/tools/allow/4',
          reason: 'tickets.set_priority is allowed by /tools/allow/4',
          proposal_hash: sha256(canonicalBytes(proposal)) as DecisionRecord['proposal_hash'],
          applied: true,
        };
        const entry = entryOf(tickets, 10002);
        entry.after = { ...entry.after, priority: 'urgent', internal_notes: entry.after.internal_notes + 1 };
        return records.flatMap((r) => (r === refused ? [note, proposal, priority] : [r]));
      }),
  },
  {
    file: 'forged-degrade-deleted.clawproof',
    summary: 'The required switch to a safe, read-only mode during a traffic spike deleted, and the writes it stopped recorded as done; the verifier must see the switch was required.',
    from: SPIKE,
    description:
      "Harness key only: the degrade to classify-only that the backlog required deleted (and job_end says the job never degraded), and the assignments it refused recorded as allowed and applied, with the tickets' after-states to match; records re-chained, manifest re-sealed.",
    expectCheck: 'schedule',
    expectCode: 'DEGRADE_REQUIRED',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (b) =>
      asHarness(b, (records, tickets) => {
        const groups: Record<string, number> = { billing: 360001000101, logistics: 360001000106, account_recovery: 360001000104 };
        return records.flatMap((r): RecordPayload[] => {
          if (r.kind === 'limit' && r.effect === 'degraded_classify_only') return [];
          if (r.kind === 'job_end') return [{ ...r, degraded: false, degraded_at: null, degraded_reason: null }];
          if (r.kind === 'decision' && r.code === 'DEGRADED_CLASSIFY_ONLY' && r.action === 'tickets.assign') {
            const entry = entryOf(tickets, r.ticket_id);
            const queue = String(r.args['queue']);
            entry.after = { ...entry.after, group_id: groups[queue] ?? entry.after.group_id, assignee_id: null };
            return [{ ...r, outcome: 'allow', code: 'ALLOWED', rule: '/tools/allow/3', reason: 'tickets.assign is allowed by /tools/allow/3', applied: true }];
          }
          return [r];
        });
      }),
  },
  {
    file: 'job-limits-unknown-member.clawproof',
    summary: "The run's stated limits given an extra setting the format does not have; the verifier must reject the unknown field.",
    from: SPIKE,
    description: 'Harness key only: job_start.limits gains a member the format does not define (max_refunds); records re-chained, manifest re-sealed.',
    expectCheck: 'structure',
    expectCode: 'UNKNOWN_FIELD',
    expectVerdict: 'invalid',
    alsoFailing: ['decisions', 'schedule'],
    make: (b) => asHarness(b, jobStartEdit((l) => (l['max_refunds'] = 1))),
  },
  {
    file: 'job-limits-member-missing.clawproof',
    summary: "One setting removed from the run's stated limits; the verifier must report the missing field.",
    from: SPIKE,
    description: 'Harness key only: harness_attempt_ceiling removed from job_start.limits; records re-chained, manifest re-sealed.',
    expectCheck: 'structure',
    expectCode: 'FIELD_MISSING',
    expectVerdict: 'invalid',
    alsoFailing: ['decisions', 'schedule'],
    make: (b) => asHarness(b, jobStartEdit((l) => delete l['harness_attempt_ceiling'])),
  },
  {
    file: 'job-limits-arrival-unknown.clawproof',
    summary: "The run's stated ticket arrival pattern set to a kind the format does not have; the verifier must reject the value.",
    from: SPIKE,
    description: "Harness key only: job_start.limits.arrival given a kind outside the format's two (burst); records re-chained, manifest re-sealed.",
    expectCheck: 'structure',
    expectCode: 'VALUE_INVALID',
    expectVerdict: 'invalid',
    alsoFailing: ['decisions', 'schedule'],
    make: (b) => asHarness(b, jobStartEdit((l) => (l['arrival'] = { kind: 'burst' }))),
  },
  {
    file: 'job-limits-misstated.clawproof',
    summary: "The run's stated limits claim more model calls per ticket than the policy allows; the verifier must notice they differ from the policy.",
    from: SPIKE,
    description: 'Harness key only: job_start.limits says max_model_calls_per_ticket is 10 where the WPC sets 2; records re-chained, manifest re-sealed.',
    expectCheck: 'schedule',
    expectCode: 'JOB_LIMITS_MISMATCH',
    expectVerdict: 'invalid',
    alsoFailing: [],
    make: (b) => asHarness(b, jobStartEdit((l) => (l['max_model_calls_per_ticket'] = 10))),
  },
];
