/**
 * The VerifyContext of a v2 bundle (docs/design/format-v2.md). Each service's word is checked
 * against the trust root for its role: a receipt's signature against the proxy's keys, an
 * approval's against the approver's, the proxy tree head (order and number of the receipts)
 * against the proxy's, the harness tree head (every line before the heads) against the harness's.
 * Records, model views, responses and ticket entries carry no signature of their own: a record
 * is read only when the harness head holds (signed by a trusted harness key, over exactly the
 * lines present), as a v1 record is read only when its own envelope verifies.
 * A file the reader refuses gives a single structure issue with the reader's code and line.
 */
import { PAYLOAD_TYPES } from '../../core/bundle/media-types.js';
import type { ManifestPayload, ModelResponseEntry, ModelViewEntry, ProofBundle, RecordPayload, TicketEntry } from '../../core/bundle/types.js';
import type { DsseEnvelope } from '../../core/dsse.js';
import type { Digest } from '../../core/hash.js';
import type { JsonObject } from '../../core/json.js';
import type { TrustRole, TrustRoot } from '../../core/trust-root.js';
import { isV2ReadError } from '../../format/v2/errors.js';
import { BUNDLE_V2_MEDIA_TYPE, BUNDLE_V2_VERSION, TREE_HEAD_PAYLOAD_TYPE } from '../../format/v2/media-types.js';
import type { HeaderLine } from '../../format/v2/header-line.js';
import type { TreeHeadLine } from '../../format/v2/signed-lines.js';
import { treeHeadCoverage } from '../../format/v2/tree-head.js';
import { wpcView } from '../build-context.js';
import type { EnvelopeView, ItemView, TreeHeadView, VerifyContext, VerifyOptions } from '../context.js';
import { verifyCst } from '../cst-view.js';
import { verifyEnvelope } from '../envelope-view.js';
import { InFlight } from '../in-flight.js';
import { partsProgress, type PartsProgress } from '../parts-progress.js';
import type { CheckIssue } from '../report.js';
import { keyResolver } from '../trusted-keys.js';
import { liftApproval, liftReceipt } from './lift.js';
import { readV2Lines, type Hashed, type Numbered, type V2Lines } from './read-lines.js';
import { verifySignedLine, type LineSignatureResult } from './signed-line.js';

/**
 * Signatures outstanding at once while the file is read: more than a 1 MiB chunk of lines holds
 * (about 440 on the bench file), so the reader never waits on a worker that is keeping up, and
 * few enough (about 1 MB of messages) that a slow backend holds the reading back rather than
 * queueing the whole file.
 */
const SIGNATURES_IN_FLIGHT = 1024;

const EMPTY_ENVELOPE: DsseEnvelope = Object.freeze({ payloadType: '', payload: '', signatures: [] }) as DsseEnvelope;

/** `format`: the header's media type and version when the reader got past line 1 (the file is a v2 bundle, refused later on). */
export type V2ContextResult =
  | { readonly ok: true; readonly ctx: VerifyContext }
  | { readonly ok: false; readonly issue: CheckIssue; readonly format: { readonly mediaType: string; readonly version: number } | null };

export async function buildContextV2(bytes: Uint8Array, bundleHash: Digest, trustRoot: TrustRoot, options: VerifyOptions): Promise<V2ContextResult> {
  const resolvers = new Map<TrustRole, ReturnType<typeof keyResolver>>();
  const resolverFor = (role: TrustRole) => {
    let r = resolvers.get(role);
    if (r === undefined) resolvers.set(role, (r = keyResolver(trustRoot, role)));
    return r;
  };
  const backend = options.backend;
  // Progress: every line read and every signature checked, interleaved (the header says how many of each).
  let progress: PartsProgress | undefined;
  let format: { mediaType: string; version: number } | null = null;
  // Line 1, once read: the key list the signed lines name their keys by.
  let firstLine: HeaderLine | undefined;
  const tick = () => progress?.tick();
  const signed = async (signedLine: { payload: unknown; sig: string }, role: 'proxy' | 'approver' | 'harness', payloadType: string, pointer: string, number: number, what: string) => {
    const result = await verifySignedLine(signedLine, { role, payloadType, pointer, line: number, what }, firstLine!, resolverFor(role), backend);
    tick();
    return result;
  };
  // Receipts' and approvals' signatures are checked as their lines are read, so a worker pool
  // works while this thread parses; a refused file leaves their results unread.
  const receiptSignatures = new InFlight<LineSignatureResult>(SIGNATURES_IN_FLIGHT);
  const approvalSignatures = new InFlight<LineSignatureResult>(SIGNATURES_IN_FLIGHT);
  let lines: V2Lines;
  try {
    // Only a signed line hands the reader a promise to wait for (room in the window).
    lines = await readV2Lines(bytes, (line, number) => {
      tick();
      switch (line.t) {
        case 'header': {
          firstLine = line;
          format = { mediaType: line.mediaType, version: line.version };
          const c = line.counts;
          const jobLines = c.receipts + c.records + c.approvals + c.model_views + c.model_responses + c.tickets;
          progress = partsProgress(5 + jobLines + 4 + c.receipts + c.approvals, options.onPartsChecked);
          tick();
          return undefined;
        }
        case 'receipt': {
          const pointer = `/receipts/${receiptSignatures.started}`;
          return receiptSignatures.start(() => signed(line, 'proxy', PAYLOAD_TYPES.receipt, pointer, number, 'receipt'));
        }
        case 'approval': {
          const pointer = `/approvals/${approvalSignatures.started}`;
          return approvalSignatures.start(() => signed(line, 'approver', PAYLOAD_TYPES.approval, pointer, number, 'approval'));
        }
        default:
          return undefined;
      }
    });
  } catch (error) {
    // Anything but a refusal is a reader bug: it fails closed as a crashed check, never as a throw.
    if (!isV2ReadError(error)) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        issue: { severity: 'fail', code: 'CHECK_CRASHED', message: `the v2 reader stopped with an internal error (${reason}); the file counts as unreadable`, evidence: [{}] },
        format,
      };
    }
    return {
      ok: false,
      issue: {
        severity: 'fail',
        code: error.code,
        message: `the file is not a readable v2 bundle: ${error.message}`,
        evidence: [{ note: `line ${error.line}`, ...(error.pointer === undefined ? {} : { payloadPointer: error.pointer }) }],
      },
      format,
    };
  }
  const { read } = lines;
  const header = read.header;

  const wpcResult = await verifyEnvelope<JsonObject>(read.wpc.envelope, { pointer: '/wpc', index: 0, role: 'controls', payloadType: PAYLOAD_TYPES.wpc, what: 'WPC', schema: null }, resolverFor('controls'), backend);
  tick();
  const wpc = wpcView(wpcResult.view, wpcResult.json);
  const cst = await verifyCst(read.cst.token, resolverFor('scope'), backend);
  tick();

  const harnessNumber = read.lines;
  const proxyNumber = read.lines - 1;
  const proxyHead = headView(read.treeHeads.proxy, 'proxy', proxyNumber, read.proxyTree, await signed(read.treeHeads.proxy, 'proxy', TREE_HEAD_PAYLOAD_TYPE, '/receipts', proxyNumber, 'proxy tree head'));
  const harnessHead = headView(
    read.treeHeads.harness,
    'harness',
    harnessNumber,
    read.harnessTree,
    await signed(read.treeHeads.harness, 'harness', TREE_HEAD_PAYLOAD_TYPE, '/manifest', harnessNumber, 'harness tree head'),
  );

  const receiptResults = await receiptSignatures.all();
  const approvalResults = await approvalSignatures.all();
  const receipts = lines.receipts.map((r, index) => signedView(r, 'proxy', `/receipts/${index}`, index, receiptResults[index]!, liftReceipt(r.line.payload)));
  const approvals = lines.approvals.map((a, index) => signedView(a, 'approver', `/approvals/${index}`, index, approvalResults[index]!, liftApproval(a.line.payload)));
  progress?.finish();

  const records = lines.records.map((r, index): EnvelopeView<RecordPayload> => ({
    pointer: `/records/${index}`,
    role: 'harness',
    index,
    keyids: [harnessHead.keyid],
    trustedValidKeyids: harnessHead.holds ? [harnessHead.keyid] : [],
    signatureOk: harnessHead.holds,
    signatureStatus: harnessHead.holds ? 'valid' : harnessHead.signatureStatus === 'untrusted' ? 'untrusted' : 'invalid',
    signatures: harnessHead.signatures,
    payloadHash: r.hash,
    payload: harnessHead.holds ? r.line : null,
    problems: [],
  }));

  const modelViews = items<ModelViewEntry>(lines.views, 'model_views');
  const modelResponses = items<ModelResponseEntry>(lines.responses, 'model_responses');
  const tickets = items<TicketEntry>(lines.tickets, 'tickets');

  const head = read.treeHeads.harness.payload;
  const manifestPayload: ManifestPayload = {
    v: 2,
    bundle_media_type: BUNDLE_V2_MEDIA_TYPE,
    bundle_version: BUNDLE_V2_VERSION,
    job_id: head.job_id,
    policy_hash: head.policy_hash as Digest,
    // A v2 head does not restate the CST: its line is one of the lines the head covers.
    cst_jti: cst.claims?.jti ?? '',
    cst_hash: cst.tokenHash,
    created_at: head.at,
    counts: header.counts,
    tree_size: head.size,
    merkle_root: head.root_hash as Digest,
  };
  const manifest: EnvelopeView<ManifestPayload> = {
    pointer: '/manifest',
    role: 'harness',
    index: 0,
    keyids: [harnessHead.keyid],
    trustedValidKeyids: harnessHead.trustedValidKeyids,
    signatureOk: harnessHead.signatureStatus === 'valid',
    signatureStatus: harnessHead.signatureStatus,
    signatures: harnessHead.signatures,
    payloadHash: null,
    payload: harnessHead.signatureStatus === 'valid' ? manifestPayload : null,
    problems: harnessHead.signatureProblems,
  };

  const present = <T>(list: readonly ItemView<T>[]): T[] => list.map((i) => i.value!);
  const bundle: ProofBundle = {
    mediaType: header.mediaType,
    version: header.version,
    wpc: wpcResult.envelope ?? EMPTY_ENVELOPE,
    cst: cst.token,
    receipts: [],
    records: [],
    approvals: [],
    model_views: present(modelViews),
    model_responses: present(modelResponses),
    tickets: present(tickets),
    manifest: EMPTY_ENVELOPE,
  };
  const ctx: VerifyContext = {
    bundle,
    document: { mediaType: header.mediaType, version: header.version, cst: cst.token },
    bundleHash,
    structureIssues: [],
    items: { modelViews, modelResponses, tickets },
    trustRoot,
    options,
    wpc,
    cst,
    receipts,
    records,
    approvals,
    manifest,
    v2: { header, lines: read.lines, proxyHead, harnessHead },
  };
  return { ok: true, ctx };
}

function signedView<P>(line: Hashed<unknown>, role: TrustRole, pointer: string, index: number, sig: LineSignatureResult, payload: P): EnvelopeView<P> {
  const ok = sig.status === 'valid';
  return {
    pointer,
    role,
    index,
    keyids: [sig.keyid],
    trustedValidKeyids: sig.trustedValidKeyids,
    signatureOk: ok,
    signatureStatus: sig.status,
    signatures: sig.signatures,
    payloadHash: line.hash,
    // A payload no trusted key signed is never interpreted (as for a v1 envelope).
    payload: ok ? payload : null,
    problems: sig.problems,
  };
}

function headView(line: TreeHeadLine, service: 'proxy' | 'harness', number: number, tree: V2Lines['read']['proxyTree'], sig: LineSignatureResult): TreeHeadView {
  const coverage = treeHeadCoverage(line, { service, tree });
  return {
    service,
    line: number,
    payload: line.payload,
    keyid: sig.keyid,
    signatureStatus: sig.status,
    signatures: sig.signatures,
    trustedValidKeyids: sig.trustedValidKeyids,
    signatureProblems: sig.problems,
    coverage,
    holds: sig.status === 'valid' && coverage.length === 0,
  };
}

/** View, response and ticket lines as v1's entries: the same members without `t` (the reader checked their schemas). */
function items<T>(lines: readonly Numbered<{ t: string }>[], member: string): ItemView<T>[] {
  return lines.map((l, index) => {
    const { t: _t, ...entry } = l.line;
    return { pointer: `/${member}/${index}`, index, value: entry as T };
  });
}
