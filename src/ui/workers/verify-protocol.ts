/**
 * Messages between the page and the verification worker. Plain data only (structured clone);
 * the bundle's bytes are transferred, not copied.
 */
import type { PartName, ReportHead, ReportOutline, SeenToken } from '../../store/index.js';

export interface VerifyRequestMessage {
  readonly type: 'verify';
  readonly id: number;
  readonly bytes: Uint8Array;
  /** The trust root as a plain object; the worker parses it again (a boundary). */
  readonly trustRoot: unknown;
  readonly seenTokens: readonly (readonly [string, string])[];
}

/** sha256 of a stored bundle's Blob, read and hashed in the worker (store/bundles.ts checkBundleBytes). */
export interface HashRequestMessage {
  readonly type: 'hash';
  readonly id: number;
  readonly blob: Blob;
}

export type VerifyWorkerMessage =
  | { readonly type: 'hashed'; readonly id: number; readonly digest: string | null; readonly message: string }
  | { readonly type: 'parts'; readonly id: number; readonly checked: number; readonly total: number }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly checkId: string }
  // The report comes in pieces (report-parts.ts), each its own message: the page's thread reads
  // one small structured clone per task instead of the whole report in one long task.
  | { readonly type: 'head'; readonly id: number; readonly head: ReportHead; readonly outline: ReportOutline }
  | { readonly type: 'page'; readonly id: number; readonly part: PartName; readonly index: number; readonly items: readonly unknown[] }
  | { readonly type: 'result'; readonly id: number; readonly token: SeenToken | null; readonly blob: Blob }
  | { readonly type: 'error'; readonly id: number; readonly code: string; readonly message: string };
