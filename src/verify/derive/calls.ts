/**
 * The model calls of each ticket as the PROXY signed them: its signed receipts in chain order,
 * each with the response and view the bundle carries for it, kept only when they are the
 * receipted ones (their digest is the receipt's response_hash / request_hash). Built once per
 * context and shared by the checks that re-derive what the harness did with those answers.
 */
import type { JsonObject } from '../../core/json.js';
import type { ReceiptPayload, TicketId } from '../../core/bundle/types.js';
import type { VerifyContext } from '../context.js';
import { recordIndex, type Indexed } from '../diff/records.js';
import { entryDigest } from './digests.js';

export interface TicketCall {
  readonly receipt: Indexed<ReceiptPayload>;
  /** The receipted response; null when the bundle's entry is missing or is not the one receipted. */
  readonly response: JsonObject | null;
  /** The receipted model view; null likewise. */
  readonly view: JsonObject | null;
}

const cache = new WeakMap<VerifyContext, ReadonlyMap<TicketId, readonly TicketCall[]>>();

/**
 * Why the signed receipts may not be all the calls there were (an envelope that did not verify or
 * could not be read, a gap or a swap in the chain), or null when the chain is whole. A check that
 * re-derives from the calls then says it cannot, instead of blaming the harness for a gap the
 * receipts check reports.
 */
export function receiptGap(ctx: VerifyContext): string | null {
  if (ctx.v2 !== undefined && !ctx.v2.proxyHead.holds) return 'the proxy tree head does not vouch for exactly these receipts (see receipts)';
  return chainGap(ctx.receipts, 'receipt', ctx.v2 === undefined);
}

/** The same for the record chain. */
export function recordGap(ctx: VerifyContext): string | null {
  return chainGap(ctx.records, 'record', ctx.v2 === undefined);
}

/** `chained`: v1, whose parts name their predecessor by `prev`; in v2 the tree heads fix the order instead. */
function chainGap(views: VerifyContext['receipts'] | VerifyContext['records'], what: string, chained: boolean): string | null {
  for (const [i, view] of views.entries()) {
    const p = view.payload;
    if (p === null || !view.signatureOk) return `${what} ${view.pointer} could not be verified and read (see ${what}s)`;
    const prev = i === 0 ? null : views[i - 1]!.payloadHash;
    if (p.seq !== i || (chained && p.prev !== prev)) return `the ${what} chain is broken at ${view.pointer} (see ${what === 'receipt' ? 'receipts' : 'decisions'})`;
  }
  return null;
}

export function ticketCalls(ctx: VerifyContext): ReadonlyMap<TicketId, readonly TicketCall[]> {
  let calls = cache.get(ctx);
  if (calls === undefined) {
    calls = buildCalls(ctx);
    cache.set(ctx, calls);
  }
  return calls;
}

function buildCalls(ctx: VerifyContext): Map<TicketId, TicketCall[]> {
  const byTicket = new Map<TicketId, TicketCall[]>();
  for (const receipt of recordIndex(ctx).receipts) {
    const r = receipt.payload;
    const responseItem = ctx.items.modelResponses[receipt.index]?.value;
    const viewItem = ctx.items.modelViews[receipt.index]?.value;
    const response = responseItem?.receipt_id === r.receipt_id && entryDigest(responseItem.response) === r.response_hash ? responseItem.response : null;
    const view =
      viewItem?.receipt_id === r.receipt_id && viewItem.request.ticket_id === r.ticket_id && entryDigest(viewItem.request) === r.request_hash ? viewItem.request.view : null;
    const list = byTicket.get(r.ticket_id);
    const call = { receipt, response, view };
    if (list === undefined) byTicket.set(r.ticket_id, [call]);
    else list.push(call);
  }
  return byTicket;
}
