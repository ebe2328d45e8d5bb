/**
 * How the store runs a verification. The app hands it a verifier that works in a Web Worker (the
 * page never freezes); tests and other callers may use the in-thread one.
 */
import type { Digest } from '../core/hash.js';
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
  /**
   * The bytes verified, as the Blob the Library stores (made where the verifier ran, so the page's
   * thread does not copy a large bundle); absent, the store makes it from the bytes it holds.
   */
  readonly blob?: Blob;
}

/**
 * A Blob the verifier has read and hashed where it runs (the worker), holding its bytes until they
 * are verified or let go: the hash the Library looks the bundle up by names exactly the bytes verified.
 */
export interface PreparedBundle {
  readonly hash: Digest;
  /** Verifies the bytes read (once: they are let go of after). */
  verify(trustRoot: TrustRoot, call: VerifierCall): Promise<VerifierResult>;
  /** Lets go of the bytes without verifying them (a cached report was found); safe to call twice. */
  release(): void;
}

export interface Verifier {
  /** Part of every cache key: a new verifier version verifies every bundle afresh. */
  readonly version: string;
  verify(bytes: Uint8Array, trustRoot: TrustRoot, call: VerifierCall): Promise<VerifierResult>;
  /**
   * sha256 of a stored bundle's bytes, read and hashed off the page's thread (the worker); absent
   * on verifiers that run in the calling thread, where the store hashes them itself.
   */
  readonly hashBlob?: (blob: Blob) => Promise<Digest>;
  /**
   * Reads and hashes a file the user opened off the page's thread, keeping the bytes for verify:
   * the page neither hashes nor copies a large bundle. Absent, the store reads and hashes it itself.
   */
  readonly prepare?: (blob: Blob) => Promise<PreparedBundle>;
}
