/** Small helpers shared by the checks: the ids of a signed part, and evidence lists kept short. */
import type { EnvelopeView } from '../context.js';
import type { Evidence } from '../report.js';

/** Evidence naming an envelope and the id its payload gives it, if readable. */
export function partEvidence(view: EnvelopeView<unknown>, extra: Evidence = {}): Evidence {
  const p = view.payload as { receipt_id?: unknown; record_id?: unknown; approval_id?: unknown } | null;
  const ids: Evidence = {
    ...(typeof p?.receipt_id === 'string' && p.record_id === undefined ? { receiptId: p.receipt_id } : {}),
    ...(typeof p?.record_id === 'string' ? { recordId: p.record_id } : {}),
    ...(typeof p?.approval_id === 'string' ? { approvalId: p.approval_id } : {}),
  };
  return { pointer: view.pointer, ...ids, ...extra };
}

/** Most evidence entries one aggregated issue lists; its message gives the full count. */
export const MAX_EVIDENCE_PER_ISSUE = 20;

export function firstEvidence(list: readonly Evidence[]): Evidence[] {
  return list.slice(0, MAX_EVIDENCE_PER_ISSUE);
}
