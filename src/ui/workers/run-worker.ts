/**
 * The Lab's run worker: the simulated runtime runs here, off the page's main thread, so the page
 * stays responsive during a run of hundreds of tickets. It also reads the sample set and imports
 * Zendesk exports, so neither ships in the page's own bundle. Stopping a run is terminating this
 * worker: a half-finished run leaves nothing behind (a bundle is closed only at the end).
 *
 * Protocol: src/ui/views/lab/run-protocol.ts.
 */
import { isClawproofError } from '../../core/errors.js';
import { parseStrictJson } from '../../core/json.js';
import {
  ApprovalQueue,
  bundleBytes,
  demoKeyring,
  exportBundleV2,
  runJob,
  v2SignersOf,
  type ApprovalMode,
  type PendingApproval,
} from '../../runtime/index.js';
import { getModel } from '../../runtime/models/index.js';
import { getSampleSet } from '../../runtime/tickets/bundled-sample.js';
import type { InputSkippedOption } from '../../runtime/job/input-skipped.js';
import { importZendeskExport, type SkippedItem } from '../../runtime/tickets/zendesk-import.js';
import type { Ticket } from '../../runtime/tickets/types.js';
import { buildLabReport, type LabTicketLabel } from '../views/lab/lab-report.js';
import type { LabError, PageMessage, RunRequest, SampleInfo, WorkerMessage } from '../views/lab/run-protocol.js';

/** The parts of a dedicated worker's global scope this file uses (the UI tsconfig has DOM types). */
interface WorkerScope {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PageMessage>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const pending = new Map<number, PendingApproval>();
let nextApprovalId = 1;
let running = false;

function post(message: WorkerMessage, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

function labError(error: unknown): LabError {
  if (isClawproofError(error)) {
    return { code: error.code, message: error.message, ...(error.pointer === undefined ? {} : { pointer: error.pointer }) };
  }
  return { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
}

function sampleInfo(): SampleInfo {
  const set = getSampleSet();
  const labels = [...set.labels.values()];
  return {
    count: set.tickets.length,
    injections: labels.filter((l) => l.injection).length,
    withCredentials: labels.filter((l) => l.credentials).length,
    languages: [...new Set(labels.map((l) => l.language))].sort(),
  };
}

function sampleLabels(): Map<number, LabTicketLabel> {
  const labels = new Map<number, LabTicketLabel>();
  for (const [id, l] of getSampleSet().labels) {
    labels.set(id, {
      category: l.category,
      injection: l.injection,
      injectedActions: l.injected_actions,
      credentials: l.credentials,
      language: l.language,
    });
  }
  return labels;
}

function limited(tickets: readonly Ticket[], limit: number | null): Ticket[] {
  return limit === null ? [...tickets] : tickets.slice(0, Math.max(1, limit));
}

async function run(request: RunRequest): Promise<void> {
  const queue = request.approvals === 'queue' ? new ApprovalQueue() : null;
  const approvals: ApprovalMode = queue === null ? request.approvals === 'auto' ? 'auto' : 'none' : { decide: queue.decide };
  if (queue !== null) void relayApprovals(queue);
  try {
    const sample = request.source.kind === 'sample';
    const tickets = sample ? limited(getSampleSet().tickets, request.source.limit) : limited(request.source.tickets, request.source.limit);
    // The published demo keyring: the demo trust root verifies what the Lab produces.
    const keyring = demoKeyring();
    const result = await runJob({
      wpc: parseStrictJson(request.wpcText),
      tickets,
      model: getModel(request.model),
      keyring,
      seed: request.seed,
      start: request.start,
      approvals,
      // What the import left out is recorded in job_start.input_skipped: nothing dropped silently.
      ...(request.source.kind === 'tickets' && request.source.skipped !== undefined ? { inputSkipped: inputSkipped(request.source.name, request.source.skipped) } : {}),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    const bytes = bundleBytes(result.bundle);
    const report = buildLabReport(result.bundle, result.summary, {
      ...(sample ? { labels: sampleLabels() } : {}),
      approvalMode: request.approvals,
      bundleBytes: bytes.byteLength,
    });
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // The same run as format v2, signed by the same demo proxy, approver and harness keys.
    const v2 = exportBundleV2(result.bundle, v2SignersOf(keyring)).bytes;
    const bufferV2 = v2.buffer.slice(v2.byteOffset, v2.byteOffset + v2.byteLength) as ArrayBuffer;
    post({ type: 'done', bytes: buffer, bytesV2: bufferV2, report }, [buffer, bufferV2]);
  } catch (error) {
    post({ type: 'failed', error: labError(error) });
  } finally {
    queue?.close();
    pending.clear();
  }
}

function inputSkipped(name: string, skipped: { readonly items: readonly SkippedItem[]; readonly count: number }): InputSkippedOption {
  return { count: skipped.count, items: skipped.items.map(({ kind, pointer, reason }) => ({ source: name, kind, pointer, reason })) };
}

/** Forwards each approval request to the page; the answer comes back as an 'answer' message. */
async function relayApprovals(queue: ApprovalQueue): Promise<void> {
  for await (const item of queue) {
    const id = nextApprovalId++;
    pending.set(id, item);
    post({ type: 'approval', id, request: item.request });
  }
}

function importExport(text: string): void {
  try {
    const result = importZendeskExport(parseStrictJson(text));
    post({ type: 'imported', result: { tickets: result.tickets, problems: result.problems, skipped: result.skipped, skippedCount: result.skippedCount } });
  } catch (error) {
    post({ type: 'import-failed', error: labError(error) });
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'describe-sample':
      post({ type: 'sample', info: sampleInfo() });
      break;
    case 'import':
      importExport(message.text);
      break;
    case 'run':
      if (running) {
        post({ type: 'failed', error: { code: 'RUN_IN_PROGRESS', message: 'a run is already in progress in this worker' } });
        return;
      }
      running = true;
      void run(message.request).finally(() => {
        running = false;
      });
      break;
    case 'answer': {
      const item = pending.get(message.id);
      if (item === undefined) return;
      pending.delete(message.id);
      if (message.answer === 'approved') item.approve();
      else item.reject();
      break;
    }
  }
};
