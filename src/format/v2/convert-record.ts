/**
 * A v1 record payload as a v2 record line: the members the design drops are dropped, the kind
 * becomes the line's `t`, `at` is left out when it equals the previous record's (never on a
 * proposal), and a decision's proposal_hash becomes the seq of its proposal (through
 * `proposalSeqs`, v1 proposal payload hash -> seq).
 */
import type { Digest } from '../../core/hash.js';
import type { RecordPayload } from '../../core/bundle/types.js';
import { v2Error } from './encode-error.js';
import type { RecordLine } from './record-line.js';

export function recordLineOf(payload: RecordPayload, previousAt: string | undefined, proposalSeqs: ReadonlyMap<Digest, number>): RecordLine {
  const { v: _v, job_id: _job, record_id: _id, prev: _prev, kind, at, ...rest } = payload;
  const time = at === previousAt && kind !== 'proposal' ? {} : { at };
  if (payload.kind !== 'decision') return { t: kind, ...time, ...rest } as RecordLine;
  const { reason: _reason, proposal_hash, ...decision } = rest as Omit<Extract<RecordPayload, { kind: 'decision' }>, 'v' | 'job_id' | 'record_id' | 'prev' | 'kind' | 'at'>;
  let seq: number | null = null;
  if (proposal_hash !== null) {
    const named = proposalSeqs.get(proposal_hash);
    if (named === undefined) throw v2Error(`decision ${payload.record_id} names a proposal hash no earlier proposal record has`);
    seq = named;
  }
  return { t: 'decision', ...time, ...decision, proposal_seq: seq } as RecordLine;
}
