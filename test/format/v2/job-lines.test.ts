/**
 * The references between a v2 file's lines that the reader checks (src/format/v2/job-lines.ts),
 * one tamper each, over the real run: what became possible when a decision named its proposal by
 * seq, signatures their key by index, records omitted a repeated `at` and took their kind as `t`,
 * and receipts lost `prev`.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { generateKeyPair } from '../../../src/core/ed25519/index.js';
import { PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import { TREE_HEAD_PAYLOAD_TYPE } from '../../../src/format/v2/media-types.js';
import { signLinePayload, verifyLinePayload } from '../../../src/format/v2/sign-line.js';
import type { ReceiptLine } from '../../../src/format/v2/signed-lines.js';
import { SIGNERS, editLine, expectRefusal, file, indexWhere, isRecordObject, lineObject, read, realRun } from './support.js';

async function lines(): Promise<Uint8Array[]> {
  return [...(await realRun()).encoded.lines];
}

/** Every record line's object with its 0-based line index. */
function records(all: readonly Uint8Array[]): { index: number; o: JsonObject }[] {
  return all.map((l, index) => ({ index, o: lineObject(l) })).filter(({ o }) => isRecordObject(o));
}

function withHeaderKeys(all: readonly Uint8Array[], edit: (keys: Record<string, string[]>) => Record<string, string[]>): Uint8Array[] {
  return editLine(all, 0, (h) => ({ ...h, keys: edit(h['keys'] as Record<string, string[]>) }));
}

describe('readBundleV2 checks across lines', () => {
  it('refuses a decision whose proposal_seq is no proposal, a later one, or another ticket\'s (PROPOSAL_SEQ_UNKNOWN)', async () => {
    const all = await lines();
    const recs = records(all);
    const decision = recs.find(({ o }) => o['t'] === 'decision' && o['proposal_seq'] !== null)!;
    const ticket = decision.o['ticket_id'];
    const seq = decision.o['seq'] as number;
    const otherTicket = recs.find(({ o }) => o['t'] === 'proposal' && o['ticket_id'] !== ticket && (o['seq'] as number) < seq);
    const later = recs.find(({ o }) => o['t'] === 'proposal' && (o['seq'] as number) > seq)!;
    const notProposal = recs.find(({ o }) => o['t'] === 'intake' && o['ticket_id'] === ticket)!;
    const names = (proposalSeq: unknown) => read(file(editLine(all, decision.index, (o) => ({ ...o, proposal_seq: proposalSeq }))));
    await expectRefusal(names(notProposal.o['seq']), 'PROPOSAL_SEQ_UNKNOWN', decision.index + 1, '/proposal_seq');
    await expectRefusal(names(later.o['seq']), 'PROPOSAL_SEQ_UNKNOWN', decision.index + 1, '/proposal_seq');
    await expectRefusal(names(seq + 10_000), 'PROPOSAL_SEQ_UNKNOWN', decision.index + 1, '/proposal_seq');
    if (otherTicket !== undefined) await expectRefusal(names(otherTicket.o['seq']), 'PROPOSAL_SEQ_UNKNOWN', decision.index + 1, '/proposal_seq');
    // The stage-1 spelling, a hash, is no longer a member of a decision.
    await expectRefusal(
      read(file(editLine(all, decision.index, (o) => ({ ...o, proposal_hash: `sha256:${'0'.repeat(64)}` })))),
      'LINE_SCHEMA_INVALID',
      decision.index + 1,
      '/proposal_hash',
    );
  });

  it("refuses a signature whose key index is past the header's list for its role (SIGNATURE_KEY_UNKNOWN)", async () => {
    const all = await lines();
    const reindex = (index: number, signer: typeof SIGNERS.proxy, type: string) =>
      editLine(all, index, (o) => ({ ...o, sig: signLinePayload(type, o['payload'], signer, 1) }));
    const receipt = indexWhere(all, (o) => o['t'] === 'receipt');
    const approval = indexWhere(all, (o) => o['t'] === 'approval');
    await expectRefusal(read(file(reindex(receipt, SIGNERS.proxy, PAYLOAD_TYPES.receipt))), 'SIGNATURE_KEY_UNKNOWN', receipt + 1, '/sig');
    await expectRefusal(read(file(reindex(approval, SIGNERS.approver, PAYLOAD_TYPES.approval))), 'SIGNATURE_KEY_UNKNOWN', approval + 1, '/sig');
    await expectRefusal(read(file(reindex(all.length - 2, SIGNERS.proxy, TREE_HEAD_PAYLOAD_TYPE))), 'SIGNATURE_KEY_UNKNOWN', all.length - 1, '/sig');
    await expectRefusal(read(file(reindex(all.length - 1, SIGNERS.harness, TREE_HEAD_PAYLOAD_TYPE))), 'SIGNATURE_KEY_UNKNOWN', all.length, '/sig');
    // A role with no key listed (no approver) refuses every approval.
    await expectRefusal(read(file(withHeaderKeys(all, (k) => ({ ...k, approver: [] })))), 'SIGNATURE_KEY_UNKNOWN', approval + 1, '/sig');
    // A keyid inside the sig, as stage 1 wrote it, is outside the schema.
    const stage1 = editLine(all, receipt, (o) => ({ ...o, sig: { keyid: SIGNERS.proxy.keyid, sig: o['sig'] } }));
    await expectRefusal(read(file(stage1)), 'LINE_SCHEMA_INVALID', receipt + 1, '/sig');
  });

  it('reads a role with two keys (a key rotated inside the job), each receipt naming the key it was signed with', async () => {
    const all = await lines();
    const rotated = generateKeyPair();
    const receipt = indexWhere(all, (o) => o['t'] === 'receipt');
    const two = withHeaderKeys(all, (k) => ({ ...k, proxy: [...k['proxy']!, 'proxy-2027'] }));
    const signed = editLine(two, receipt, (o) => ({ ...o, sig: signLinePayload(PAYLOAD_TYPES.receipt, o['payload'], { secretKey: rotated.secretKey }, 1) }));
    const seen: ReceiptLine[] = [];
    const result = await read(file(signed), 4096, { onLine: ({ line }) => void (line.t === 'receipt' && seen.push(line)) });
    expect(result.header.keys.proxy).toEqual([SIGNERS.proxy.keyid, 'proxy-2027']);
    expect(await verifyLinePayload(PAYLOAD_TYPES.receipt, seen[0]!.payload, seen[0]!.sig, rotated.publicKey)).toBe(true);
    expect(await verifyLinePayload(PAYLOAD_TYPES.receipt, seen[0]!.payload, seen[0]!.sig, SIGNERS.proxy.publicKey)).toBe(false);
    expect(await verifyLinePayload(PAYLOAD_TYPES.receipt, seen[1]!.payload, seen[1]!.sig, SIGNERS.proxy.publicKey)).toBe(true);
  });

  it("refuses a record or receipt whose seq is not its index (SEQ_OUT_OF_ORDER): two records swapped, a receipt's seq edited", async () => {
    const all = await lines();
    const recs = records(all);
    const pair = recs.findIndex(({ index }, i) => recs[i + 1]?.index === index + 1 && i > 0);
    const [a, b] = [recs[pair]!.index, recs[pair + 1]!.index];
    const swapped = [...all];
    [swapped[a], swapped[b]] = [all[b]!, all[a]!];
    await expectRefusal(read(file(swapped)), 'SEQ_OUT_OF_ORDER', a + 1, '/seq');
    const receipt = indexWhere(all, (o) => o['t'] === 'receipt');
    const edited = editLine(all, receipt, (o) => ({ ...o, payload: { ...(o['payload'] as object), seq: 1 } }));
    await expectRefusal(read(file(edited)), 'SEQ_OUT_OF_ORDER', receipt + 1, '/payload/seq');
  });

  it('refuses a first record without at (RECORD_AT_MISSING), an at restated (RECORD_AT_REPEATED), a proposal without at', async () => {
    const all = await lines();
    const recs = records(all);
    const first = recs[0]!.index;
    const { at: _at, ...noAt } = lineObject(all[first]!);
    await expectRefusal(read(file(editLine(all, first, () => noAt))), 'RECORD_AT_MISSING', first + 1, '/at');
    const omitted = recs.find(({ o }) => !('at' in o))!;
    const previousAt = [...recs].reverse().find(({ index, o }) => index < omitted.index && 'at' in o)!.o['at'];
    await expectRefusal(read(file(editLine(all, omitted.index, (o) => ({ ...o, at: previousAt })))), 'RECORD_AT_REPEATED', omitted.index + 1, '/at');
    const proposal = recs.find(({ o }) => o['t'] === 'proposal')!;
    const { at: _p, ...proposalNoAt } = proposal.o;
    await expectRefusal(read(file(editLine(all, proposal.index, () => proposalNoAt))), 'LINE_SCHEMA_INVALID', proposal.index + 1, '/at');
  });

  it("refuses a record in stage 1's spelling: t \"record\" (LINE_TYPE_UNKNOWN), or a kind member beside its t", async () => {
    const all = await lines();
    const at = indexWhere(all, (o) => o['t'] === 'intake');
    await expectRefusal(read(file(editLine(all, at, (o) => ({ ...o, t: 'record', kind: o['t'] })))), 'LINE_TYPE_UNKNOWN', at + 1, '/t');
    await expectRefusal(read(file(editLine(all, at, (o) => ({ ...o, kind: o['t'] })))), 'LINE_SCHEMA_INVALID', at + 1, '/kind');
  });

  it('refuses a receipt with prev or of payload v 1 (LINE_SCHEMA_INVALID)', async () => {
    const all = await lines();
    const receipt = indexWhere(all, (o) => o['t'] === 'receipt');
    const payload = (o: JsonObject) => o['payload'] as JsonObject;
    await expectRefusal(read(file(editLine(all, receipt, (o) => ({ ...o, payload: { ...payload(o), prev: null } })))), 'LINE_SCHEMA_INVALID', receipt + 1, '/payload/prev');
    await expectRefusal(read(file(editLine(all, receipt, (o) => ({ ...o, payload: { ...payload(o), v: 1 } })))), 'LINE_SCHEMA_INVALID', receipt + 1, '/payload/v');
  });
});
