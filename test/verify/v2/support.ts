/**
 * Forging v2 files for the verifier's tests: edit lines, then do what a dishonest holder of ONE
 * key could do to make the file look whole again (the harness: fix the header's counts and line
 * limit and re-seal its tree head; the proxy: re-seal its head). Nothing else is re-signed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hexEncode } from '../../../src/core/bytes.js';
import { canonicalBytes } from '../../../src/core/canonical.js';
import type { DsseSigner } from '../../../src/core/dsse.js';
import type { JsonObject } from '../../../src/core/json.js';
import { CompactMerkleTree } from '../../../src/core/merkle-compact.js';
import { parseTrustRoot, type TrustRoot } from '../../../src/core/trust-root.js';
import { joinLines } from '../../../src/format/v2/encode.js';
import { COUNTED_LINE_TYPES } from '../../../src/format/v2/line.js';
import { TREE_HEAD_PAYLOAD_TYPE } from '../../../src/format/v2/media-types.js';
import { signLinePayload } from '../../../src/format/v2/sign-line.js';
import { verifyBundle, type Report } from '../../../src/verify/index.js';
import { lineObject } from '../../format/v2/support.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const TRUST_ROOT: TrustRoot = parseTrustRoot(JSON.parse(readFileSync(join(ROOT, 'fixtures/trust/demo-trust-root.json'), 'utf8')));

export type Lines = Uint8Array[];

export function objects(lines: readonly Uint8Array[]): JsonObject[] {
  return lines.map(lineObject);
}

export function bytesOf(objects: readonly JsonObject[]): Lines {
  return objects.map((o) => canonicalBytes(o));
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

export function verifyLines(lines: readonly Uint8Array[], trustRoot: TrustRoot = TRUST_ROOT): Promise<Report> {
  return verifyBundle(joinLines(lines), trustRoot);
}

/** Codes of the failing issues of a report, per check: what a test reads. */
export function failingCodes(report: Report): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of report.checks) {
    const codes = [...new Set(c.issues.filter((i) => i.severity === 'fail').map((i) => i.code))];
    if (codes.length > 0) out[c.id] = codes;
  }
  return out;
}

/** Index of the first line whose object passes `test`. */
export function lineIndex(lines: readonly Uint8Array[], test: (o: JsonObject) => boolean, from = 0): number {
  for (let i = from; i < lines.length; i++) if (test(lineObject(lines[i]!))) return i;
  throw new Error('no such line');
}
