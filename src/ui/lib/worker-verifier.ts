/**
 * The store's Verifier, backed by one long-lived Web Worker (src/ui/workers/verify-worker.ts).
 * Requests are answered in order; if the worker dies, every pending request fails with a clear
 * message and the next request starts a fresh worker.
 */
import { ClawproofError } from '../../core/errors.js';
import type { Digest } from '../../core/hash.js';
import type { TrustRoot } from '../../core/trust-root.js';
import type { PartName, PreparedBundle, ReportHead, ReportOutline, Verifier, VerifierCall, VerifierResult } from '../../store/index.js';
import type { PageMessage, VerifyRequestMessage, VerifyWorkerMessage } from '../workers/verify-protocol.js';

interface Pending {
  readonly call: VerifierCall;
  readonly resolve: (result: VerifierResult) => void;
  readonly reject: (error: Error) => void;
  /** The report's pieces as they arrive (verify-protocol.ts). */
  head?: { readonly head: ReportHead; readonly outline: ReportOutline };
  readonly pages: Map<PartName, (readonly unknown[])[]>;
}

export function createWorkerVerifier(version: string): Verifier {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const hashes = new Map<number, { readonly resolve: (digest: Digest) => void; readonly reject: (error: Error) => void }>();

  function failAll(message: string): void {
    for (const [, entry] of pending) entry.reject(new ClawproofError({ code: 'VERIFY_WORKER_FAILED', message }));
    for (const [, entry] of hashes) entry.reject(new ClawproofError({ code: 'VERIFY_WORKER_FAILED', message }));
    pending.clear();
    hashes.clear();
    worker?.terminate();
    worker = undefined;
  }

  function ensureWorker(): Worker {
    if (worker !== undefined) return worker;
    const created = new Worker(new URL('../workers/verify-worker.ts', import.meta.url), { type: 'module', name: 'clawproof-verify' });
    created.addEventListener('message', (event: MessageEvent<VerifyWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'hashed') {
        const asked = hashes.get(message.id);
        hashes.delete(message.id);
        if (message.digest !== null) asked?.resolve(message.digest as Digest);
        else asked?.reject(new ClawproofError({ code: message.code ?? 'VERIFY_WORKER_FAILED', message: message.message }));
        return;
      }
      const entry = pending.get(message.id);
      if (entry === undefined) return;
      if (message.type === 'parts') {
        entry.call.onPartsChecked?.(message.checked, message.total);
        return;
      }
      if (message.type === 'progress') {
        entry.call.onProgress?.(message.done, message.total, message.checkId);
        return;
      }
      if (message.type === 'head') {
        entry.head = { head: message.head, outline: message.outline };
        return;
      }
      if (message.type === 'page') {
        const list = entry.pages.get(message.part) ?? [];
        list[message.index] = message.items;
        entry.pages.set(message.part, list);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'error') entry.reject(new ClawproofError({ code: message.code, message: message.message }));
      else if (entry.head === undefined) entry.reject(new ClawproofError({ code: 'VERIFY_WORKER_FAILED', message: 'The verifier finished without a report. Try again.' }));
      else entry.resolve({ report: { ...entry.head, pages: entry.pages }, token: message.token, ...(message.blob === null ? {} : { blob: message.blob }) });
    });
    created.addEventListener('error', (event) => {
      event.preventDefault();
      failAll(`The verifier stopped unexpectedly${event.message ? `: ${event.message}` : ''}. Try again.`);
    });
    created.addEventListener('messageerror', () => failAll('The verifier sent a message the page could not read.'));
    worker = created;
    return created;
  }

  function send(message: PageMessage, transfer: Transferable[] = []): void {
    ensureWorker().postMessage(message, transfer);
  }

  /** Asks the worker for a digest ('hash' or 'prepare'); both are answered by a 'hashed' message. */
  function digestOf(message: (id: number) => PageMessage): Promise<{ id: number; digest: Digest }> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      hashes.set(id, { resolve: (digest) => resolve({ id, digest }), reject });
      send(message(id));
    });
  }

  function verifyIn(bytes: VerifyRequestMessage['bytes'], trustRoot: TrustRoot, call: VerifierCall, transfer: Transferable[]): Promise<VerifierResult> {
    return new Promise<VerifierResult>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { call, resolve, reject, pages: new Map() });
      send({ type: 'verify', id, bytes, trustRoot, seenTokens: [...call.seenTokens] }, transfer);
    });
  }

  return {
    version,
    async hashBlob(blob: Blob): Promise<Digest> {
      return (await digestOf((id) => ({ type: 'hash', id, blob }))).digest;
    },
    async prepare(blob: Blob): Promise<PreparedBundle> {
      // The Blob is cloned, not read, here: the worker reads and hashes it and keeps the bytes.
      const { id, digest } = await digestOf((id) => ({ type: 'prepare', id, blob }));
      const owner = worker;
      let taken = false;
      return {
        hash: digest,
        verify(trustRoot, call) {
          if (taken || worker !== owner) {
            return Promise.reject(new ClawproofError({ code: 'VERIFY_WORKER_FAILED', message: 'The verifier no longer holds the file it read. Open it again.' }));
          }
          taken = true;
          return verifyIn({ held: id }, trustRoot, call, []);
        },
        release() {
          if (taken) return;
          taken = true;
          // Only the worker that read the file holds its bytes; a fresh one holds nothing.
          if (worker !== undefined && worker === owner) worker.postMessage({ type: 'release', held: id } satisfies PageMessage);
        },
      };
    },
    verify(bytes: Uint8Array, trustRoot: TrustRoot, call: VerifierCall): Promise<VerifierResult> {
      // A copy is transferred: the caller keeps its bytes (the store saves them after verifying).
      const copy = bytes.slice();
      return verifyIn(copy, trustRoot, call, [copy.buffer]);
    },
  };
}
