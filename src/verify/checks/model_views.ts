/**
 * model_views: what the model saw and said is what the proxy receipted. Every receipt has exactly
 * one model view and one response (paired by receipt_id, at the receipt's own index); the view's request hashes (sha256 of its
 * RFC 8785 bytes) to the receipt's request_hash and the response to its response_hash; the view
 * names the receipt's ticket and model. A view or response no receipt vouches for is an orphan.
 * All calls of one ticket send the same view (a retry resends it).
 */
import { entryDigest } from '../derive/digests.js';
import type { ModelResponseEntry, ModelViewEntry } from '../../core/bundle/types.js';
import type { ItemView, VerifyContext } from '../context.js';
import type { CheckIssue, CheckResult, Evidence } from '../report.js';
import { partEvidence } from './evidence.js';
import { checkResult, failIssue, plural } from './result.js';

export function checkModelViews(ctx: VerifyContext): CheckResult {
  const issues: CheckIssue[] = [];
  const views = byReceipt(ctx.items.modelViews);
  const responses = byReceipt(ctx.items.modelResponses);
  const receiptIds = new Set<string>();
  let paired = 0;
  for (const receipt of ctx.receipts) {
    const r = receipt.payload;
    if (r === null) continue; // its own problem is reported by receipts and trust
    receiptIds.add(r.receipt_id);
    const ev = (extra: Evidence = {}) => partEvidence(receipt, extra);
    const v = views.get(r.receipt_id) ?? [];
    const s = responses.get(r.receipt_id) ?? [];
    if (v.length === 0) issues.push(failIssue('MODEL_VIEW_MISSING', `receipt ${r.receipt_id} has no model view: what the model was sent is not in the bundle`, ev()));
    if (v.length > 1) issues.push(failIssue('MODEL_VIEW_DUPLICATE', `receipt ${r.receipt_id} has ${v.length} model views; exactly one is allowed`, ev(), ...v.map((x) => ({ pointer: x.pointer }))));
    if (s.length === 0) issues.push(failIssue('MODEL_RESPONSE_MISSING', `receipt ${r.receipt_id} has no model response`, ev()));
    if (s.length > 1) issues.push(failIssue('MODEL_RESPONSE_DUPLICATE', `receipt ${r.receipt_id} has ${s.length} model responses; exactly one is allowed`, ev(), ...s.map((x) => ({ pointer: x.pointer }))));
    const view = v.length === 1 ? v[0]! : undefined;
    const response = s.length === 1 ? s[0]! : undefined;
    if (view?.value != null) {
      const request = view.value.request;
      const hash = entryDigest(request) ?? 'not JSON data';
      if (hash !== r.request_hash) {
        issues.push(
          failIssue('MODEL_VIEW_HASH_MISMATCH', `the model view of receipt ${r.receipt_id} is not what the proxy receipted: its request hashes to ${hash}`, {
            pointer: `${view.pointer}/request`,
            receiptId: r.receipt_id,
            expected: r.request_hash,
            actual: hash,
          }),
        );
      }
      if (request.ticket_id !== r.ticket_id || request.model !== r.model) {
        issues.push(
          failIssue('MODEL_VIEW_BINDING_MISMATCH', `the model view of receipt ${r.receipt_id} names ticket ${request.ticket_id} and model ${request.model}; the receipt names ticket ${r.ticket_id} and model ${r.model}`, {
            pointer: `${view.pointer}/request`,
            receiptId: r.receipt_id,
            expected: `${r.ticket_id} ${r.model}`,
            actual: `${request.ticket_id} ${request.model}`,
          }),
        );
      }
    }
    if (response?.value != null) {
      const hash = entryDigest(response.value.response) ?? 'not JSON data';
      if (hash !== r.response_hash) {
        issues.push(
          failIssue('MODEL_RESPONSE_HASH_MISMATCH', `the model response of receipt ${r.receipt_id} is not what the proxy receipted: it hashes to ${hash}`, {
            pointer: `${response.pointer}/response`,
            receiptId: r.receipt_id,
            expected: r.response_hash,
            actual: hash,
          }),
        );
      }
    }
    if (view?.value != null && response?.value != null) paired++;
    // model_views[i] and model_responses[i] belong to receipts[i] (the format fixes the order).
    for (const [label, item] of [
      ['model view', view],
      ['model response', response],
    ] as const) {
      if (item !== undefined && item.index !== receipt.index) {
        issues.push(failIssue('MODEL_VIEW_MISPLACED', `the ${label} of receipt ${r.receipt_id} is at ${item.pointer}; it belongs at index ${receipt.index}, with its receipt`, { pointer: item.pointer, receiptId: r.receipt_id, expected: String(receipt.index), actual: String(item.index) }));
      }
    }
  }
  issues.push(...retryViewIssues(ctx));
  // Orphans can only be told apart when every receipt could be read.
  if (ctx.receipts.every((r) => r.payload !== null)) {
    for (const [label, items] of [
      ['model view', ctx.items.modelViews],
      ['model response', ctx.items.modelResponses],
    ] as const) {
      for (const item of items) {
        if (item.value !== null && !receiptIds.has(item.value.receipt_id)) {
          const code = label === 'model view' ? 'MODEL_VIEW_ORPHAN' : 'MODEL_RESPONSE_ORPHAN';
          issues.push(failIssue(code, `the ${label} at ${item.pointer} names receipt ${item.value.receipt_id}, which is not in the bundle: no receipt vouches for it`, { pointer: item.pointer, receiptId: item.value.receipt_id }));
        }
      }
    }
  }
  const evidence: Evidence[] = [{ pointer: '/model_views', note: `${plural(ctx.items.modelViews.length, 'model view')}, ${plural(ctx.items.modelResponses.length, 'response')}` }];
  const message =
    issues.length === 0
      ? `Every receipt (${paired}) has exactly one model view and one response, and both hash to what the receipt says.`
      : `${plural(issues.length, 'problem')} pairing model views and responses with their receipts.`;
  return checkResult('model_views', issues, evidence, message);
}

function byReceipt<T extends ModelViewEntry | ModelResponseEntry>(items: readonly ItemView<T>[]): Map<string, ItemView<T>[]> {
  const map = new Map<string, ItemView<T>[]>();
  for (const item of items) {
    if (item.value === null) continue;
    const list = map.get(item.value.receipt_id) ?? [];
    list.push(item);
    map.set(item.value.receipt_id, list);
  }
  return map;
}

/**
 * A retry resends the ticket's one redacted view (the harness redacts once, at intake): every
 * receipt of a ticket names the same request_hash. Otherwise the redaction record would describe
 * only one of the views the model was sent.
 */
export function retryViewIssues(ctx: VerifyContext): CheckIssue[] {
  const first = new Map<number, { hash: string; receiptId: string; pointer: string }>();
  const issues: CheckIssue[] = [];
  for (const receipt of ctx.receipts) {
    const r = receipt.payload;
    if (r === null || !receipt.signatureOk) continue;
    const seen = first.get(r.ticket_id);
    if (seen === undefined) first.set(r.ticket_id, { hash: r.request_hash, receiptId: r.receipt_id, pointer: receipt.pointer });
    else if (seen.hash !== r.request_hash) {
      issues.push(
        failIssue(
          'MODEL_VIEW_INCONSISTENT',
          `Ticket ${r.ticket_id}: model call ${r.receipt_id} sent another view than ${seen.receiptId}; a retry resends the view redacted at intake`,
          partEvidence(receipt, { payloadPointer: '/request_hash', expected: seen.hash, actual: r.request_hash }),
          { pointer: seen.pointer, receiptId: seen.receiptId },
        ),
      );
    }
  }
  return issues;
}
