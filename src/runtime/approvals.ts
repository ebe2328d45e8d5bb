/**
 * How a run gets answers to proposals that need approval:
 *  - 'auto': every such proposal is approved (demos; the approval says mode "auto");
 *  - 'none': nobody is asked; writes that need approval stay refused;
 *  - a decide callback: the caller answers each request (the UI and CLI drive it; ApprovalQueue
 *    turns it into an async iterator of pending requests).
 * Whatever the answer, the policy gate still decides: an approval only satisfies the
 * approval rule, never a deny, the propose-only mode, the degraded mode or the CST scope.
 */
import type { Digest } from '../core/hash.js';
import type { Proposal, TicketId } from '../core/bundle/types.js';
import { runtimeError } from './errors.js';

export interface ApprovalRequest {
  readonly jobId: string;
  readonly ticketId: TicketId;
  readonly proposalHash: Digest;
  readonly proposal: Proposal;
  /** The actions awaiting approval (canonical names) with their arguments and the gate's reason. */
  readonly actions: readonly { readonly action: string; readonly args: Readonly<Record<string, unknown>>; readonly reason: string }[];
}

export type ApprovalAnswer = 'approved' | 'rejected';

export type ApprovalDecider = (request: ApprovalRequest) => ApprovalAnswer | Promise<ApprovalAnswer>;

export type ApprovalMode = 'auto' | 'none' | { readonly decide: ApprovalDecider };

export function approvalModeName(mode: ApprovalMode): 'auto' | 'none' | 'queue' {
  return typeof mode === 'string' ? mode : 'queue';
}

export interface PendingApproval {
  readonly request: ApprovalRequest;
  approve(): void;
  reject(): void;
}

/**
 * A queue of approval requests for a UI or a prompt: the run awaits `decide`, the consumer
 * iterates pending requests and answers each. `close()` rejects everything still waiting, so a
 * closed window never leaves a run hanging (the run fails with APPROVAL_QUEUE_CLOSED).
 */
export class ApprovalQueue {
  readonly #pending: PendingApproval[] = [];
  readonly #waiters: ((item: IteratorResult<PendingApproval>) => void)[] = [];
  readonly #open = new Set<(error: Error) => void>();
  #closed = false;

  readonly decide: ApprovalDecider = (request) =>
    new Promise<ApprovalAnswer>((resolve, reject) => {
      if (this.#closed) return reject(closedError());
      let answered = false;
      const fail = (error: Error): void => {
        if (answered) return;
        answered = true;
        reject(error);
      };
      this.#open.add(fail);
      const answer = (value: ApprovalAnswer) => () => {
        if (answered) return;
        answered = true;
        this.#open.delete(fail);
        resolve(value);
      };
      const item: PendingApproval = Object.freeze({ request, approve: answer('approved'), reject: answer('rejected') });
      const waiter = this.#waiters.shift();
      if (waiter !== undefined) waiter({ value: item, done: false });
      else this.#pending.push(item);
    });

  get size(): number {
    return this.#pending.length;
  }

  close(): void {
    this.#closed = true;
    for (const fail of this.#open) fail(closedError());
    this.#open.clear();
    this.#pending.length = 0;
    for (const waiter of this.#waiters.splice(0)) waiter({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<PendingApproval> {
    return {
      next: () => {
        const item = this.#pending.shift();
        if (item !== undefined) return Promise.resolve({ value: item, done: false });
        if (this.#closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => this.#waiters.push(resolve));
      },
      return: () => Promise.resolve({ value: undefined, done: true }),
    };
  }
}

function closedError(): Error {
  return runtimeError('APPROVAL_QUEUE_CLOSED', 'the approval queue was closed before the request was answered');
}
