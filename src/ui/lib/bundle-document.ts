/**
 * The bundle as a document the report's evidence can point into: an RFC 6901 pointer (or a
 * receipt, record or approval id) resolves to what is there, with signed envelopes decoded so an
 * auditor reads the payload, not base64. For display only: the verifier has already checked it.
 */
import { base64Decode, base64urlDecode, utf8Decode } from '../../core/bytes.js';
import { parsePointer } from '../../core/pointer.js';
import { v2BytesOf } from '../../verify/v2/detect.js';
import { v2DocumentRoot } from './bundle-document-v2.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Resolved {
  readonly pointer: string;
  readonly kind: 'envelope' | 'token' | 'value' | 'missing';
  /** For envelopes: the DSSE payloadType and the key ids that signed. */
  readonly payloadType?: string;
  readonly keyids?: readonly string[];
  /** The decoded payload (envelopes, tokens) or the value at the pointer. */
  readonly value?: Json;
  /** For tokens: the JWS header. */
  readonly header?: Json;
  readonly problem?: string;
}

export type IdKind = 'receipt' | 'record' | 'approval';

export interface ModelViewItem {
  readonly pointer: string;
  readonly receiptId: string;
  readonly model: string;
  /** The redacted view exactly as the model saw it. */
  readonly view: Json;
}

const ID_FIELDS: Record<IdKind, { list: string; field: string }> = {
  receipt: { list: 'receipts', field: 'receipt_id' },
  record: { list: 'records', field: 'record_id' },
  approval: { list: 'approvals', field: 'approval_id' },
};

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEnvelope(value: unknown): value is { payloadType: string; payload: string; signatures?: { keyid?: string }[] } {
  return isObject(value) && typeof value['payloadType'] === 'string' && typeof value['payload'] === 'string';
}

function child(node: Json | undefined, token: string): Json | undefined {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(token) ? node[Number(token)] : undefined;
  if (isObject(node)) return Object.hasOwn(node, token) ? node[token] : undefined;
  return undefined;
}

function decodeJson(bytes: Uint8Array): Json {
  return JSON.parse(utf8Decode(bytes)) as Json;
}

export class BundleDocument {
  private readonly ids = new Map<IdKind, Map<string, string>>();

  private constructor(private readonly root: Json) {}

  /** Null when the bytes are neither a JSON document nor v2 JSON Lines (the report says why). */
  static fromBytes(bytes: Uint8Array): BundleDocument | null {
    try {
      const v2 = v2BytesOf(bytes, Number.MAX_SAFE_INTEGER);
      return new BundleDocument(v2 === null ? decodeJson(bytes) : (v2DocumentRoot(v2) ?? decodeJson(bytes)));
    } catch {
      return null;
    }
  }

  resolve(pointer: string): Resolved {
    const path = parsePointer(pointer);
    if (path === null) return { pointer, kind: 'missing', problem: 'This is not a JSON Pointer.' };
    let node: Json | undefined = this.root;
    for (const token of path) {
      // A pointer that continues past an envelope's own fields points into its signed payload.
      if (isEnvelope(node) && !Object.hasOwn(node, token)) {
        const payload = this.decodeEnvelope(node);
        if (payload.value === undefined) return { pointer, kind: 'missing', problem: payload.problem ?? 'The payload cannot be read.' };
        node = payload.value;
      }
      node = child(node, token);
      if (node === undefined) return { pointer, kind: 'missing', problem: 'Nothing is at this place in the bundle.' };
    }
    if (isEnvelope(node)) {
      const keyids = (node.signatures ?? []).map((s) => (typeof s?.keyid === 'string' ? s.keyid : '(no key id)'));
      const { value, problem } = this.decodeEnvelope(node);
      return {
        pointer,
        kind: 'envelope',
        payloadType: node.payloadType,
        keyids,
        ...(value === undefined ? {} : { value }),
        ...(problem === undefined ? {} : { problem }),
      };
    }
    if (pointer === '/cst' && typeof node === 'string') return { pointer, ...this.decodeToken(node) };
    return { pointer, kind: 'value', value: node };
  }

  /** The pointer of the receipt, record or approval with this id (signed payload field), or null. */
  pointerOf(kind: IdKind, id: string): string | null {
    let index = this.ids.get(kind);
    if (index === undefined) {
      index = new Map();
      const { list, field } = ID_FIELDS[kind];
      const items = isObject(this.root) ? this.root[list] : undefined;
      if (Array.isArray(items)) {
        items.forEach((item, i) => {
          // v1: a signed envelope; v2: the line's payload itself.
          if (!isEnvelope(item) && !isObject(item)) return;
          const { value } = isEnvelope(item) ? this.decodeEnvelope(item) : { value: item };
          const itemId = isObject(value) ? value[field] : undefined;
          if (typeof itemId === 'string' && !index!.has(itemId)) index!.set(itemId, `/${list}/${i}`);
        });
      }
      this.ids.set(kind, index);
    }
    return index.get(id) ?? null;
  }

  /** The redacted model views sent for a ticket, in bundle order (`model_views[i].request`). */
  modelViews(ticketId: number): ModelViewItem[] {
    const views = isObject(this.root) ? this.root['model_views'] : undefined;
    if (!Array.isArray(views)) return [];
    const found: ModelViewItem[] = [];
    views.forEach((entry, i) => {
      const request = isObject(entry) ? entry['request'] : undefined;
      if (!isObject(request) || request['ticket_id'] !== ticketId) return;
      const receiptId = isObject(entry) && typeof entry['receipt_id'] === 'string' ? entry['receipt_id'] : '';
      const model = typeof request['model'] === 'string' ? request['model'] : '';
      found.push({ pointer: `/model_views/${i}`, receiptId, model, view: request['view'] ?? null });
    });
    return found;
  }

  private decodeEnvelope(envelope: { payload: string }): { value?: Json; problem?: string } {
    try {
      return { value: decodeJson(base64Decode(envelope.payload)) };
    } catch {
      return { problem: 'The payload is not base64-encoded JSON.' };
    }
  }

  private decodeToken(token: string): { kind: 'token'; header?: Json; value?: Json; problem?: string } {
    const [header, payload] = token.split('.');
    try {
      return { kind: 'token', header: decodeJson(base64urlDecode(header ?? '')), value: decodeJson(base64urlDecode(payload ?? '')) };
    } catch {
      return { kind: 'token', problem: 'The token is not a readable compact JWS.' };
    }
  }
}
