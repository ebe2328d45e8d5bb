/**
 * How the store runs a verification. The app hands it a verifier that works in a Web Worker (the
 * page never freezes); tests and other callers may use the in-thread one.
 */
import type { TrustRoot } from '../core/trust-root.js';
import type { SplitReport } from './report-parts.js';
import type { SeenToken } from './seen-tokens.js';

export type ProgressListener = (done: number, total: number, checkId: string) => void;
/** Signed parts read and signature-checked so far, of all of them (before the checks run). */
export type PartsListener = (checked: number, total: number) => void;

export interface VerifierCall {
  /** jti -> job id of tokens seen in other bundles. */
  readonly seenTokens: ReadonlyMap<string, string>;
  readonly onProgress?: ProgressListener;
  readonly onPartsChecked?: PartsListener;
}

export interface VerifierResult {
  /** The report, already cut into head and pages (report-parts.ts): what is stored and shown. */
  readonly report: SplitReport;
  /** The bundle's CST jti and job id when readable (see cst-token.ts). */
  readonly token: SeenToken | null;
}

export interface Verifier {
  /** Part of every cache key: a new verifier version verifies every bundle afresh. */
  readonly version: string;
  verify(bytes: Uint8Array, trustRoot: TrustRoot, call: VerifierCall): Promise<VerifierResult>;
}
