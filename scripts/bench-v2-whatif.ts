/**
 * Where v2's bytes could still go: each candidate change applied to the encoded lines' objects
 * and re-canonicalised, so the saving printed is measured on the bench's own file, not estimated.
 * None of these is the format; docs/design/format-v2.md weighs them (stage 2 applied the ones that
 * weaken no signed statement: kind as t, proposal_seq, key indexes, receipts without prev, at omitted).
 */
import { canonicalBytes } from '../src/core/canonical.js';
import { parseStrictJson, type JsonObject } from '../src/core/json.js';
import { isRecordKind } from '../src/format/v2/record-line.js';

type Edit = (o: JsonObject) => JsonObject;

const without = (o: JsonObject, ...keys: string[]): JsonObject => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as JsonObject;
const isRecord = (o: JsonObject) => isRecordKind(o['t']);

export const WHAT_IFS: readonly { readonly id: string; readonly what: string; readonly edit: Edit }[] = [
  {
    id: 'receipt-binding-in-head',
    what: 'receipts without job_id, policy_hash, cst_jti, cst_hash (the proxy head says them once; a receipt alone then binds less: rejected)',
    edit: (o) => (o['t'] === 'receipt' ? { ...o, payload: without(o['payload'] as JsonObject, 'job_id', 'policy_hash', 'cst_jti', 'cst_hash') } : o),
  },
  {
    id: 'proposal-derived',
    what: "a proposal record without its proposal object: the verifier re-derives it (changes what an approval binds: not done)",
    edit: (o) => (o['t'] === 'proposal' ? without(o, 'proposal') : o),
  },
  {
    id: 'decision-args-derived',
    what: "a decision on a proposed action without args: they are the proposal's (the decision plan re-derives them)",
    edit: (o) => (o['t'] === 'decision' && o['proposal_seq'] !== null ? without(o, 'args') : o),
  },
  {
    id: 'omit-nulls',
    what: 'null members of records omitted (approval_id, proposal_seq, degraded_*)',
    edit: (o) => (isRecord(o) ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as JsonObject) : o),
  },
];

function sizeWith(objects: readonly JsonObject[], edit: Edit | undefined): number {
  let bytes = 0;
  for (const o of objects) bytes += canonicalBytes(edit === undefined ? o : edit(o)).length + 1;
  return bytes;
}

export function whatIfSizes(lines: readonly Uint8Array[]): { readonly base: number; readonly each: readonly { id: string; what: string; bytes: number }[] } {
  const objects = lines.map((l) => parseStrictJson(l) as JsonObject);
  return {
    base: sizeWith(objects, undefined),
    each: WHAT_IFS.map((w) => ({ id: w.id, what: w.what, bytes: sizeWith(objects, w.edit) })),
  };
}
