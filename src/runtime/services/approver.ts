/**
 * The approver: records a human's (or, for demos, the auto-approver's) answer to a proposal as an
 * ApprovalPayload signed with the approver key. The approval names the proposal hash (sha256 of
 * the proposal record's payload bytes), so it approves exactly that proposal and nothing else:
 * an approval cannot be replayed onto another ticket's, or a changed, proposal.
 */
import { canonicalBytes } from '../../core/canonical.js';
import { signDsse, type DsseEnvelope } from '../../core/dsse.js';
import { isDigest, type Digest } from '../../core/hash.js';
import { PAYLOAD_TYPES } from '../../core/bundle/media-types.js';
import type { ApprovalPayload, TicketId } from '../../core/bundle/types.js';
import { formatTimestamp, type Clock } from '../clock.js';
import { runtimeError } from '../errors.js';
import { itemId } from '../ids.js';
import type { Signer } from '../keys/keyring.js';

export interface ApprovalInput {
  readonly ticketId: TicketId;
  readonly proposalHash: Digest;
  /** Canonical action names the answer covers. */
  readonly actions: readonly string[];
  readonly decision: 'approved' | 'rejected';
  readonly mode: 'queue' | 'auto';
}

export interface SignedApproval {
  readonly payload: ApprovalPayload;
  readonly envelope: DsseEnvelope;
}

export class Approver {
  readonly #signer: Signer;
  readonly #clock: Clock;
  readonly #jobId: string;
  readonly #envelopes: DsseEnvelope[] = [];

  constructor(signer: Signer, clock: Clock, jobId: string) {
    if (signer.role !== 'approver') {
      throw runtimeError('RUN_INPUT_INVALID', `approvals are signed with the approver key, not the ${signer.role} key`);
    }
    this.#signer = signer;
    this.#clock = clock;
    this.#jobId = jobId;
  }

  get envelopes(): readonly DsseEnvelope[] {
    return this.#envelopes;
  }

  record(input: ApprovalInput): SignedApproval {
    if (!isDigest(input.proposalHash)) throw runtimeError('RUN_INPUT_INVALID', 'an approval must name a proposal hash');
    if (input.decision !== 'approved' && input.decision !== 'rejected') {
      throw runtimeError('RUN_INPUT_INVALID', `an approval decision is "approved" or "rejected", not ${JSON.stringify(input.decision)}`);
    }
    const payload: ApprovalPayload = {
      v: 1,
      approval_id: itemId('approval', this.#jobId, this.#envelopes.length),
      job_id: this.#jobId,
      ticket_id: input.ticketId,
      proposal_hash: input.proposalHash,
      actions: [...input.actions],
      decision: input.decision,
      mode: input.mode,
      at: formatTimestamp(this.#clock.now()),
    };
    const envelope = signDsse(PAYLOAD_TYPES.approval, canonicalBytes(payload), [this.#signer]);
    this.#envelopes.push(envelope);
    return { payload, envelope };
  }
}
