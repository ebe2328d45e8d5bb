/**
 * Messages between the page and the verification worker. Plain data only (structured clone);
 * bytes in memory are transferred, not copied; a file the user chose goes as its Blob (a cheap
 * clone), which the worker reads and hashes ('prepare') and holds until it verifies or releases it.
 */
import type { PartName, ReportHead, ReportOutline, SeenToken } from '../../store/index.js';

export interface VerifyRequestMessage {
  readonly type: 'verify';
  readonly id: number;
  /** The bytes, or the id of the prepare request whose bytes the worker holds. */
  readonly bytes: Uint8Array | { readonly held: number };
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

/** Read and hash a file the user chose, and hold its bytes for a later 'verify' (or 'release'). */
export interface PrepareRequestMessage {
  readonly type: 'prepare';
  readonly id: number;
  readonly blob: Blob;
}

/** Let go of the bytes a 'prepare' holds (the Library had a report, or opening failed). */
export interface ReleaseMessage {
  readonly type: 'release';
  readonly held: number;
}

export type PageMessage = VerifyRequestMessage | HashRequestMessage | PrepareRequestMessage | ReleaseMessage;

export type VerifyWorkerMessage =
  // The answer to 'hash' and to 'prepare'; code says why there is no digest (FILE_UNREADABLE).
  | { readonly type: 'hashed'; readonly id: number; readonly digest: string | null; readonly message: string; readonly code?: string }
  | { readonly type: 'parts'; readonly id: number; readonly checked: number; readonly total: number }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly checkId: string }
  // The report comes in pieces (report-parts.ts), each its own message: the page's thread reads
  // one small structured clone per task instead of the whole report in one long task.
  | { readonly type: 'head'; readonly id: number; readonly head: ReportHead; readonly outline: ReportOutline }
  | { readonly type: 'page'; readonly id: number; readonly part: PartName; readonly index: number; readonly items: readonly unknown[] }
  // blob: what the Library stores, made of bytes sent in memory; null for held bytes (the page stores its own Blob).
  | { readonly type: 'result'; readonly id: number; readonly token: SeenToken | null; readonly blob: Blob | null }
  | { readonly type: 'error'; readonly id: number; readonly code: string; readonly message: string };
