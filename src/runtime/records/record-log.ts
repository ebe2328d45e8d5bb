/**
 * The harness's record log: every tool decision and job event as a DSSE envelope signed by the
 * harness key, hash-chained (prev = sha256 of the previous record's payload bytes) so that no
 * record can be dropped, reordered or inserted without breaking the chain.
 */
import { canonicalBytes } from '../../core/canonical.js';
import { signDsse, type DsseEnvelope } from '../../core/dsse.js';
import { sha256, type Digest } from '../../core/hash.js';
import { PAYLOAD_TYPES } from '../../core/bundle/media-types.js';
import type { RecordPayload } from '../../core/bundle/types.js';
import { formatTimestamp, type Clock } from '../clock.js';
import { runtimeError } from '../errors.js';
import { itemId } from '../ids.js';
import type { Signer } from '../keys/keyring.js';

type ChainFields = 'v' | 'record_id' | 'seq' | 'job_id' | 'at' | 'prev';

/** A record body: its kind and kind-specific fields; the log adds the chain fields. */
export type RecordBody = RecordPayload extends infer R ? (R extends RecordPayload ? Omit<R, ChainFields> : never) : never;

export interface AppendedRecord<R extends RecordPayload = RecordPayload> {
  readonly payload: R;
  readonly envelope: DsseEnvelope;
  /** sha256 of the payload bytes: what the next record's prev and a proposal hash are. */
  readonly hash: Digest;
}

export class RecordLog {
  readonly #signer: Signer;
  readonly #clock: Clock;
  readonly #jobId: string;
  readonly #envelopes: DsseEnvelope[] = [];
  #prev: Digest | null = null;

  constructor(signer: Signer, clock: Clock, jobId: string) {
    if (signer.role !== 'harness') {
      throw runtimeError('RUN_INPUT_INVALID', `records are signed with the harness key, not the ${signer.role} key`);
    }
    this.#signer = signer;
    this.#clock = clock;
    this.#jobId = jobId;
  }

  get envelopes(): readonly DsseEnvelope[] {
    return this.#envelopes;
  }

  append<B extends RecordBody>(body: B): AppendedRecord<Extract<RecordPayload, { kind: B['kind'] }>> {
    const seq = this.#envelopes.length;
    // Chain fields first, then the body: a fixed field order (the signed bytes are RFC 8785 anyway).
    const payload = {
      v: 1,
      record_id: itemId('record', this.#jobId, seq),
      seq,
      job_id: this.#jobId,
      at: formatTimestamp(this.#clock.now()),
      prev: this.#prev,
      ...body,
    } as unknown as Extract<RecordPayload, { kind: B['kind'] }>;
    const bytes = canonicalBytes(payload);
    const envelope = signDsse(PAYLOAD_TYPES.record, bytes, [this.#signer]);
    const hash = sha256(bytes);
    this.#envelopes.push(envelope);
    this.#prev = hash;
    return { payload, envelope, hash };
  }
}
