/**
 * Forging a v2 file with ONE key (docs/design/format-v2.md): a single-field change, removal or
 * duplication inside the lines that key's holder writes, then every binding that holder can
 * recompute recomputed and re-signed with that key only. Every other line stays byte for byte.
 *
 *  - harness: the header, the record lines (job_start ... job_end), the view, response and ticket
 *    lines, and its tree head's payload. Recomputed: record seqs, each decision's proposal_seq that
 *    named a moved proposal, each ticket_done's after_hash, the intake / ticket content_hash pair,
 *    the `at` spelling rule (a record whose at equals the previous record's omits it, proposals
 *    excepted), the header's counts and max_line_bytes, and its tree head (size, root, `at` from
 *    job_end), re-signed. It cannot re-sign receipts, approvals, the proxy head, the WPC, the CST.
 *  - proxy: receipt payloads and its tree head's payload. Recomputed: receipt seqs, every receipt's
 *    signature and its head (size, root) over the receipt lines. The harness head stays as it was.
 *  - approver: approval payloads, each approval re-signed.
 * A binding is never recomputed over the mutated field itself: the forger set it on purpose.
 *
 * Records are edited in their restored form (every record has its `at`, as the reader hands it
 * on), so changing a record's time changes that record's only; removing a stated `at` makes it
 * the previous record's time (what omitting it means), except on the first record and on a
 * proposal, which must state it: there it is removed and the reader must refuse the line.
 */
import { base64Encode, hexEncode } from '../../../../src/core/bytes.js';
import { canonicalBytes } from '../../../../src/core/canonical.js';
import { pae } from '../../../../src/core/dsse.js';
import { digestOfJson } from '../../../../src/core/hash.js';
import { parseStrictJson, type JsonObject, type JsonValue } from '../../../../src/core/json.js';
import { CompactMerkleTree } from '../../../../src/core/merkle-compact.js';
import { PAYLOAD_TYPES } from '../../../../src/core/bundle/media-types.js';
import { COUNTED_LINE_TYPES } from '../../../../src/format/v2/line.js';
import { TREE_HEAD_PAYLOAD_TYPE } from '../../../../src/format/v2/media-types.js';
import { isRecordKind } from '../../../../src/format/v2/record-line.js';
import { splitLineSignature } from '../../../../src/format/v2/sign-line.js';
import type { TrustRole } from '../../../../src/core/trust-root.js';
import { fastSign } from '../../key-separation/fast-sign.js';
import { applyOp, nodeOps, type ForgingRole, type Op, type Path } from '../../key-separation/forge.js';

/** Where a mutation lands: line `line` (0-based, in the original file), `path` inside its object ([] = the line itself). */
export interface SiteV2 {
  readonly line: number;
  readonly path: Path;
}

export interface MutationV2 {
  readonly role: ForgingRole;
  readonly site: SiteV2;
  readonly op: Op;
}

/** The file's lines, and each as an object (records with `at` restored, as the reader hands them on). */
export interface DecodedV2 {
  readonly lines: readonly Uint8Array[];
  readonly objects: readonly JsonObject[];
}

export function decodeV2(lines: readonly Uint8Array[]): DecodedV2 {
  let previousAt: JsonValue | undefined;
  const objects = lines.map((l) => {
    const o = parseStrictJson(l) as JsonObject;
    if (!isRecordKind(o['t'])) return o;
    if (o['at'] === undefined) return { ...o, at: previousAt! };
    previousAt = o['at'];
    return o;
  });
  return { lines, objects };
}

const isHead = (o: JsonObject, service: string): boolean => o['t'] === 'tree_head' && (o['payload'] as JsonObject)['service'] === service;

/** The line kinds each key's holder writes; for a signed line only its payload is edited. */
function writes(role: ForgingRole, o: JsonObject): 'line' | 'payload' | null {
  const t = o['t'];
  if (role === 'harness') {
    if (t === 'header' || t === 'view' || t === 'response' || t === 'ticket' || isRecordKind(t)) return 'line';
    return isHead(o, 'harness') ? 'payload' : null;
  }
  if (role === 'proxy') return t === 'receipt' || isHead(o, 'proxy') ? 'payload' : null;
  return t === 'approval' ? 'payload' : null;
}

/** Every single-field change, removal and duplication inside the lines `role` writes (a head's payload only, never the head itself). */
export function mutationsOfV2(d: DecodedV2, role: ForgingRole): MutationV2[] {
  const out: MutationV2[] = [];
  d.objects.forEach((o, line) => {
    const what = writes(role, o);
    if (what === null) return;
    if (o['t'] !== 'tree_head') out.push({ role, site: { line, path: [] }, op: 'remove' }, { role, site: { line, path: [] }, op: 'duplicate' });
    const [root, base]: [JsonValue, Path] = what === 'line' ? [o, []] : [o['payload']!, ['payload']];
    for (const [path, op] of nodeOps(root, base)) {
      // Removing a time the line does not state changes nothing: it already is the previous record's.
      if (op === 'remove' && path.length === 1 && path[0] === 'at' && isRecordKind(o['t']) && !statesAt(d.lines[line]!)) continue;
      out.push({ role, site: { line, path }, op });
    }
  });
  return out;
}

/** `change line 57 (decision) /outcome` style name of a mutation. */
export function mutationName(d: DecodedV2, m: MutationV2): string {
  const esc = (p: string | number) => String(p).replaceAll('~', '~0').replaceAll('/', '~1');
  return `${m.op} line ${m.site.line + 1} (${String(d.objects[m.site.line]!['t'])}) /${m.site.path.map(esc).join('/')}`;
}

// --- forging ------------------------------------------------------------------------------------

/** A line being forged, with the index of the original line it came from (a duplicate shares it). */
interface Item {
  o: JsonObject;
  readonly from: number;
}

function walk(root: JsonValue, path: Path): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const step of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, JsonValue>)[step];
  }
  return node;
}

/** True when (line, path) is the mutated field or lies inside it. */
function protectedField(m: MutationV2 | null, line: number, path: Path): boolean {
  if (m === null) return false;
  const s = m.site;
  if (s.line !== line || s.path.length === 0) return false;
  return s.path.length <= path.length && s.path.every((step, i) => path[i] === step);
}

/** Sets a binding the forger recomputes, unless it is the mutated field or inside it. */
function setField(m: MutationV2 | null, item: Item, path: Path, to: JsonValue): void {
  if (protectedField(m, item.from, path)) return;
  const parent = walk(item.o, path.slice(0, -1));
  if (parent === undefined || parent === null || typeof parent !== 'object') return;
  (parent as Record<string | number, JsonValue>)[path.at(-1)!] = to;
}

export function forgeV2(original: DecodedV2, m: MutationV2): Uint8Array[] {
  const items: Item[] = original.objects.map((o, from) => ({ o: structuredClone(o), from }));
  const s = m.site;
  const target = items[s.line]!.o;
  // A duplicate line is a deep copy with the same `from`.
  if (s.path.length === 0) applyOp(items as unknown as JsonValue[], [s.line], m.op);
  else if (s.path.length === 1 && s.path[0] === 'at' && m.op === 'remove' && isRecordKind(target['t'])) removeAt(items, s.line);
  else applyOp(target, s.path, m.op);

  return sealAs(m.role, original, items, m);
}

/** The untouched file re-sealed by `role` as a forger would: the same bytes, if the forger recomputes every binding as the encoder did. */
export function resealV2(original: DecodedV2, role: ForgingRole): Uint8Array[] {
  return sealAs(role, original, original.objects.map((o, from) => ({ o: structuredClone(o), from })), null);
}

function sealAs(role: ForgingRole, original: DecodedV2, items: Item[], m: MutationV2 | null): Uint8Array[] {
  if (role === 'harness') return forgeAsHarness(original, items, m);
  const resign = role === 'proxy' ? 'receipt' : 'approval';
  let receipts = 0;
  for (const item of items) {
    if (item.o['t'] !== resign) continue;
    if (resign === 'receipt') setField(m, item, ['payload', 'seq'], receipts++);
    item.o['sig'] = lineSignature(role, PAYLOAD_TYPES[resign], item.o['payload']!, item.o['sig'] as string);
  }
  if (role === 'proxy') {
    const tree = new CompactMerkleTree();
    for (const item of items) if (item.o['t'] === 'receipt') tree.appendData(canonicalBytes(item.o));
    sealHead(m, items.at(-2)!, 'proxy', tree);
  }
  // Records untouched: as written (the objects hold them with their times restored).
  return items.map((i) => (isRecordKind(i.o['t']) ? original.lines[i.from]! : canonicalBytes(i.o)));
}

function statesAt(line: Uint8Array): boolean {
  return (parseStrictJson(line) as JsonObject)['at'] !== undefined;
}

/** A record's `at` omitted: it is the previous record's then; the first record has none to take, and a proposal must state it. */
function removeAt(items: Item[], line: number): void {
  const previous = items.slice(0, line).findLast((i) => isRecordKind(i.o['t']));
  if (previous === undefined || items[line]!.o['t'] === 'proposal') delete items[line]!.o['at'];
  else items[line]!.o['at'] = previous.o['at']!;
}

function forgeAsHarness(original: DecodedV2, items: Item[], m: MutationV2 | null): Uint8Array[] {
  const s = m?.site ?? { line: 0, path: [] };
  const before = original.objects[s.line]!;
  const after = items.find((i) => i.from === s.line)?.o;
  const fieldEdit = s.path.length > 0 && after !== undefined;

  // A ticket line's after-state or content_hash edited: its ticket_done / intake follow.
  const afterHashes = new Map<string, string>();
  const contentHashes = new Map<string, string>();
  if (fieldEdit && before['t'] === 'ticket') {
    if (after['after'] !== undefined && digestOfJson(before['after']) !== digestOfJson(after['after'])) afterHashes.set(digestOfJson(before['after']), digestOfJson(after['after']));
    const [was, is] = [before['content_hash'], after['content_hash']];
    if (typeof was === 'string' && typeof is === 'string' && was !== is) contentHashes.set(was, is);
  }
  // An intake's content_hash edited: the ticket's line follows.
  if (fieldEdit && before['t'] === 'intake' && s.path[0] === 'content_hash' && m?.op === 'change') {
    for (const item of items) if (item.o['t'] === 'ticket' && item.o['content_hash'] === before['content_hash']) setField(m, item, ['content_hash'], after['content_hash']!);
  }

  // Records renumbered; each moved proposal's new seq (the first copy of a duplicate keeps the decisions).
  const records = items.filter((i) => isRecordKind(i.o['t']));
  const newSeq = new Map<number, number>();
  records.forEach((item, k) => {
    const was = original.objects[item.from]!['seq'] as number;
    if (!newSeq.has(was)) newSeq.set(was, k);
    setField(m, item, ['seq'], k);
  });
  let previousAt: JsonValue | undefined;
  for (const item of records) {
    const r = item.o;
    const named = r['proposal_seq'];
    if (r['t'] === 'decision' && typeof named === 'number' && newSeq.has(named)) setField(m, item, ['proposal_seq'], newSeq.get(named)!);
    const ah = r['after_hash'];
    if (r['t'] === 'ticket_done' && typeof ah === 'string' && afterHashes.has(ah)) setField(m, item, ['after_hash'], afterHashes.get(ah)!);
    const ch = r['content_hash'];
    if (r['t'] === 'intake' && typeof ch === 'string' && contentHashes.has(ch)) setField(m, item, ['content_hash'], contentHashes.get(ch)!);
    // One spelling: a time equal to the previous record's is left out (a proposal always states it).
    const at = r['at'];
    if (at !== undefined && at === previousAt && r['t'] !== 'proposal') delete r['at'];
    if (at !== undefined) previousAt = at;
  }

  // The header: counts and the longest line, from the lines present.
  // The heads are never removed nor duplicated: the file ends with the proxy's, then the harness's.
  const body = items.slice(0, -2);
  const heads = items.slice(-2);
  const counts: Record<string, number> = { receipts: 0, records: 0, approvals: 0, model_views: 0, model_responses: 0, tickets: 0 };
  for (const item of body) {
    const key = (COUNTED_LINE_TYPES as Record<string, string>)[item.o['t'] as string];
    if (key !== undefined) counts[key]! += 1;
  }
  const headers = body.filter((i) => i.o['t'] === 'header');
  for (const header of headers) for (const [name, n] of Object.entries(counts)) setField(m, header, ['counts', name], n);
  const harnessHead = items.at(-1)!;
  const end = records.at(-1)?.o;
  if (end?.['t'] === 'job_end') setField(m, harnessHead, ['payload', 'at'], restoredAt(records));
  // The head's length does not depend on its root or signature: size it before the header is final.
  setField(m, harnessHead, ['payload', 'size'], body.length);
  const headBytes = heads.map((i) => canonicalBytes(i.o).length);
  const others = body.filter((i) => i.o['t'] !== 'header').map((i) => canonicalBytes(i.o).length);
  const longest = Math.max(...others, ...headBytes);
  for (const header of headers) {
    for (let tries = 0; tries < 4; tries++) {
      setField(m, header, ['max_line_bytes'], Math.max(longest, canonicalBytes(header.o).length));
      if (canonicalBytes(header.o).length <= (header.o['max_line_bytes'] as number)) break;
    }
  }
  const tree = new CompactMerkleTree();
  const out = body.map((i) => canonicalBytes(i.o));
  for (const line of out) tree.appendData(line);
  sealHead(m, harnessHead, 'harness', tree);
  return [...out, ...heads.map((i) => canonicalBytes(i.o))];
}

/** job_end's time as the reader restores it (the last record that states one). */
function restoredAt(records: readonly Item[]): JsonValue {
  return records.findLast((i) => i.o['at'] !== undefined)?.o['at'] ?? null;
}

/** A head's size and root over `tree`, signed again by its service's key under the same key index. */
function sealHead(m: MutationV2 | null, head: Item, service: 'proxy' | 'harness', tree: CompactMerkleTree): void {
  setField(m, head, ['payload', 'size'], tree.size);
  setField(m, head, ['payload', 'root_hash'], `sha256:${hexEncode(tree.root())}`);
  head.o['sig'] = lineSignature(service, TREE_HEAD_PAYLOAD_TYPE, head.o['payload']!, head.o['sig'] as string);
}

// --- signing, memoised (most signed lines of a mutant are the original ones) ----------------------

const signatures = new Map<string, string>();

/** A line's `sig`: the key index of `was` (the line's old signature), then `role`'s signature over PAE(type, payload). */
function lineSignature(role: TrustRole, payloadType: string, payload: JsonValue, was: string): string {
  const keyIndex = splitLineSignature(was).keyIndex;
  const message = pae(payloadType, canonicalBytes(payload));
  const cacheKey = `${role} ${keyIndex} ${base64Encode(message)}`;
  let sig = signatures.get(cacheKey);
  if (sig === undefined) {
    const out = new Uint8Array(65);
    out[0] = keyIndex;
    out.set(fastSign(role, message).sig, 1);
    sig = base64Encode(out);
    if (signatures.size > 200_000) signatures.clear();
    signatures.set(cacheKey, sig);
  }
  return sig;
}
