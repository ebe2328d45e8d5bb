/**
 * Identifiers of a run, derived from its inputs so that the same inputs, seed and start time give
 * the same bundle byte for byte, while different jobs never share a job id or a CST `jti`
 * (the anti-replay binding: a token names exactly one job).
 */
import { canonicalJson } from '../core/canonical.js';
import { sha256, type Digest } from '../core/hash.js';
import type { Timestamp } from '../core/bundle/types.js';

export interface JobIdentityInput {
  /** The run's seed (any safe integer >= 0). */
  readonly seed: number;
  readonly start: Timestamp;
  readonly policyHash: Digest;
  /** Content hashes of the tickets, in run order. */
  readonly ticketHashes: readonly Digest[];
  readonly model: string;
  readonly approvalMode: string;
}

export interface JobIdentity {
  readonly jobId: string;
  readonly jti: string;
}

/** Hex of sha256(label LF canonical JSON of parts): labels keep ids of different kinds apart. */
function derive(label: string, parts: unknown): string {
  return sha256(`clawproof/${label}\n${canonicalJson(parts)}`).slice('sha256:'.length);
}

export function deriveJobIdentity(input: JobIdentityInput): JobIdentity {
  const material = {
    v: 1,
    seed: input.seed,
    start: input.start,
    policy_hash: input.policyHash,
    tickets: input.ticketHashes,
    model: input.model,
    approval_mode: input.approvalMode,
  };
  return { jobId: `job_${derive('job_id', material).slice(0, 24)}`, jti: `cst_${derive('jti', material).slice(0, 32)}` };
}

export type IdKind = 'record' | 'receipt' | 'approval';

const PREFIX: Readonly<Record<IdKind, string>> = { record: 'rec', receipt: 'rct', approval: 'apr' };

/** The id of the `n`th (1-based) item of a kind in a job: unique across jobs, stable across runs. */
export function itemId(kind: IdKind, jobId: string, n: number): string {
  return `${PREFIX[kind]}_${derive(kind, [jobId, n]).slice(0, 20)}`;
}
