/**
 * Forging a bundle with ONE key: a single-field change, removal or duplication inside the parts
 * that key signs, then every binding that key's holder can recompute recomputed and re-signed with
 * that key only. Everything signed by another key stays byte for byte as it was.
 *
 *  - harness: records, the manifest, and the unsigned entries its manifest commits to (model views,
 *    model responses, ticket entries). Recomputed: the record chain (seq and prev), every proposal
 *    hash a later decision names, each ticket_done's after_hash, the intake / entry content_hash
 *    pair, the manifest's counts, tree size, Merkle root and created_at (job_end's time).
 *  - proxy: receipts. Recomputed: the receipt chain (seq and prev).
 *  - approver: approvals.
 * A binding is never recomputed over the mutated field itself: the forger set it on purpose.
 */
import { base64Decode, base64Encode } from '../../../src/core/bytes.js';
import { canonicalBytes } from '../../../src/core/canonical.js';
import { pae, type DsseEnvelope } from '../../../src/core/dsse.js';
import { digestOfJson, sha256 } from '../../../src/core/hash.js';
import { parseStrictJson, type JsonObject, type JsonValue } from '../../../src/core/json.js';
import { PAYLOAD_TYPES, type PayloadKind } from '../../../src/core/bundle/media-types.js';
import { bundleCounts, bundleMerkleRoot } from '../../../src/core/bundle/leaves.js';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import type { TrustRole } from '../../../src/core/trust-root.js';
import { fastSign } from './fast-sign.js';

export type ForgingRole = 'harness' | 'proxy' | 'approver';
export type Path = readonly (string | number)[];
export type ListPart = 'records' | 'receipts' | 'approvals' | 'model_views' | 'model_responses' | 'tickets';
export type Part = ListPart | 'manifest';
export type Op = 'change' | 'remove' | 'duplicate';

/** Where a mutation lands: an element of a list (path [] = the element itself) or a member inside it. */
export interface Site {
  readonly part: Part;
  readonly index: number;
  readonly path: Path;
}

export interface Mutation {
  readonly role: ForgingRole;
  readonly site: Site;
  readonly op: Op;
}

/** The bundle with every signed payload decoded, so a forger can edit it. */
export interface Decoded {
  readonly bundle: ProofBundle;
  records: JsonObject[];
  receipts: JsonObject[];
  approvals: JsonObject[];
  model_views: JsonValue[];
  model_responses: JsonValue[];
  tickets: JsonValue[];
  manifest: JsonObject;
}

export const PARTS_OF: Readonly<Record<ForgingRole, readonly Part[]>> = {
  harness: ['records', 'manifest', 'model_views', 'model_responses', 'tickets'],
  proxy: ['receipts'],
  approver: ['approvals'],
};

const payload = (e: DsseEnvelope): JsonObject => parseStrictJson(base64Decode(e.payload)) as JsonObject;

function jsonCopy(value: unknown): JsonValue[] {
  return JSON.parse(JSON.stringify(value)) as JsonValue[];
}

export function decode(bundle: ProofBundle): Decoded {
  return {
    bundle,
    records: bundle.records.map(payload),
    receipts: bundle.receipts.map(payload),
    approvals: bundle.approvals.map(payload),
    // A JSON round trip, not structuredClone: the runtime may share one object between a ticket's
    // before and after states, and a forger edits the serialised bundle, not the producer's objects.
    model_views: jsonCopy(bundle.model_views),
    model_responses: jsonCopy(bundle.model_responses),
    tickets: jsonCopy(bundle.tickets),
    manifest: payload(bundle.manifest),
  };
}

// --- signing, memoised (most envelopes of a mutant are the original ones) ----------------------

const signed = new Map<string, DsseEnvelope>();

function sign(kind: PayloadKind, role: TrustRole, value: JsonObject): { envelope: DsseEnvelope; hash: string } {
  const bytes = canonicalBytes(value);
  const b64 = base64Encode(bytes);
  const cacheKey = `${kind} ${b64}`;
  let envelope = signed.get(cacheKey);
  if (envelope === undefined) {
    const { sig, keyid } = fastSign(role, pae(PAYLOAD_TYPES[kind], bytes));
    envelope = { payloadType: PAYLOAD_TYPES[kind], payload: b64, signatures: [{ keyid, sig: base64Encode(sig) }] };
    if (signed.size > 200_000) signed.clear();
    signed.set(cacheKey, envelope);
  }
  return { envelope, hash: sha256(bytes) };
}

// --- mutations on JSON --------------------------------------------------------------------------

type Container = JsonObject | JsonValue[];

function at(root: JsonValue, path: Path): JsonValue {
  let node = root;
  for (const step of path) node = (node as Record<string | number, JsonValue>)[step]!;
  return node;
}

/** Applies `op` at `path` inside `root` (a copy is the caller's business). */
export function applyOp(root: JsonValue, path: Path, op: Op): void {
  const parent = at(root, path.slice(0, -1)) as Container;
  const key = path.at(-1)!;
  if (op === 'remove') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (op === 'duplicate') {
    (parent as JsonValue[]).splice((key as number) + 1, 0, structuredClone((parent as JsonValue[])[key as number]!));
  } else {
    (parent as Record<string | number, JsonValue>)[key] = changed((parent as Record<string | number, JsonValue>)[key]!);
  }
}

/** The next character of the same class: digits, a-f, g-z, A-Z, and the base64 (+ /) and base64url (- _) pairs. */
const CYCLES = ['0123456789', 'abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '+/', '-_'];

function nextInClass(c: string): string | null {
  for (const cycle of CYCLES) {
    const i = cycle.indexOf(c);
    if (i >= 0) return cycle[(i + 1) % cycle.length]!;
  }
  return null;
}

/** A leaf changed as little as its type allows: one character (middle), +1, negated, null -> 0. */
export function changed(value: JsonValue): JsonValue {
  if (value === null) return 0;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  if (typeof value !== 'string') return value;
  for (let i = Math.floor(value.length / 2); i >= 0; i--) {
    const next = nextInClass(value[i] ?? '');
    if (next !== null) return value.slice(0, i) + next + value.slice(i + 1);
  }
  return `${value}a`;
}

// --- forging ------------------------------------------------------------------------------------

const listOf = (d: Decoded, part: ListPart): JsonValue[] => d[part] as JsonValue[];

/** True when the binding at (part, index, path) is the mutated field or lies inside a removed one. */
function protectedField(m: Mutation, part: Part, index: number, path: Path): boolean {
  const s = m.site;
  if (s.part !== part || s.index !== index || s.path.length === 0) return false;
  return s.path.length <= path.length && s.path.every((step, i) => path[i] === step);
}

function setField(m: Mutation, value: JsonObject, part: Part, index: number, path: Path, to: JsonValue): void {
  if (protectedField(m, part, index, path)) return;
  const parent = at(value, path.slice(0, -1));
  if (parent === undefined || parent === null || typeof parent !== 'object') return;
  (parent as Record<string | number, JsonValue>)[path.at(-1)!] = to;
}

export function forge(original: Decoded, m: Mutation): ProofBundle {
  const d: Decoded = {
    bundle: original.bundle,
    records: structuredClone(original.records),
    receipts: structuredClone(original.receipts),
    approvals: structuredClone(original.approvals),
    model_views: structuredClone(original.model_views),
    model_responses: structuredClone(original.model_responses),
    tickets: structuredClone(original.tickets),
    manifest: structuredClone(original.manifest),
  };
  const s = m.site;
  if (s.part === 'manifest') applyOp(d.manifest, s.path, m.op);
  else if (s.path.length === 0) applyOp(listOf(d, s.part), [s.index], m.op);
  else applyOp(listOf(d, s.part)[s.index]!, s.path, m.op);

  if (m.role === 'harness') return forgeAsHarness(original, d, m);
  const bundle: ProofBundle = { ...original.bundle };
  if (m.role === 'proxy') {
    let prev: string | null = null;
    bundle.receipts = d.receipts.map((r, i) => {
      setField(m, r, 'receipts', i, ['seq'], i);
      setField(m, r, 'receipts', i, ['prev'], prev);
      const out = sign('receipt', 'proxy', r);
      prev = out.hash;
      return out.envelope;
    });
  } else {
    bundle.approvals = d.approvals.map((a) => sign('approval', 'approver', a).envelope);
  }
  return bundle;
}

function forgeAsHarness(original: Decoded, d: Decoded, m: Mutation): ProofBundle {
  const listShift = m.site.path.length === 0 && m.site.part === 'records';
  // Ticket entries whose after-state changed: their ticket_done must sign the new after_hash.
  const afterHashes = new Map<string, string>();
  const contentHashes = new Map<string, string>();
  original.tickets.forEach((entry, k) => {
    const now = d.tickets[k];
    if (now === undefined || m.site.part !== 'tickets' || m.site.index !== k) return;
    const was = entry as JsonObject;
    const is = now as JsonObject;
    if (was['after'] !== undefined && is['after'] !== undefined && digestOfJson(was['after']) !== digestOfJson(is['after'])) {
      afterHashes.set(digestOfJson(was['after']), digestOfJson(is['after']));
    }
    if (typeof was['content_hash'] === 'string' && typeof is['content_hash'] === 'string' && was['content_hash'] !== is['content_hash']) {
      contentHashes.set(was['content_hash'], is['content_hash']);
    }
  });
  // An intake's content_hash edited: the ticket's entry follows.
  if (m.site.part === 'records' && m.site.path[0] === 'content_hash' && m.op === 'change') {
    const was = original.records[m.site.index]!['content_hash'];
    const is = d.records[m.site.index]!['content_hash'];
    d.tickets.forEach((entry, k) => {
      const e = entry as JsonObject;
      if (typeof was === 'string' && e['content_hash'] === was) setField(m, e, 'tickets', k, ['content_hash'], is ?? null);
    });
  }

  const proposalHashes = new Map<string, string>();
  let prev: string | null = null;
  const records = d.records.map((r, i) => {
    const oldHash = i < original.records.length && !listShift ? sha256(canonicalBytes(original.records[i]!)) : null;
    setField(m, r, 'records', i, ['seq'], i);
    setField(m, r, 'records', i, ['prev'], prev);
    const ph = r['proposal_hash'];
    if (typeof ph === 'string' && proposalHashes.has(ph)) setField(m, r, 'records', i, ['proposal_hash'], proposalHashes.get(ph)!);
    const ah = r['after_hash'];
    if (typeof ah === 'string' && afterHashes.has(ah)) setField(m, r, 'records', i, ['after_hash'], afterHashes.get(ah)!);
    const ch = r['content_hash'];
    if (typeof ch === 'string' && contentHashes.has(ch)) setField(m, r, 'records', i, ['content_hash'], contentHashes.get(ch)!);
    const out = sign('record', 'harness', r);
    if (r['kind'] === 'proposal') {
      // The hash the original chain gave this proposal (by content, so a shifted list maps too).
      const before = oldHash ?? originalProposalHash(original, r);
      if (before !== null && !proposalHashes.has(before)) proposalHashes.set(before, out.hash);
    }
    prev = out.hash;
    return out.envelope;
  });

  const bundle: ProofBundle = {
    ...original.bundle,
    records,
    model_views: d.model_views as unknown as ProofBundle['model_views'],
    model_responses: d.model_responses as unknown as ProofBundle['model_responses'],
    tickets: d.tickets as unknown as ProofBundle['tickets'],
  };
  const { manifest: _m, mediaType: _t, version: _v, ...body } = bundle;
  const manifest = d.manifest;
  const counts = bundleCounts(body);
  for (const [name, n] of Object.entries(counts)) setField(m, manifest, 'manifest', 0, ['counts', name], n);
  const { root, treeSize } = bundleMerkleRoot(body);
  setField(m, manifest, 'manifest', 0, ['tree_size'], treeSize);
  setField(m, manifest, 'manifest', 0, ['merkle_root'], root);
  const end = d.records.at(-1);
  if (end?.['kind'] === 'job_end' && typeof end['at'] === 'string') setField(m, manifest, 'manifest', 0, ['created_at'], end['at']);
  bundle.manifest = sign('manifest', 'harness', manifest).envelope;
  return bundle;
}

/** For a proposal moved by a list edit: the original proposal record with the same ticket and content. */
function originalProposalHash(original: Decoded, r: JsonObject): string | null {
  const same = original.records.find((o) => o['kind'] === 'proposal' && o['ticket_id'] === r['ticket_id'] && o['record_id'] === r['record_id']);
  return same === undefined ? null : sha256(canonicalBytes(same));
}

// --- enumerating the mutations of one key --------------------------------------------------------

/** Every single-field change, removal and duplication inside the parts `role` signs. */
export function mutationsOf(d: Decoded, role: ForgingRole): Mutation[] {
  const out: Mutation[] = [];
  for (const part of PARTS_OF[role]) {
    if (part === 'manifest') {
      for (const [path, op] of nodeOps(d.manifest, [])) out.push({ role, site: { part, index: 0, path }, op });
      continue;
    }
    listOf(d, part).forEach((element, index) => {
      out.push({ role, site: { part, index, path: [] }, op: 'remove' }, { role, site: { part, index, path: [] }, op: 'duplicate' });
      for (const [path, op] of nodeOps(element, [])) out.push({ role, site: { part, index, path }, op });
    });
  }
  return out;
}

/** Every removal, duplication (array elements) and leaf change inside `value`, at paths under `path`. */
export function* nodeOps(value: JsonValue, path: Path): Generator<[Path, Op]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = [...path, i];
      yield [p, 'remove'];
      yield [p, 'duplicate'];
      yield* childOps(value[i]!, p);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = [...path, k];
      yield [p, 'remove'];
      yield* childOps(v, p);
    }
  }
}

function* childOps(value: JsonValue, path: Path): Generator<[Path, Op]> {
  if (value === null || typeof value !== 'object') yield [path, 'change'];
  else yield* nodeOps(value, path);
}

/** `/records/12/proposal/actions/0/args` style name of a mutation's site. */
export function siteName(s: Site): string {
  const esc = (p: string | number) => String(p).replaceAll('~', '~0').replaceAll('/', '~1');
  const head = s.part === 'manifest' ? '/manifest' : `/${s.part}/${s.index}`;
  return head + s.path.map((p) => `/${esc(p)}`).join('');
}
