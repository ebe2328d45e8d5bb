/**
 * The tampers the v2 structure is there to catch, each read by the reader and its heads checked
 * by checkTreeHead: every one is detected, with its own code.
 */
import { describe, expect, it } from 'vitest';
import { hexEncode } from '../../../src/core/bytes.js';
import { canonicalBytes } from '../../../src/core/canonical.js';
import { CompactMerkleTree } from '../../../src/core/merkle-compact.js';
import { PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import { TREE_HEAD_PAYLOAD_TYPE } from '../../../src/format/v2/media-types.js';
import type { V2ReadResult } from '../../../src/format/v2/read.js';
import { signLinePayload } from '../../../src/format/v2/sign-line.js';
import type { TreeHeadPayload } from '../../../src/format/v2/signed-lines.js';
import { checkTreeHead } from '../../../src/format/v2/tree-head.js';
import { SIGNERS, editLine, expectRefusal, file, indexWhere, isRecordObject, lineObject, read, realRun } from './support.js';

async function problems(result: V2ReadResult): Promise<{ proxy: string[]; harness: string[] }> {
  const proxy = await checkTreeHead(result.treeHeads.proxy, { service: 'proxy', tree: result.proxyTree, publicKey: SIGNERS.proxy.publicKey });
  const harness = await checkTreeHead(result.treeHeads.harness, { service: 'harness', tree: result.harnessTree, publicKey: SIGNERS.harness.publicKey });
  return { proxy: proxy.map((p) => p.code), harness: harness.map((p) => p.code) };
}

/** The header's counts adjusted by `delta`, so the reader accepts the file and the heads must catch it. */
function recount(lines: readonly Uint8Array[], delta: Record<string, number>): Uint8Array[] {
  return editLine(lines, 0, (h) => {
    const counts = { ...(h['counts'] as Record<string, number>) };
    for (const [k, d] of Object.entries(delta)) counts[k] = counts[k]! + d;
    return { ...h, counts };
  });
}

/** A harness head, validly signed, over `covered` (what a harness-key holder could write). */
function harnessHeadOver(lines: readonly Uint8Array[], covered: readonly Uint8Array[]): Uint8Array {
  const tree = new CompactMerkleTree();
  for (const l of covered) tree.appendData(l);
  const old = lineObject(lines.at(-1)!)['payload'] as TreeHeadPayload;
  const payload: TreeHeadPayload = { ...old, size: tree.size, root_hash: `sha256:${hexEncode(tree.root())}` };
  return canonicalBytes({ t: 'tree_head', payload, sig: signLinePayload(TREE_HEAD_PAYLOAD_TYPE, payload, SIGNERS.harness) });
}

async function original(): Promise<Uint8Array[]> {
  return [...(await realRun()).encoded.lines];
}

describe('tree heads over a real run', () => {
  it('hold for the file as written', async () => {
    expect(await problems(await read(file(await original())))).toEqual({ proxy: [], harness: [] });
  });

  it('catch a record dropped from the middle: its seq (SEQ_OUT_OF_ORDER), the header count (HEADER_COUNT_MISMATCH), the harness head (TREE_SIZE_MISMATCH)', async () => {
    const all = await original();
    const records = all.map((l, i) => [i, lineObject(l)] as const).filter(([, o]) => isRecordObject(o));
    // A record that omits its at (so dropping it changes no other record's time) and no proposal.
    const [middle, dropped] = records.slice(Math.floor(records.length / 2)).find(([, o]) => !('at' in o))!;
    const without = [...all.slice(0, middle), ...all.slice(middle + 1)];
    await expectRefusal(read(file(without)), 'SEQ_OUT_OF_ORDER', middle + 1, '/seq');
    // Renumbered after it (records are unsigned: anyone can), the count still says one is missing...
    const gone = dropped['seq'] as number;
    const renumbered = without.map((l, i) => {
      const o = lineObject(l);
      if (i < middle || !isRecordObject(o)) return l;
      const seq = o['seq'] as number;
      const proposalSeq = o['proposal_seq'];
      return canonicalBytes({ ...o, seq: seq - 1, ...(typeof proposalSeq === 'number' && proposalSeq > gone ? { proposal_seq: proposalSeq - 1 } : {}) });
    });
    await expectRefusal(read(file(renumbered)), 'HEADER_COUNT_MISMATCH', undefined, '/counts/records');
    // ...and recounted, the harness head, which still covers the record, does.
    expect(await problems(await read(file(recount(renumbered, { records: -1 }))))).toEqual({ proxy: [], harness: ['TREE_SIZE_MISMATCH'] });
  });

  it('catch two lines swapped (TREE_HEAD_MISMATCH at the same size): a ticket entry and the record after it', async () => {
    const all = await original();
    const a = indexWhere(all, (o, i) => o['t'] === 'ticket' && isRecordObject(lineObject(all[i + 1]!)));
    const swapped = [...all];
    [swapped[a], swapped[a + 1]] = [all[a + 1]!, all[a]!];
    expect(await problems(await read(file(swapped)))).toEqual({ proxy: [], harness: ['TREE_HEAD_MISMATCH'] });
  });

  it("catch two receipts swapped: their signed seqs (SEQ_OUT_OF_ORDER); re-signed with each other's seq by a proxy-key holder, both heads (no prev needed)", async () => {
    const all = await original();
    const first = indexWhere(all, (o) => o['t'] === 'receipt');
    const second = indexWhere(all, (o) => o['t'] === 'receipt', first + 1);
    const swapped = [...all];
    [swapped[first], swapped[second]] = [all[second]!, all[first]!];
    await expectRefusal(read(file(swapped)), 'SEQ_OUT_OF_ORDER', first + 1, '/payload/seq');
    const reseq = (line: Uint8Array, seq: number) => {
      const o = lineObject(line);
      const payload = { ...(o['payload'] as object), seq };
      return canonicalBytes({ ...o, payload, sig: signLinePayload(PAYLOAD_TYPES.receipt, payload, SIGNERS.proxy) });
    };
    swapped[first] = reseq(all[second]!, 0);
    swapped[second] = reseq(all[first]!, 1);
    expect(await problems(await read(file(swapped)))).toEqual({ proxy: ['TREE_HEAD_MISMATCH'], harness: ['TREE_HEAD_MISMATCH'] });
  });

  it('catch a receipt dropped from the middle by a harness-key holder who re-sealed the file: the next signed seq (SEQ_OUT_OF_ORDER)', async () => {
    const all = await original();
    const first = indexWhere(all, (o) => o['t'] === 'receipt');
    expect(lineObject(all[first + 1]!)['t']).toBe('view');
    const body = recount([...all.slice(0, first), ...all.slice(first + 3, -2)], { receipts: -1, model_views: -1, model_responses: -1 });
    const next = indexWhere(body, (o) => o['t'] === 'receipt');
    await expectRefusal(read(file([...body, all.at(-2)!, harnessHeadOver(all, body)])), 'SEQ_OUT_OF_ORDER', next + 1, '/payload/seq');
  });

  it('refuse a line added after the heads (LINE_AFTER_TREE_HEADS)', async () => {
    const all = await original();
    const record = all[indexWhere(all, isRecordObject)]!;
    await expectRefusal(read(file([...all, record])), 'LINE_AFTER_TREE_HEADS', all.length + 1);
  });

  it('catch a validly signed head over a different set of lines (TREE_HEAD_MISMATCH, signature valid)', async () => {
    const all = await original();
    const ticket = indexWhere(all, (o) => o['t'] === 'ticket');
    const other = editLine(all, ticket, (o) => ({ ...o, after: { ...(o['after'] as object), status: 'closed' } }));
    const forged = [...all.slice(0, -1), harnessHeadOver(all, other.slice(0, -2))];
    expect(await problems(await read(file(forged)))).toEqual({ proxy: [], harness: ['TREE_HEAD_MISMATCH'] });
  });

  it('catch a head edited without its key (TREE_HEAD_MISMATCH and TREE_HEAD_SIGNATURE_INVALID)', async () => {
    const all = await original();
    const tampered = editLine(all, all.length - 1, (h) => ({ ...h, payload: { ...(h['payload'] as object), root_hash: `sha256:${'0'.repeat(64)}` } }));
    expect(await problems(await read(file(tampered)))).toEqual({ proxy: [], harness: ['TREE_HEAD_MISMATCH', 'TREE_HEAD_SIGNATURE_INVALID'] });
  });

  it("catch the last receipt removed by a harness-key holder who re-sealed the file: the proxy's own head (TREE_SIZE_MISMATCH)", async () => {
    const all = await original();
    let last = -1;
    all.forEach((l, i) => {
      if (lineObject(l)['t'] === 'receipt') last = i;
    });
    // The receipt with its view and response.
    expect(lineObject(all[last + 1]!)['t']).toBe('view');
    expect(lineObject(all[last + 2]!)['t']).toBe('response');
    const body = recount([...all.slice(0, last), ...all.slice(last + 3, -2)], { receipts: -1, model_views: -1, model_responses: -1 });
    const resealed = [...body, all.at(-2)!, harnessHeadOver(all, body)];
    expect(await problems(await read(file(resealed)))).toEqual({ proxy: ['TREE_SIZE_MISMATCH'], harness: [] });
  });

  it("name a head in another service's place (TREE_HEAD_SERVICE_MISMATCH)", async () => {
    const result = await read(file(await original()));
    const wrong = await checkTreeHead(result.treeHeads.proxy, { service: 'harness', tree: result.harnessTree, publicKey: SIGNERS.harness.publicKey });
    expect(wrong.map((p) => p.code)).toEqual(['TREE_HEAD_SERVICE_MISMATCH', 'TREE_SIZE_MISMATCH', 'TREE_HEAD_SIGNATURE_INVALID']);
  });
});
