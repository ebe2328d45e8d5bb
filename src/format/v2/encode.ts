/**
 * The bridge encoder: a v1 proof bundle's content as v2 lines (docs/design/format-v2.md). Records
 * are decoded from their envelopes and stripped (record-line.ts), receipts re-expressed as
 * `{payload, sig}` without `prev` and re-signed by the proxy, approvals re-pointed at the v2
 * proposal lines and re-signed by the approver, and the file closed by the proxy's and the
 * harness's tree heads. Each role signs with one key, index 0 of its list in the header. It makes no trust
 * decision about its input; every line it writes is checked against its schema.
 */
import { canonicalBytes } from '../../core/canonical.js';
import { decodeDsseEnvelope, type DsseEnvelope, type DsseSigner } from '../../core/dsse.js';
import { hexEncode } from '../../core/bytes.js';
import { sha256, type Digest } from '../../core/hash.js';
import { parseStrictJson } from '../../core/json.js';
import { CompactMerkleTree } from '../../core/merkle-compact.js';
import type { ApprovalPayload, ManifestPayload, ProofBundle, ReceiptPayload, RecordPayload } from '../../core/bundle/types.js';
import { recordLineOf } from './convert-record.js';
import { v2Error } from './encode-error.js';
import type { HeaderLine } from './header-line.js';
import { jobOrder } from './job-order.js';
import { LINE_SCHEMAS, type V2Line } from './line.js';
import { BUNDLE_V2_MEDIA_TYPE, BUNDLE_V2_VERSION, PAYLOAD_TYPES, TREE_HEAD_PAYLOAD_TYPE, type TreeHeadService } from './media-types.js';
import { signLinePayload } from './sign-line.js';
import type { ApprovalLine, ReceiptLine, ReceiptPayloadV2, TreeHeadLine, TreeHeadPayload } from './signed-lines.js';

export interface V2Signers {
  readonly harness: DsseSigner;
  readonly proxy: DsseSigner;
  readonly approver: DsseSigner;
}

export interface EncodedV2 {
  /** Each line's exact bytes, LF not included, in file order. */
  readonly lines: readonly Uint8Array[];
  /** The file: every line followed by LF. */
  readonly bytes: Uint8Array;
  /** Signatures the file carries: WPC, CST, one per receipt and approval, two tree heads. */
  readonly signatures: number;
}


export function encodeBundleV2(bundle: ProofBundle, signers: V2Signers): EncodedV2 {
  const manifest = payloadOf<ManifestPayload>(bundle.manifest);
  const receipts = bundle.receipts.map((e) => payloadOf<ReceiptPayload>(e));
  const records = bundle.records.map((e) => payloadOf<RecordPayload>(e));
  const approvals = bundle.approvals.map((e) => payloadOf<ApprovalPayload>(e));
  const views = new Map(bundle.model_views.map((v) => [v.receipt_id, v]));
  const responses = new Map(bundle.model_responses.map((r) => [r.receipt_id, r]));

  // Records first, in order: a decision names its proposal's seq, an approval the hash of its v2 line.
  const proposalHashes = new Map<Digest, Digest>();
  const proposalSeqs = new Map<Digest, number>();
  const recordLines = records.map((payload, i) => {
    const line = lineBytes(recordLineOf(payload, records[i - 1]?.at, proposalSeqs));
    if (payload.kind === 'proposal') {
      const v1Hash = sha256(canonicalBytes(payload));
      proposalHashes.set(v1Hash, sha256(line));
      proposalSeqs.set(v1Hash, payload.seq);
    }
    if (payload.seq !== i) throw v2Error(`record ${i} has seq ${payload.seq}`);
    return line;
  });

  const body: Uint8Array[] = [lineBytes({ t: 'wpc', envelope: bundle.wpc }), lineBytes({ t: 'cst', token: bundle.cst })];
  const proxyTree = new CompactMerkleTree();
  let placedEntries = 0;
  for (const item of jobOrder({ receipts, records, approvals, tickets: bundle.tickets })) {
    if (item.kind === 'record') body.push(recordLines[item.index]!);
    else if (item.kind === 'ticket') body.push(lineBytes({ t: 'ticket', ...bundle.tickets[item.index]! }));
    else if (item.kind === 'approval') body.push(lineBytes(approvalLine(approvals[item.index]!, proposalHashes, signers.approver)));
    else {
      const v1 = receipts[item.index]!;
      const { prev: _prev, ...kept } = v1;
      const payload: ReceiptPayloadV2 = { ...kept, v: 2 };
      const receipt = lineBytes({ t: 'receipt', payload, sig: signLinePayload(PAYLOAD_TYPES.receipt, payload, signers.proxy) } satisfies ReceiptLine);
      proxyTree.appendData(receipt);
      body.push(receipt);
      const view = views.get(payload.receipt_id);
      if (view !== undefined) {
        body.push(lineBytes({ t: 'view', ...view }));
        placedEntries += 1;
      }
      const response = responses.get(payload.receipt_id);
      if (response !== undefined) {
        body.push(lineBytes({ t: 'response', ...response }));
        placedEntries += 1;
      }
    }
  }

  // Every view and response goes after its receipt; one with no receipt, or a second one, would be lost.
  if (views.size !== bundle.model_views.length || responses.size !== bundle.model_responses.length || placedEntries !== views.size + responses.size) {
    throw v2Error('a model view or response names no receipt of the bundle, or its receipt has two');
  }

  const binding = { job_id: manifest.job_id, policy_hash: manifest.policy_hash, at: manifest.created_at };
  const proxyHead = lineBytes(treeHeadLine('proxy', proxyTree, binding, signers.proxy));
  // The harness head's length does not depend on its root or signature: size it with a stand-in.
  const harnessSize = body.length + 1;
  const standIn = lineBytes(treeHeadLine('harness', { size: harnessSize, root: () => new Uint8Array(32) }, binding, signers.harness));
  // A loop, not Math.max(...): a file has more lines than a call has room for arguments.
  const longest = body.reduce((max, l) => Math.max(max, l.length), Math.max(proxyHead.length, standIn.length));
  const header = headerLine(bundle, manifest.job_id, signers, longest);
  const lines = [header, ...body];
  const harnessTree = new CompactMerkleTree();
  for (const line of lines) harnessTree.appendData(line);
  lines.push(proxyHead, lineBytes(treeHeadLine('harness', harnessTree, binding, signers.harness)));

  return {
    lines,
    bytes: joinLines(lines),
    signatures: 2 + receipts.length + approvals.length + 2,
  };
}

/** The file's bytes: each line followed by LF (no spread: a file has millions of lines). */
export function joinLines(lines: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(lines.reduce((n, l) => n + l.length + 1, 0));
  let at = 0;
  for (const line of lines) {
    out.set(line, at);
    out[at + line.length] = 0x0a;
    at += line.length + 1;
  }
  return out;
}

function headerLine(bundle: ProofBundle, jobId: string, signers: V2Signers, longestOther: number): Uint8Array {
  const make = (max: number) =>
    lineBytes({
      t: 'header',
      mediaType: BUNDLE_V2_MEDIA_TYPE,
      version: BUNDLE_V2_VERSION,
      job_id: jobId,
      counts: {
        receipts: bundle.receipts.length,
        records: bundle.records.length,
        approvals: bundle.approvals.length,
        model_views: bundle.model_views.length,
        model_responses: bundle.model_responses.length,
        tickets: bundle.tickets.length,
      },
      keys: { proxy: [signers.proxy.keyid], approver: [signers.approver.keyid], harness: [signers.harness.keyid] },
      max_line_bytes: max,
    } satisfies HeaderLine);
  let max = longestOther;
  let header = make(max);
  // A header longer than every other line names its own length (at most two more tries: digits grow).
  while (header.length > max) header = make((max = header.length));
  return header;
}

function approvalLine(payload: ApprovalPayload, proposalHashes: ReadonlyMap<Digest, Digest>, approver: DsseSigner): ApprovalLine {
  const proposalHash = proposalHashes.get(payload.proposal_hash);
  if (proposalHash === undefined) throw v2Error(`approval ${payload.approval_id} names a proposal hash no proposal record has`);
  const v2 = { ...payload, v: 2 as const, proposal_hash: proposalHash };
  return { t: 'approval', payload: v2, sig: signLinePayload(PAYLOAD_TYPES.approval, v2, approver) };
}

interface TreeState {
  readonly size: number;
  root(): Uint8Array;
}

function treeHeadLine(service: TreeHeadService, tree: TreeState, binding: Omit<TreeHeadPayload, 'v' | 'service' | 'size' | 'root_hash'>, signer: DsseSigner): TreeHeadLine {
  const payload: TreeHeadPayload = { v: 2, service, size: tree.size, root_hash: `sha256:${hexEncode(tree.root())}`, ...binding };
  return { t: 'tree_head', payload, sig: signLinePayload(TREE_HEAD_PAYLOAD_TYPE, payload, signer) };
}

/** The canonical bytes of a line, after checking it against its type's schema. */
function lineBytes(line: V2Line): Uint8Array {
  const checked = LINE_SCHEMAS[line.t].safeParse(line);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw v2Error(`a ${line.t} line does not fit its schema at /${issue.path.join('/')}: ${issue.message}`);
  }
  return canonicalBytes(line);
}

function payloadOf<T>(envelope: DsseEnvelope): T {
  return parseStrictJson(decodeDsseEnvelope(envelope).payload) as unknown as T;
}
