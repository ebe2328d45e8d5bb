/**
 * Builds the VerifyContext every check reads: the document's own shape checked part by part
 * (schemas/bundle.ts), every envelope and the CST verified once against the trust root for its
 * role (WPC: controls; receipts: proxy; records and manifest: harness; approvals: approver; CST:
 * scope), payloads parsed strictly and shape-checked. A broken part never stops the others: it
 * gets a view saying why it is unusable, and the checks that need it report that.
 */
import type { z } from 'zod';
import { PAYLOAD_TYPES } from '../core/bundle/media-types.js';
import type {
  ApprovalPayload,
  ManifestPayload,
  ModelResponseEntry,
  ModelViewEntry,
  ProofBundle,
  ReceiptPayload,
  RecordPayload,
  TicketEntry,
} from '../core/bundle/types.js';
import type { DsseEnvelope } from '../core/dsse.js';
import type { VerifySignatureOptions } from '../core/ed25519/index.js';
import { digestOfJson, type Digest } from '../core/hash.js';
import type { JsonObject } from '../core/json.js';
import type { TrustRole, TrustRoot } from '../core/trust-root.js';
import { validateWpc } from '../policy/index.js';
import type { EnvelopeView, ItemView, VerifyContext, VerifyOptions, WpcView } from './context.js';
import { verifyCst } from './cst-view.js';
import { verifyEnvelope, type EnvelopeSpec } from './envelope-view.js';
import type { CheckIssue } from './report.js';
import { checkDocumentShape } from './document-shape.js';
import { modelResponseEntrySchema, modelViewEntrySchema, ticketEntrySchema } from './schemas/bundle.js';
import { zodIssuesToReport } from './schemas/issues.js';
import { approvalPayloadSchema, manifestPayloadSchema, receiptPayloadSchema, recordPayloadSchema } from './schemas/payloads.js';
import { keyResolver } from './trusted-keys.js';
import { mapConcurrent } from './map-concurrent.js';
import { partsProgress, type PartsProgress } from './parts-progress.js';

/** Envelopes of one list verified at once: enough to keep every core of a worker pool busy. */
const SIGNATURES_IN_FLIGHT = 256;

/** An envelope that could not be read stands in the typed bundle as this (its view says why). */
const EMPTY_ENVELOPE: DsseEnvelope = Object.freeze({ payloadType: '', payload: '', signatures: [] }) as DsseEnvelope;

export async function buildContext(
  document: JsonObject,
  bundleHash: Digest,
  trustRoot: TrustRoot,
  options: VerifyOptions,
): Promise<VerifyContext> {
  const shape = checkDocumentShape(document);
  const backend = options.backend;
  const resolvers = new Map<TrustRole, ReturnType<typeof keyResolver>>();
  const resolverFor = (role: TrustRole) => {
    let r = resolvers.get(role);
    if (r === undefined) resolvers.set(role, (r = keyResolver(trustRoot, role)));
    return r;
  };
  // The signed parts: the WPC, the CST, every receipt, record and approval, the manifest.
  const progress = partsProgress(3 + shape.lists.receipts.length + shape.lists.records.length + shape.lists.approvals.length, options.onPartsChecked);
  const envelope = async <P>(raw: unknown, spec: EnvelopeSpec<P>) => {
    const result = await verifyEnvelope(raw, spec, resolverFor(spec.role), backend);
    progress.tick();
    return result;
  };

  const wpcResult = await envelope<JsonObject>(document.wpc, {
    pointer: '/wpc',
    index: 0,
    role: 'controls',
    payloadType: PAYLOAD_TYPES.wpc,
    what: 'WPC',
    schema: null,
  });
  const wpc = wpcView(wpcResult.view, wpcResult.json);
  const cst = await verifyCst(document.cst, resolverFor('scope'), backend);
  progress.tick();

  const receipts = await envelopeList<ReceiptPayload>(shape.lists.receipts, 'receipts', 'proxy', PAYLOAD_TYPES.receipt, 'receipt', receiptPayloadSchema, resolverFor('proxy'), backend, progress);
  const records = await envelopeList<RecordPayload>(shape.lists.records, 'records', 'harness', PAYLOAD_TYPES.record, 'record', recordPayloadSchema, resolverFor('harness'), backend, progress, {
    unknownKindCode: 'RECORD_KIND_UNKNOWN',
  });
  const approvals = await envelopeList<ApprovalPayload>(shape.lists.approvals, 'approvals', 'approver', PAYLOAD_TYPES.approval, 'approval', approvalPayloadSchema, resolverFor('approver'), backend, progress);
  const manifestResult = await envelope<ManifestPayload>(document.manifest, {
    pointer: '/manifest',
    index: 0,
    role: 'harness',
    payloadType: PAYLOAD_TYPES.manifest,
    what: 'manifest',
    schema: manifestPayloadSchema as unknown as z.ZodType<ManifestPayload>,
    place: { valueCodes: { v: 'VERSION_UNSUPPORTED' } },
  });
  progress.finish();

  const structureIssues: CheckIssue[] = [...shape.issues];
  const modelViews = itemList<ModelViewEntry>(shape.lists.model_views, 'model_views', modelViewEntrySchema, 'model view entry', structureIssues);
  const modelResponses = itemList<ModelResponseEntry>(shape.lists.model_responses, 'model_responses', modelResponseEntrySchema, 'model response entry', structureIssues);
  const tickets = itemList<TicketEntry>(shape.lists.tickets, 'tickets', ticketEntrySchema, 'ticket entry', structureIssues);

  const bundle: ProofBundle = {
    mediaType: typeof document.mediaType === 'string' ? document.mediaType : '',
    version: typeof document.version === 'number' ? document.version : 0,
    wpc: wpcResult.envelope ?? EMPTY_ENVELOPE,
    cst: cst.token,
    receipts: receipts.envelopes,
    records: records.envelopes,
    approvals: approvals.envelopes,
    model_views: present(modelViews),
    model_responses: present(modelResponses),
    tickets: present(tickets),
    manifest: manifestResult.envelope ?? EMPTY_ENVELOPE,
  };
  return {
    bundle,
    document,
    bundleHash,
    structureIssues,
    items: { modelViews, modelResponses, tickets },
    trustRoot,
    options,
    wpc,
    cst,
    receipts: receipts.views,
    records: records.views,
    approvals: approvals.views,
    manifest: manifestResult.view,
  };
}

/** The WPC's view with its policy hash and validation (also read by the v2 context, src/verify/v2). */
export function wpcView(view: EnvelopeView<JsonObject>, json: unknown): WpcView {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const problems =
      json === null
        ? view.problems
        : [...view.problems, { severity: 'fail', code: 'WPC_INVALID', message: 'the signed WPC payload is not a JSON object', evidence: [{ pointer: '/wpc' }] } satisfies CheckIssue];
    return { ...view, problems, payload: null, policyHash: null, policy: null, wpcProblems: [] };
  }
  const payload = json as JsonObject;
  const validation = validateWpc(payload);
  return {
    ...view,
    payload,
    policyHash: digestOfJson(payload),
    policy: validation.ok ? validation.policy : null,
    wpcProblems: validation.ok ? validation.warnings : validation.problems,
  };
}

async function envelopeList<P>(
  list: readonly unknown[],
  member: 'receipts' | 'records' | 'approvals',
  role: TrustRole,
  payloadType: string,
  what: string,
  schema: z.ZodType,
  resolveKey: ReturnType<typeof keyResolver>,
  backend: VerifySignatureOptions['backend'],
  progress: PartsProgress,
  place: EnvelopeSpec<P>['place'] = {},
): Promise<{ views: EnvelopeView<P>[]; envelopes: DsseEnvelope[] }> {
  const results = await mapConcurrent(list, SIGNATURES_IN_FLIGHT, async (raw, index) => {
    const spec: EnvelopeSpec<P> = {
      pointer: `/${member}/${index}`,
      index,
      role,
      payloadType,
      what,
      schema: schema as unknown as z.ZodType<P>,
      place: { valueCodes: { v: 'VERSION_UNSUPPORTED' }, ...place },
    };
    const result = await verifyEnvelope(raw, spec, resolveKey, backend);
    progress.tick();
    return result;
  });
  return { views: results.map((r) => r.view), envelopes: results.map((r) => r.envelope ?? EMPTY_ENVELOPE) };
}

function itemList<T>(list: readonly unknown[], member: string, schema: z.ZodType, what: string, issues: CheckIssue[]): ItemView<T>[] {
  return list.map((raw, index) => {
    const pointer = `/${member}/${index}`;
    const result = schema.safeParse(raw);
    // The entry itself, not zod's copy of it (the same value: see envelope-view.ts), so it is not held twice.
    if (result.success) return { pointer, index, value: raw as T };
    issues.push(...zodIssuesToReport(result.error.issues, raw, { pointer, inPayload: false, what }));
    return { pointer, index, value: null };
  });
}

function present<T>(items: readonly ItemView<T>[]): T[] {
  return items.flatMap((item) => (item.value === null ? [] : [item.value]));
}
