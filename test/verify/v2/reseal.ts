/**
 * What a dishonest holder of ONE key can do to a v2 file after editing its lines, to make it look
 * whole again: the harness fixes the header's counts and line limit and re-seals its tree head;
 * the proxy re-seals its head. Nothing else is re-signed. Shared by the verifier's v2 tests
 * (support.ts) and the tampered v2 fixtures (scripts/tampered-fixtures-v2.ts); it imports no test
 * runner, so a script can use it.
 */
import { hexEncode } from '../../../src/core/bytes.js';
import { canonicalBytes } from '../../../src/core/canonical.js';
import type { DsseSigner } from '../../../src/core/dsse.js';
import { parseStrictJson, type JsonObject } from '../../../src/core/json.js';
import { CompactMerkleTree } from '../../../src/core/merkle-compact.js';
import { COUNTED_LINE_TYPES } from '../../../src/format/v2/line.js';
import { TREE_HEAD_PAYLOAD_TYPE } from '../../../src/format/v2/media-types.js';
import { signLinePayload } from '../../../src/format/v2/sign-line.js';

export type Lines = Uint8Array[];

/** A line's object (the line is canonical JSON). */
export function lineObject(line: Uint8Array): JsonObject {
  return parseStrictJson(line) as JsonObject;
}

export function objects(lines: readonly Uint8Array[]): JsonObject[] {
  return lines.map(lineObject);
}

export function bytesOf(objects: readonly JsonObject[]): Lines {
  return objects.map((o) => canonicalBytes(o));
}

/** The lines of a file's bytes (each LF-terminated), LF not included. */
export function splitFile(bytes: Uint8Array): Lines {
  const out: Lines = [];
  let from = 0;
  for (let lf = bytes.indexOf(0x0a); lf !== -1; lf = bytes.indexOf(0x0a, from)) {
    out.push(bytes.slice(from, lf));
    from = lf + 1;
  }
  if (from !== bytes.length) throw new Error('the file does not end in LF');
  return out;
}

/** The harness's re-seal: header counts and max_line_bytes from the lines present, then its tree head over them. */
export function resealHarness(lines: readonly Uint8Array[], harness: DsseSigner): Lines {
  const objs = objects(lines);
  const body = objs.slice(0, -1); // the harness head goes; the proxy head stays as it is
  const header = body[0]!;
  const counts: Record<string, number> = { receipts: 0, records: 0, approvals: 0, model_views: 0, model_responses: 0, tickets: 0 };
  for (const o of body) {
    const key = (COUNTED_LINE_TYPES as Record<string, string>)[o['t'] as string];
    if (key !== undefined) counts[key]! += 1;
  }
  header['counts'] = counts;
  const withoutHeads = body.slice(0, -1);
  const proxyHead = body[body.length - 1]!;
  const oldHead = objs[objs.length - 1]!;
  let out: Lines = [];
  // The header names the longest line; its own length can change that (as the encoder does it).
  for (let tries = 0; tries < 4; tries++) {
    const longest = Math.max(...bytesOf(withoutHeads.slice(1)).map((l) => l.length), canonicalBytes(proxyHead).length, canonicalBytes(oldHead).length);
    header['max_line_bytes'] = Math.max(longest, canonicalBytes(header).length);
    out = bytesOf([header, ...withoutHeads.slice(1)]);
    if (canonicalBytes(header).length <= (header['max_line_bytes'] as number)) break;
  }
  const tree = new CompactMerkleTree();
  for (const l of out) tree.appendData(l);
  const payload = { ...(oldHead['payload'] as JsonObject), size: tree.size, root_hash: `sha256:${hexEncode(tree.root())}` };
  return [...out, canonicalBytes(proxyHead), canonicalBytes({ t: 'tree_head', payload, sig: signLinePayload(TREE_HEAD_PAYLOAD_TYPE, payload, harness) })];
}

/** The proxy's re-seal of its own head over the receipt lines present (the harness head is left as it was). */
export function resealProxy(lines: readonly Uint8Array[], proxy: DsseSigner): Lines {
  const objs = objects(lines);
  const tree = new CompactMerkleTree();
  for (const l of lines) if (lineObject(l)['t'] === 'receipt') tree.appendData(l);
  const head = objs[objs.length - 2]!;
  const payload = { ...(head['payload'] as JsonObject), size: tree.size, root_hash: `sha256:${hexEncode(tree.root())}` };
  const out = [...lines];
  out[out.length - 2] = canonicalBytes({ t: 'tree_head', payload, sig: signLinePayload(TREE_HEAD_PAYLOAD_TYPE, payload, proxy) });
  return out;
}
