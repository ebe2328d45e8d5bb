/**
 * The state of the Lab's current run, as the page sees it: its phase, progress, the approvals
 * waiting for the user and those answered, and the result. Reactive (Svelte runes), so the view
 * components read it directly. One run at a time; starting another replaces the last result.
 */
import type { ApprovalAnswer, ApprovalRequest, RunProgress } from '../../../../runtime/index.js';
import type { LabReport } from '../lab-report.js';
import { startRun, type RunningJob } from '../run-client.js';
import type { LabError, RunRequest } from '../run-protocol.js';

export type RunPhase = 'idle' | 'running' | 'stopped' | 'done' | 'failed';

export interface WaitingApproval {
  readonly id: number;
  readonly request: ApprovalRequest;
}

export interface AnsweredApproval {
  readonly id: number;
  readonly ticketId: number;
  readonly actions: readonly string[];
  readonly answer: ApprovalAnswer;
}

export class LabRun {
  phase: RunPhase = $state('idle');
  progress: RunProgress | null = $state.raw(null);
  waiting: readonly WaitingApproval[] = $state.raw([]);
  answered: readonly AnsweredApproval[] = $state.raw([]);
  report: LabReport | null = $state.raw(null);
  bytes: Uint8Array | null = $state.raw(null);
  /** The same run as format v2 (JSON Lines), for "Download as format v2". */
  bytesV2: Uint8Array | null = $state.raw(null);
  error: LabError | null = $state.raw(null);
  /** Wall-clock milliseconds the last run took (or ran before it was stopped). */
  elapsedMs: number | null = $state(null);
  /** The options of the last run (for the file name and the summary). */
  request: RunRequest | null = $state.raw(null);

  #job: RunningJob | null = null;
  #startedAt = 0;

  get running(): boolean {
    return this.phase === 'running';
  }

  start(request: RunRequest): void {
    this.stop();
    this.phase = 'running';
    this.request = request;
    this.progress = null;
    this.waiting = [];
    this.answered = [];
    this.report = null;
    this.bytes = null;
    this.bytesV2 = null;
    this.error = null;
    this.elapsedMs = null;
    this.#startedAt = performance.now();
    this.#job = startRun(request, {
      progress: (progress) => {
        this.progress = progress;
      },
      approval: (id, approvalRequest) => {
        this.waiting = [...this.waiting, { id, request: approvalRequest }];
      },
      done: (bytes, report, bytesV2) => {
        this.#finish('done');
        this.bytes = bytes;
        this.bytesV2 = bytesV2;
        this.report = report;
      },
      failed: (error) => {
        this.#finish('failed');
        this.error = error;
      },
    });
  }

  answer(id: number, answer: ApprovalAnswer): void {
    const item = this.waiting.find((w) => w.id === id);
    if (item === undefined || this.#job === null) return;
    this.waiting = this.waiting.filter((w) => w.id !== id);
    this.answered = [
      ...this.answered,
      { id, ticketId: item.request.ticketId, actions: [...new Set(item.request.actions.map((a) => a.action))], answer },
    ];
    this.#job.answer(id, answer);
  }

  /** Ends a run in progress; nothing of it is kept (a bundle is only closed at the end). */
  stop(): void {
    if (this.#job === null) return;
    this.#job.stop();
    this.#finish('stopped');
  }

  #finish(phase: RunPhase): void {
    this.#job = null;
    this.phase = phase;
    this.waiting = [];
    this.elapsedMs = performance.now() - this.#startedAt;
  }
}
