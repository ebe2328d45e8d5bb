/**
 * Messages between the page and the verification worker. Plain data only (structured clone);
 * the bundle's bytes are transferred, not copied.
 */
import type { Report } from '../../verify/report.js';
import type { SeenToken } from '../../store/index.js';

export interface VerifyRequestMessage {
  readonly type: 'verify';
  readonly id: number;
  readonly bytes: Uint8Array;
  /** The trust root as a plain object; the worker parses it again (a boundary). */
  readonly trustRoot: unknown;
  readonly seenTokens: readonly (readonly [string, string])[];
}

export type VerifyWorkerMessage =
  | { readonly type: 'parts'; readonly id: number; readonly checked: number; readonly total: number }
  | { readonly type: 'progress'; readonly id: number; readonly done: number; readonly total: number; readonly checkId: string }
  | { readonly type: 'result'; readonly id: number; readonly report: Report; readonly token: SeenToken | null }
  | { readonly type: 'error'; readonly id: number; readonly code: string; readonly message: string };
