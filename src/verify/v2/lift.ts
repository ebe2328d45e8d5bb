/**
 * v2 lines in the shapes the checks read (src/core/bundle/types.ts), so every check that judges
 * what a part says (decisions re-evaluated, proposals re-derived from receipted responses, the
 * schedule, redaction, tickets) runs on v1 and v2 alike. Only what v2 states once for the file is
 * filled back in, each from the line that vouches for it under the harness tree head:
 *  - a record's `v`, `job_id` and `record_id`: the header's job and the record's seq;
 *  - a decision's `proposal_hash`: the sha256 of the line its `proposal_seq` names (the reader
 *    checked it is an earlier proposal of the same ticket);
 *  - a decision's `reason`: the sentence rule and code say (v2 does not carry it);
 *  - `prev`: null. v2 has no chain inside the lines: the tree heads fix every line's place, and
 *    the chain checks compare `prev` only for v1 (ctx.v2 absent).
 */
import type { Digest } from '../../core/hash.js';
import type { ApprovalPayload, ReceiptPayload, RecordPayload } from '../../core/bundle/types.js';
import { recordIdOf } from '../../format/v2/record-id.js';
import type { ApprovalPayloadV2, ReceiptPayloadV2 } from '../../format/v2/signed-lines.js';
import type { RecordLine } from '../../format/v2/record-line.js';

// The casts narrow what the reader's schemas already checked (a digest's pattern, JSON objects)
// to the shared types' template and JSON types, which zod's inferred `string` does not spell.

export function liftReceipt(payload: ReceiptPayloadV2): ReceiptPayload {
  return { ...payload, prev: null } as ReceiptPayload;
}

export function liftApproval(payload: ApprovalPayloadV2): ApprovalPayload {
  return payload as ApprovalPayload;
}

export function liftRecord(line: RecordLine & { at: string }, jobId: string, recordHashes: readonly Digest[]): RecordPayload {
  // Built member by member rather than spread: V8 gives a spread object a property store with
  // room to grow, about 400 bytes a record more (32 MiB of heap over the 79,256 records of the
  // 10,000-ticket bench bundle).
  const out: Record<string, unknown> = { v: 2, record_id: recordIdOf(jobId, line.seq), job_id: jobId, prev: null, kind: line.t };
  // A decision's proposal_seq becomes its proposal_hash below.
  const dropped = line.t === 'decision' ? 'proposal_seq' : 't';
  for (const key of Object.keys(line)) {
    if (key !== 't' && key !== dropped) out[key] = line[key as keyof typeof line];
  }
  if (line.t === 'decision') {
    out['reason'] = `${line.outcome} under ${line.rule} (${line.code})`;
    out['proposal_hash'] = line.proposal_seq === null ? null : (recordHashes[line.proposal_seq] ?? null);
  }
  return out as unknown as RecordPayload;
}
