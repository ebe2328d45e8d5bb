/**
 * Replays one ticket: its before-state, then the effect of every signed decision of that ticket
 * with applied: true, in chain order. The result is what the after-state must be; each step says
 * which fields the call changed, so a diff can link every change to the call behind it.
 */
import type { RoutingState, TicketEntry } from '../../core/bundle/types.js';
import { applyCall, callProblem, changedFields, type RoutingField } from './effects.js';
import type { IndexedRecord, RecordIndex } from './records.js';

export interface ReplayStep {
  readonly decision: IndexedRecord<'decision'>;
  /** Fields this call changed (empty: it had no effect on routing state, e.g. the same label twice). */
  readonly fields: readonly RoutingField[];
  readonly after: RoutingState;
}

export interface Replay {
  readonly steps: readonly ReplayStep[];
  /** Applied calls whose arguments are malformed: their effect is undefined, so they are not replayed. */
  readonly malformed: readonly { readonly decision: IndexedRecord<'decision'>; readonly problem: string }[];
  readonly state: RoutingState;
}

export function replayTicket(index: RecordIndex, entry: TicketEntry): Replay {
  const steps: ReplayStep[] = [];
  const malformed: { decision: IndexedRecord<'decision'>; problem: string }[] = [];
  let state = entry.before;
  for (const r of index.byTicket.get(entry.ticket_id) ?? []) {
    if (r.payload.kind !== 'decision' || !r.payload.applied) continue;
    const decision = r as IndexedRecord<'decision'>;
    const problem = callProblem(decision.payload.action, decision.payload.args, entry.ticket_id);
    if (problem !== null) {
      malformed.push({ decision, problem });
      continue;
    }
    const after = applyCall(state, decision.payload.action, decision.payload.args);
    steps.push({ decision, fields: changedFields(state, after), after });
    state = after;
  }
  return { steps, malformed, state };
}
