/**
 * Messages between the page and the document worker (document-worker.ts), which holds the
 * bundle parsed as the evidence inspector's document. Parsing a 50 MB bundle takes about a
 * second: on the page's thread that is a second of frozen UI the first time evidence or a
 * ticket's model views are shown, so it happens off it and only small answers come back.
 */
import type { IdKind, ModelViewItem, Resolved } from '../lib/bundle-document.js';

/** What the page can ask of an open document, and what each answers. */
export interface DocumentQueries {
  resolve: { args: { pointer: string }; answer: Resolved };
  pointerOf: { args: { kind: IdKind; id: string }; answer: string | null };
  modelViews: { args: { ticketId: number }; answer: ModelViewItem[] };
}

export type DocumentOp = keyof DocumentQueries;

export type DocumentRequest =
  | { readonly type: 'open'; readonly bytes: Uint8Array }
  | { [O in DocumentOp]: { readonly type: 'query'; readonly id: number; readonly op: O; readonly args: DocumentQueries[O]['args'] } }[DocumentOp];

export type DocumentReply =
  /** The bytes were read: `readable` is false when they are neither a JSON document nor v2 lines. */
  | { readonly type: 'opened'; readonly readable: boolean }
  | { readonly type: 'answer'; readonly id: number; readonly value: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
