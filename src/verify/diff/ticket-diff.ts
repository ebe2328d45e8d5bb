/**
 * ticketDiffs(ctx): per ticket, a field-level before/after diff of the routing state, each change
 * linked to the applied call that made it and the evidence behind that call: its proposal record,
 * the receipt of the model call the proposal came from, and the approval bound to it.
 *
 * RoutingState is flat (scalars and two string lists), so the diff is field by field; list fields
 * also say which entries were added and removed. A change the replay does not explain carries the
 * value the replay gives and the applied call that set it, so a reader compares expected with found.
 */
import type { JsonValue } from '../../core/json.js';
import type { TicketEntry } from '../../core/bundle/types.js';
import type { VerifyContext } from '../context.js';
import { approvalFor } from './approval-binding.js';
import { ROUTING_FIELDS, sameValue } from './effects.js';
import { proposalOf, recordIndex, type IndexedRecord, type RecordIndex } from './records.js';
import { isStringList, minus } from './list-delta.js';
import { replayTicket, type ReplayStep } from './replay.js';
import type { ChangeCause, ExpectedValue, FieldChange, TicketDiff } from './types.js';

export function ticketDiffs(ctx: VerifyContext): TicketDiff[] {
  const index = recordIndex(ctx);
  return ctx.items.tickets.flatMap((item) => (item.value === null ? [] : [ticketDiff(index, item.value, item.pointer)]));
}

function ticketDiff(index: RecordIndex, entry: TicketEntry, pointer: string): TicketDiff {
  const replay = replayTicket(index, entry);
  const applied = replay.steps.map((step) => causeOf(index, step));
  const changes: FieldChange[] = [];
  for (const field of ROUTING_FIELDS) {
    const before = entry.before[field];
    const after = entry.after[field];
    const explained = sameValue(replay.state[field], after);
    // A field is listed when it changed, or when the replay says it should have and it did not.
    if (sameValue(before, after) && explained) continue;
    const causes = applied.filter((c) => c.fields.includes(field));
    changes.push({
      field,
      pointer: `${pointer}/after/${field}`,
      before,
      after,
      ...listDelta(before, after),
      causes,
      explained,
      ...(explained ? {} : { expected: expectedValue(replay.state[field], causes) }),
    });
  }
  return {
    ticketId: entry.ticket_id,
    pointer,
    contentHash: entry.content_hash,
    before: entry.before,
    after: entry.after,
    changes,
    applied,
    consistent: changes.every((c) => c.explained),
  };
}

function causeOf(index: RecordIndex, step: ReplayStep): ChangeCause {
  const d = step.decision;
  const proposal = proposalOf(index, d);
  const receipt = proposal === null ? undefined : index.receiptsById.get(proposal.payload.receipt_id);
  const binding = d.payload.phase === 'apply' && proposal !== null ? approvalFor(index, d) : null;
  const approval = binding?.status === 'bound' ? binding.approval : null;
  return {
    apply: { recordId: d.payload.record_id, pointer: d.pointer, at: d.payload.at, action: d.payload.action, phase: d.payload.phase, args: d.payload.args, code: d.payload.code },
    proposal: proposal === null ? null : proposalLink(proposal),
    receipt:
      receipt === undefined
        ? null
        : {
            receiptId: receipt.payload.receipt_id,
            pointer: receipt.pointer,
            at: receipt.payload.at,
            model: receipt.payload.model,
            requestHash: receipt.payload.request_hash,
            responseHash: receipt.payload.response_hash,
          },
    approval:
      approval === null
        ? null
        : { approvalId: approval.payload.approval_id, pointer: approval.pointer, at: approval.payload.at, decision: approval.payload.decision, mode: approval.payload.mode },
    fields: step.fields,
  };
}

function proposalLink(p: IndexedRecord<'proposal'>): ChangeCause['proposal'] {
  return {
    recordId: p.payload.record_id,
    pointer: p.pointer,
    at: p.payload.at,
    hash: p.hash,
    category: p.payload.proposal.category,
    recommendedQueue: p.payload.proposal.recommended_queue,
  };
}

/** The replayed value, set by the last applied call that changed the field (or kept from before when none did). */
function expectedValue(value: JsonValue, causes: readonly ChangeCause[]): ExpectedValue {
  return { value: Array.isArray(value) ? [...value] : value, cause: causes.at(-1) ?? null };
}

/** Entries gained and lost by a list field, counting repeats (notifications may repeat). */
function listDelta(before: JsonValue, after: JsonValue): { added?: string[]; removed?: string[] } {
  if (!isStringList(before) || !isStringList(after)) return {};
  return { added: minus(after, before), removed: minus(before, after) };
}
