/**
 * The messages between the Lab page and its run worker (src/ui/workers/run-worker.ts). Every
 * message is plain data (structured clone); the bundle travels as a transferred ArrayBuffer.
 */
import type { ApprovalAnswer, ApprovalRequest, RunProgress } from '../../../runtime/index.js';
import type { Ticket } from '../../../runtime/tickets/types.js';
import type { SkippedItem } from '../../../runtime/tickets/zendesk-import.js';
import type { LabReport } from './lab-report.js';

export type LabModelId = 'local' | 'compromised';
export type LabApprovalMode = 'queue' | 'auto' | 'none';

export type TicketSource =
  /** The bundled sample set; `limit` keeps the first N tickets in arrival order. */
  | { readonly kind: 'sample'; readonly limit: number | null }
  /** Tickets from the user's Zendesk export, already imported; `skipped`: what the import left out, recorded in the bundle. */
  | {
      readonly kind: 'tickets';
      readonly name: string;
      readonly tickets: readonly Ticket[];
      readonly limit: number | null;
      readonly skipped?: { readonly items: readonly SkippedItem[]; readonly count: number };
    };

export interface RunRequest {
  /** The WPC source text as edited (parsed strictly in the worker). */
  readonly wpcText: string;
  readonly source: TicketSource;
  readonly model: LabModelId;
  readonly approvals: LabApprovalMode;
  readonly seed: number;
  /** RFC 3339 UTC start of the simulated clock. */
  readonly start: string;
}

/** An error as it crosses the worker boundary: stable code, message, and where. */
export interface LabError {
  readonly code: string;
  readonly message: string;
  readonly pointer?: string;
}

export interface SampleInfo {
  readonly count: number;
  readonly injections: number;
  readonly withCredentials: number;
  readonly languages: readonly string[];
}

export interface ImportedTickets {
  readonly tickets: readonly Ticket[];
  readonly problems: readonly { readonly pointer: string; readonly message: string }[];
  /** Tickets, users and comments of the export not imported (importZendeskExport's `skipped`, `skippedCount`). */
  readonly skipped: readonly SkippedItem[];
  readonly skippedCount: number;
}

/** Imported tickets with the name of the file they came from. */
export interface ImportedSet extends ImportedTickets {
  readonly name: string;
}

export type PageMessage =
  | { readonly type: 'describe-sample' }
  | { readonly type: 'import'; readonly text: string }
  | { readonly type: 'run'; readonly request: RunRequest }
  | { readonly type: 'answer'; readonly id: number; readonly answer: ApprovalAnswer };

export type WorkerMessage =
  | { readonly type: 'sample'; readonly info: SampleInfo }
  | { readonly type: 'imported'; readonly result: ImportedTickets }
  | { readonly type: 'import-failed'; readonly error: LabError }
  | { readonly type: 'progress'; readonly progress: RunProgress }
  | { readonly type: 'approval'; readonly id: number; readonly request: ApprovalRequest }
  /** `bytes`: the bundle as format v1; `bytesV2`: the same run as format v2 (JSON Lines). */
  | { readonly type: 'done'; readonly bytes: ArrayBuffer; readonly bytesV2: ArrayBuffer; readonly report: LabReport }
  | { readonly type: 'failed'; readonly error: LabError };
