import { describe, expect, it } from 'vitest';
import { base64Encode, hexEncode } from '../../../src/core/bytes.js';
import { canonicalBytes } from '../../../src/core/canonical.js';
import { decodeDsseEnvelope } from '../../../src/core/dsse.js';
import { sha256 } from '../../../src/core/hash.js';
import { parseStrictJson } from '../../../src/core/json.js';
import type { RecordPayload } from '../../../src/core/bundle/types.js';
import { PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import { encodeBundleV2 } from '../../../src/format/v2/encode.js';
import type { ReadLine } from '../../../src/format/v2/read.js';
import { verifyLinePayload } from '../../../src/format/v2/sign-line.js';
import { checkTreeHead } from '../../../src/format/v2/tree-head.js';
import { isRecordLine, type ReadV2Line } from '../../../src/format/v2/line.js';
import { splitLineSignature } from '../../../src/format/v2/sign-line.js';
import { SIGNERS, lineObject, read, realRun } from './support.js';

async function readLines(bytes: Uint8Array, chunkSize = 4096): Promise<ReadLine[]> {
  const lines: ReadLine[] = [];
  await read(bytes, chunkSize, { onLine: (l) => void lines.push(l) });
  return lines;
}

function ofType<T extends ReadV2Line['t']>(lines: readonly ReadLine[], t: T): Extract<ReadV2Line, { t: T }>[] {
  return lines.map((l) => l.line).filter((l): l is Extract<ReadV2Line, { t: T }> => l.t === t);
}

function recordsOf(lines: readonly ReadLine[]) {
  return lines.map((l) => l.line).filter(isRecordLine);
}

/** A bare 64-byte signature as a line's sig under key index 0. */
function base64Of(signature: Uint8Array): string {
  return base64Encode(Uint8Array.of(0, ...signature));
}

describe('encodeBundleV2 on a real run', () => {
  it('reads back line for line, in 1-byte chunks as in one chunk, with every v1 part accounted for', async () => {
    const { bundle, encoded } = await realRun();
    const whole = await readLines(encoded.bytes, encoded.bytes.length);
    const bytewise = await readLines(encoded.bytes, 1);
    expect(bytewise.map((l) => hexEncode(l.bytes))).toEqual(whole.map((l) => hexEncode(l.bytes)));
    expect(whole.map((l) => hexEncode(l.bytes))).toEqual(encoded.lines.map(hexEncode));
    expect(ofType(whole, 'receipt')).toHaveLength(bundle.receipts.length);
    expect(recordsOf(whole)).toHaveLength(bundle.records.length);
    expect(ofType(whole, 'approval')).toHaveLength(bundle.approvals.length);
    expect(ofType(whole, 'view')).toHaveLength(bundle.model_views.length);
    expect(ofType(whole, 'response')).toHaveLength(bundle.model_responses.length);
    expect(ofType(whole, 'ticket')).toHaveLength(bundle.tickets.length);
    expect(bundle.approvals.length).toBeGreaterThan(0);
    expect(whole.map((l) => l.line.t).slice(0, 3)).toEqual(['header', 'wpc', 'cst']);
    expect(whole.map((l) => l.line.t).slice(-2)).toEqual(['tree_head', 'tree_head']);
  });

  it('is deterministic, and its tree heads hold under the proxy and harness keys', async () => {
    const { bundle, encoded } = await realRun();
    expect(hexEncode(encodeBundleV2(bundle, SIGNERS).bytes)).toBe(hexEncode(encoded.bytes));
    const result = await read(encoded.bytes);
    expect(result.harnessTree.size).toBe(encoded.lines.length - 2);
    expect(result.proxyTree.size).toBe(bundle.receipts.length);
    expect(await checkTreeHead(result.treeHeads.proxy, { service: 'proxy', tree: result.proxyTree, publicKey: SIGNERS.proxy.publicKey })).toEqual([]);
    expect(await checkTreeHead(result.treeHeads.harness, { service: 'harness', tree: result.harnessTree, publicKey: SIGNERS.harness.publicKey })).toEqual([]);
    // Each head under the other service's key fails: the roles are not interchangeable.
    const swapped = await checkTreeHead(result.treeHeads.harness, { service: 'harness', tree: result.harnessTree, publicKey: SIGNERS.proxy.publicKey });
    expect(swapped.map((p) => p.code)).toEqual(['TREE_HEAD_SIGNATURE_INVALID']);
  });

  it("keeps each receipt's v1 payload but prev (v 2), re-signed by the proxy under key 0 of the header's proxy list", async () => {
    const { bundle, encoded } = await realRun();
    const lines = await readLines(encoded.bytes);
    const receipts = ofType(lines, 'receipt');
    for (const [i, r] of receipts.entries()) {
      const { prev: _prev, ...v1 } = parseStrictJson(decodeDsseEnvelope(bundle.receipts[i]!).payload) as Record<string, unknown>;
      expect(r.payload).toEqual({ ...v1, v: 2 });
      expect(r.payload).not.toHaveProperty('prev');
      expect(splitLineSignature(r.sig).keyIndex).toBe(0);
      expect(await verifyLinePayload(PAYLOAD_TYPES.receipt, r.payload, r.sig, SIGNERS.proxy.publicKey)).toBe(true);
      // The v1 signature does not verify the v2 payload: the proxy signed this statement anew.
      expect(await verifyLinePayload(PAYLOAD_TYPES.receipt, r.payload, base64Of(decodeDsseEnvelope(bundle.receipts[i]!).signatures[0]!.sig), SIGNERS.proxy.publicKey)).toBe(false);
    }
  });

  it("names each role's key once in the header, and no signed line carries a keyid", async () => {
    const { encoded } = await realRun();
    const result = await read(encoded.bytes);
    expect(result.header.keys).toEqual({ proxy: [SIGNERS.proxy.keyid], approver: [SIGNERS.approver.keyid], harness: [SIGNERS.harness.keyid] });
    for (const line of encoded.lines) {
      const o = lineObject(line);
      if ('sig' in o) expect(typeof o['sig']).toBe('string');
    }
    expect(splitLineSignature(result.treeHeads.harness.sig).keyIndex).toBe(0);
  });

  it("omits a record's at when it equals the previous record's (never a proposal's), and the reader restores it", async () => {
    const { bundle, encoded } = await realRun();
    const read = await readLines(encoded.bytes);
    const v1 = bundle.records.map((e) => parseStrictJson(decodeDsseEnvelope(e).payload) as unknown as RecordPayload);
    let omitted = 0;
    for (const { line, bytes } of read) {
      if (!isRecordLine(line)) continue;
      const written = lineObject(bytes);
      const same = line.seq > 0 && v1[line.seq]!.at === v1[line.seq - 1]!.at;
      expect(line.at).toBe(v1[line.seq]!.at);
      expect('at' in written).toBe(!same || line.t === 'proposal');
      if (!('at' in written)) omitted++;
    }
    expect(omitted).toBeGreaterThan(0);
  });

  it('strips records of v, job_id, record_id, prev and a decision reason, their kind as t, keeping seq and everything else', async () => {
    const { bundle, encoded } = await realRun();
    const records = recordsOf(await readLines(encoded.bytes));
    records.forEach((line, i) => {
      const v1 = parseStrictJson(decodeDsseEnvelope(bundle.records[i]!).payload) as unknown as RecordPayload;
      const { v: _v, job_id: _j, record_id: _r, prev: _p, kind, ...kept } = v1;
      expect(line.t).toBe(kind);
      expect(line).not.toHaveProperty('kind');
      if (kind === 'decision') {
        const { reason: _reason, proposal_hash: _h, ...rest } = kept as Record<string, unknown>;
        expect(line).toMatchObject(rest);
        expect(line).not.toHaveProperty('reason');
        expect(line).not.toHaveProperty('proposal_hash');
      } else expect(line).toEqual({ t: kind, ...kept });
      expect(line.seq).toBe(i);
    });
  });

  it("points each decision's proposal_seq at its v1 proposal, each approval's proposal_hash at that proposal line's bytes, and has the approver sign", async () => {
    const { bundle, encoded } = await realRun();
    const lines = await readLines(encoded.bytes);
    const proposals = new Map<string, ReadLine>(lines.filter((l) => l.line.t === 'proposal').map((l) => [sha256(l.bytes), l]));
    const v1 = bundle.records.map((e) => parseStrictJson(decodeDsseEnvelope(e).payload) as unknown as RecordPayload);
    const v1BySeqHash = new Map(v1.filter((r) => r.kind === 'proposal').map((r) => [sha256(canonicalBytes(r)), r.seq]));
    let checked = 0;
    for (const { line } of lines) {
      if (line.t === 'decision' && line.proposal_seq !== null) {
        const original = v1[line.seq]!;
        expect(original.kind === 'decision' && v1BySeqHash.get(original.proposal_hash!)).toBe(line.proposal_seq);
        expect(v1[line.proposal_seq]).toMatchObject({ kind: 'proposal', ticket_id: line.ticket_id });
        checked++;
      }
      if (line.t === 'approval') {
        expect(proposals.has(line.payload.proposal_hash)).toBe(true);
        expect(await verifyLinePayload(PAYLOAD_TYPES.approval, line.payload, line.sig, SIGNERS.approver.publicKey)).toBe(true);
        expect(line.payload.v).toBe(2);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('places each view and response right after their receipt, each approval before the decision naming it, each ticket after its ticket_done', async () => {
    const { encoded } = await realRun();
    const lines = (await readLines(encoded.bytes)).map((l) => l.line);
    lines.forEach((line, i) => {
      if (line.t === 'receipt') {
        expect(lines[i + 1]).toMatchObject({ t: 'view', receipt_id: line.payload.receipt_id });
        expect(lines[i + 2]).toMatchObject({ t: 'response', receipt_id: line.payload.receipt_id });
      }
      if (line.t === 'proposal') {
        expect(lines.slice(0, i).some((l) => l.t === 'receipt' && l.payload.receipt_id === line.receipt_id)).toBe(true);
      }
      if (line.t === 'decision' && line.approval_id !== null) {
        expect(lines.slice(0, i).some((l) => l.t === 'approval' && l.payload.approval_id === line.approval_id)).toBe(true);
      }
      if (line.t === 'ticket') expect(lines[i - 1]).toMatchObject({ t: 'ticket_done', ticket_id: line.ticket_id });
    });
  });

  it('states its signature count (WPC, CST, receipts, approvals, two heads) and the true longest line', async () => {
    const { bundle, encoded } = await realRun();
    expect(encoded.signatures).toBe(4 + bundle.receipts.length + bundle.approvals.length);
    const header = (await read(encoded.bytes)).header;
    expect(header.max_line_bytes).toBe(Math.max(...encoded.lines.map((l) => l.length)));
  });

  it('refuses a v1 bundle whose model view names no receipt, rather than drop the view', async () => {
    const { bundle } = await realRun();
    const stray = { ...bundle, model_views: [...bundle.model_views, { ...bundle.model_views[0]!, receipt_id: 'rct_nowhere' }] };
    expect(() => encodeBundleV2(stray, SIGNERS)).toThrow(/names no receipt/);
  });
});
