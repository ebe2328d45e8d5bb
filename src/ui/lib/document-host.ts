/**
 * The worker side of the document protocol as a plain function of a port, so a test can drive it
 * over a MessageChannel without a Worker: the first message opens the bytes, each later one is a
 * query answered from the parsed document.
 */
import type { DocumentQueries, DocumentReply, DocumentRequest } from '../workers/document-protocol.js';
import { BundleDocument } from './bundle-document.js';

export interface HostPort {
  postMessage(message: DocumentReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DocumentRequest>) => void): void;
}

function answer(doc: BundleDocument, request: Extract<DocumentRequest, { type: 'query' }>): DocumentQueries[typeof request.op]['answer'] {
  switch (request.op) {
    case 'resolve':
      return doc.resolve(request.args.pointer);
    case 'pointerOf':
      return doc.pointerOf(request.args.kind, request.args.id);
    case 'modelViews':
      return doc.modelViews(request.args.ticketId);
  }
}

export function serveDocument(port: HostPort): void {
  let doc: BundleDocument | null | undefined;
  port.addEventListener('message', ({ data }) => {
    if (data.type === 'open') {
      doc = BundleDocument.fromBytes(data.bytes);
      port.postMessage({ type: 'opened', readable: doc !== null });
      return;
    }
    if (doc === undefined || doc === null) {
      port.postMessage({ type: 'failed', id: data.id, message: doc === undefined ? 'No bundle is open.' : 'The bundle cannot be read as JSON.' });
      return;
    }
    try {
      port.postMessage({ type: 'answer', id: data.id, value: answer(doc, data) });
    } catch (cause) {
      port.postMessage({ type: 'failed', id: data.id, message: cause instanceof Error ? cause.message : String(cause) });
    }
  });
}
