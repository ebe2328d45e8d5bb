/**
 * The page's handle on a bundle document parsed in the document worker: the same questions as
 * BundleDocument (resolve a pointer, find an id, a ticket's model views), answered asynchronously.
 * A worker that fails or is closed rejects what is still asked of it; nothing is left waiting.
 */
import type { DocumentOp, DocumentQueries, DocumentReply, DocumentRequest } from '../workers/document-protocol.js';
import type { IdKind, ModelViewItem, Resolved } from './bundle-document.js';

/** A Worker, or one end of a MessageChannel in a test. */
export interface ClientPort {
  postMessage(message: DocumentRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DocumentReply>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  close(): void;
}

export interface DocumentReader {
  resolve(pointer: string): Promise<Resolved>;
  pointerOf(kind: IdKind, id: string): Promise<string | null>;
  modelViews(ticketId: number): Promise<ModelViewItem[]>;
  /** Ends the worker; what is still asked is rejected. */
  close(): void;
}

function workerPort(): ClientPort {
  // The literal `new Worker(new URL(..., import.meta.url))` form is what Vite bundles as a worker.
  const worker = new Worker(new URL('../workers/document-worker.ts', import.meta.url), { type: 'module', name: 'clawproof-document' });
  return Object.assign(worker, { close: () => worker.terminate() });
}

/**
 * Opens `bytes` as a document off this thread. Null when they are neither a JSON document nor v2
 * lines (the report already says why); rejects if the worker cannot start. The bytes are copied
 * to the worker (structured clone), so the caller's copy stays usable.
 */
export function openDocument(bytes: Uint8Array, port: ClientPort = workerPort()): Promise<DocumentReader | null> {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (cause: Error) => void }>();
  let nextId = 0;
  let ended: Error | null = null;
  let opened: { resolve: (readable: boolean) => void; reject: (cause: Error) => void } | null = null;

  const end = (cause: Error) => {
    if (ended !== null) return;
    ended = cause;
    opened?.reject(cause);
    for (const waiting of pending.values()) waiting.reject(cause);
    pending.clear();
    port.close();
  };
  port.addEventListener('message', ({ data }) => {
    if (data.type === 'opened') return opened?.resolve(data.readable);
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (data.type === 'answer') waiting?.resolve(data.value);
    else waiting?.reject(new Error(data.message));
  });
  const failed = () => end(new Error('The bundle document could not be read in its worker.'));
  port.addEventListener('error', failed);
  port.addEventListener('messageerror', failed);

  function ask<O extends DocumentOp>(op: O, args: DocumentQueries[O]['args']): Promise<DocumentQueries[O]['answer']> {
    if (ended !== null) return Promise.reject(ended);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      port.postMessage({ type: 'query', id, op, args } as DocumentRequest);
    });
  }

  const reader: DocumentReader = {
    resolve: (pointer) => ask('resolve', { pointer }),
    pointerOf: (kind, id) => ask('pointerOf', { kind, id }),
    modelViews: (ticketId) => ask('modelViews', { ticketId }),
    close: () => end(new Error('The bundle document was closed.')),
  };
  return new Promise<boolean>((resolve, reject) => {
    opened = { resolve, reject };
    port.postMessage({ type: 'open', bytes });
  }).then((readable) => {
    opened = null;
    if (readable) return reader;
    reader.close();
    return null;
  });
}
