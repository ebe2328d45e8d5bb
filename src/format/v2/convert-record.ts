/**
 * A v1 record payload as a v2 record line: the members the design drops are dropped and a
 * decision's proposal_hash is re-pointed at its proposal's v2 line (through `proposalHashes`,
 * v1 payload hash -> v2 line hash).
 */
import type { Digest } from '../../core/hash.js';
import type { RecordPayload } from '../../core/bundle/types.js';
import { v2Error } from './encode-error.js';
import type { RecordLine } from './record-line.js';

export function recordLineOf(payload: RecordPayload, proposalHashes: ReadonlyMap<Digest, Digest>): RecordLine {
  const { v: _v, job_id: _job, record_id: _id, prev: _prev, ...rest } = payload;
  if (rest.kind !== 'decision') return { t: 'record', ...rest } as RecordLine;
  const { reason: _reason, proposal_hash, ...decision } = rest;
  let hash: Digest | null = null;
  if (proposal_hash !== null) {
    const mapped = proposalHashes.get(proposal_hash);
    if (mapped === undefined) throw v2Error(`decision ${payload.record_id} names a proposal hash no earlier proposal record has`);
    hash = mapped;
  }
  return { t: 'record', ...decision, proposal_hash: hash } as RecordLine;
}
