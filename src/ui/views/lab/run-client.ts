/**
 * The page's side of the run worker. Every operation gets a fresh worker and ends it when done,
 * so nothing of one run (or one import) can leak into the next, and stopping is `terminate()`.
 */
import type { ApprovalAnswer, ApprovalRequest, RunProgress } from '../../../runtime/index.js';
import type { LabReport } from './lab-report.js';
import type { ImportedTickets, LabError, PageMessage, RunRequest, SampleInfo, WorkerMessage } from './run-protocol.js';

function spawn(): Worker {
  // The literal `new Worker(new URL(..., import.meta.url))` form is what Vite bundles as a worker.
  return new Worker(new URL('../../workers/run-worker.ts', import.meta.url), { type: 'module', name: 'clawproof-lab-run' });
}

function send(worker: Worker, message: PageMessage): void {
  worker.postMessage(message);
}

/** An error of the worker itself (failed to load, threw outside a handler). */
function workerFailure(event: ErrorEvent | MessageEvent): LabError {
  const detail = event instanceof ErrorEvent && event.message !== '' ? `: ${event.message}` : '';
  return { code: 'WORKER_FAILED', message: `the run worker stopped unexpectedly${detail}` };
}

export class LabWorkerError extends Error {
  readonly error: LabError;
  constructor(error: LabError) {
    super(error.message);
    this.name = 'LabWorkerError';
    this.error = error;
  }
}

type Reply<T> = { readonly value: T } | { readonly error: LabError } | undefined;

/** One request, one answer, then the worker is ended. */
function ask<T>(message: PageMessage, pick: (reply: WorkerMessage) => Reply<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = spawn();
    const finish = (outcome: () => void): void => {
      worker.terminate();
      outcome();
    };
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const reply = pick(event.data);
      if (reply === undefined) return;
      if ('error' in reply) finish(() => reject(new LabWorkerError(reply.error)));
      else finish(() => resolve(reply.value));
    };
    worker.onerror = (event) => finish(() => reject(new LabWorkerError(workerFailure(event))));
    worker.onmessageerror = (event) => finish(() => reject(new LabWorkerError(workerFailure(event))));
    send(worker, message);
  });
}

export function describeSample(): Promise<SampleInfo> {
  return ask<SampleInfo>({ type: 'describe-sample' }, (reply) => (reply.type === 'sample' ? { value: reply.info } : undefined));
}

export function importZendeskText(text: string): Promise<ImportedTickets> {
  return ask<ImportedTickets>({ type: 'import', text }, (reply) =>
    reply.type === 'imported' ? { value: reply.result } : reply.type === 'import-failed' ? { error: reply.error } : undefined,
  );
}

export interface RunHandlers {
  progress(progress: RunProgress): void;
  approval(id: number, request: ApprovalRequest): void;
  done(bytes: Uint8Array, report: LabReport, bytesV2: Uint8Array): void;
  failed(error: LabError): void;
}

export interface RunningJob {
  answer(id: number, answer: ApprovalAnswer): void;
  /** Ends the worker at once; no handler is called after this. */
  stop(): void;
}

export function startRun(request: RunRequest, handlers: RunHandlers): RunningJob {
  const worker = spawn();
  let over = false;
  const end = (): void => {
    over = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    if (over) return;
    const message = event.data;
    switch (message.type) {
      case 'progress':
        handlers.progress(message.progress);
        break;
      case 'approval':
        handlers.approval(message.id, message.request);
        break;
      case 'done':
        end();
        handlers.done(new Uint8Array(message.bytes), message.report, new Uint8Array(message.bytesV2));
        break;
      case 'failed':
        end();
        handlers.failed(message.error);
        break;
      default:
        break;
    }
  };
  const fail = (event: ErrorEvent | MessageEvent): void => {
    if (over) return;
    end();
    handlers.failed(workerFailure(event));
  };
  worker.onerror = fail;
  worker.onmessageerror = fail;
  send(worker, { type: 'run', request });
  return {
    answer(id, answer) {
      if (!over) send(worker, { type: 'answer', id, answer });
    },
    stop: end,
  };
}
