/**
 * Where v2's bytes could still go (stage 1 misses the 40 % target): each candidate change applied
 * to the encoded lines' objects and re-canonicalised, so the saving printed is measured on the
 * bench's own file, not estimated. None of these is the format; docs/design/format-v2.md weighs them.
 */
import { canonicalBytes } from '../src/core/canonical.js';
import { sha256 } from '../src/core/hash.js';
import { parseStrictJson, type JsonObject } from '../src/core/json.js';

type Edit = (o: JsonObject, context: Context) => JsonObject;

interface Context {
  /** sha256 of each proposal line's bytes -> its seq. */
  readonly proposalSeq: ReadonlyMap<string, number>;
  /** The previous record's `at`, for the delta-time change. */
  previousAt: unknown;
}

const without = (o: JsonObject, ...keys: string[]): JsonObject => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k))) as JsonObject;
const isRecord = (o: JsonObject) => o['t'] === 'record';

export const WHAT_IFS: readonly { readonly id: string; readonly what: string; readonly edit: Edit }[] = [
  {
    id: 'proposal-seq',
    what: "a decision names its proposal by seq (`proposal_seq`), not by a 71-byte hash: the harness head commits both lines",
    edit: (o, c) => {
      if (!isRecord(o) || o['kind'] !== 'decision') return o;
      const hash = o['proposal_hash'];
      return { ...without(o, 'proposal_hash'), proposal_seq: typeof hash === 'string' ? c.proposalSeq.get(hash)! : null };
    },
  },
  {
    id: 'no-keyid',
    what: "signed lines' sig without keyid (the header names each role's key once; keyids are unauthenticated hints anyway)",
    edit: (o) => (typeof o['sig'] === 'object' && o['sig'] !== null ? { ...o, sig: (o['sig'] as JsonObject)['sig']! } : o),
  },
  { id: 'receipt-no-prev', what: "receipts without prev (the proxy's tree head fixes their order)", edit: (o) => (o['t'] === 'receipt' ? { ...o, payload: without(o['payload'] as JsonObject, 'prev') } : o) },
  {
    id: 'receipt-binding-in-head',
    what: "receipts without job_id, policy_hash, cst_jti, cst_hash (the proxy head says them once; a receipt alone then binds less)",
    edit: (o) => (o['t'] === 'receipt' ? { ...o, payload: without(o['payload'] as JsonObject, 'job_id', 'policy_hash', 'cst_jti', 'cst_hash') } : o),
  },
  {
    id: 'record-at-delta',
    what: "a record's at omitted when it equals the previous record's",
    edit: (o, c) => {
      if (!isRecord(o)) return o;
      const same = o['at'] === c.previousAt;
      c.previousAt = o['at'];
      return same ? without(o, 'at') : o;
    },
  },
  {
    id: 'proposal-derived',
    what: "a proposal record without its proposal object: the verifier re-derives it from the receipted response (check proposals) and compares",
    edit: (o) => (isRecord(o) && o['kind'] === 'proposal' ? without(o, 'proposal') : o),
  },
  {
    id: 'decision-args-derived',
    what: "a decision on a proposed action without args: they are the proposal's (the decision plan re-derives them)",
    edit: (o) => (isRecord(o) && o['kind'] === 'decision' && o['proposal_hash'] !== null ? without(o, 'args') : o),
  },
  {
    id: 'omit-nulls',
    what: 'null members of records omitted (approval_id, proposal_hash, degraded_*)',
    edit: (o) => (isRecord(o) ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as JsonObject) : o),
  },
  // Last: the others recognise records by t "record".
  { id: 'kind-as-t', what: "records' kind as their t (drop `\"kind\"` and `\"t\":\"record\"`)", edit: (o) => (isRecord(o) ? { ...without(o, 'kind'), t: o['kind']! } : o) },
];

/** The proposed combination that reaches the target without weakening any signed statement. */
export const COMBINED = ['kind-as-t', 'proposal-seq', 'no-keyid', 'receipt-no-prev', 'proposal-derived'] as const;

function sizeWith(objects: readonly JsonObject[], ids: readonly string[], proposalSeq: ReadonlyMap<string, number>): number {
  const edits = WHAT_IFS.filter((w) => ids.includes(w.id));
  const context: Context = { proposalSeq, previousAt: undefined };
  let bytes = 0;
  for (const o of objects) bytes += canonicalBytes(edits.reduce((acc, w) => w.edit(acc, context), o)).length + 1;
  return bytes;
}

export function whatIfSizes(lines: readonly Uint8Array[]): { readonly base: number; readonly each: readonly { id: string; what: string; bytes: number }[]; readonly combined: number } {
  const objects = lines.map((l) => parseStrictJson(l) as JsonObject);
  const proposalSeq = new Map<string, number>();
  objects.forEach((o, i) => {
    if (isRecord(o) && o['kind'] === 'proposal') proposalSeq.set(sha256(lines[i]!), o['seq'] as number);
  });
  const base = sizeWith(objects, [], proposalSeq);
  return {
    base,
    each: WHAT_IFS.map((w) => ({ id: w.id, what: w.what, bytes: sizeWith(objects, [w.id], proposalSeq) })),
    combined: sizeWith(objects, COMBINED, proposalSeq),
  };
}
