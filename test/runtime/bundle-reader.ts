/** Test helpers that read a bundle's signed payloads (without verifying: the verifier's job). */
import { base64Decode } from '../../src/core/bytes.js';
import type { DsseEnvelope } from '../../src/core/dsse.js';
import { parseStrictJson } from '../../src/core/json.js';
import type { ApprovalPayload, ManifestPayload, ProofBundle, ReceiptPayload, RecordPayload } from '../../src/core/bundle/types.js';

export function payloadOf<T>(envelope: DsseEnvelope): T {
  return parseStrictJson(base64Decode(envelope.payload)) as T;
}

export function recordsOf(bundle: ProofBundle): RecordPayload[] {
  return bundle.records.map((e) => payloadOf<RecordPayload>(e));
}

export function receiptsOf(bundle: ProofBundle): ReceiptPayload[] {
  return bundle.receipts.map((e) => payloadOf<ReceiptPayload>(e));
}

export function approvalsOf(bundle: ProofBundle): ApprovalPayload[] {
  return bundle.approvals.map((e) => payloadOf<ApprovalPayload>(e));
}

export function manifestOf(bundle: ProofBundle): ManifestPayload {
  return payloadOf<ManifestPayload>(bundle.manifest);
}

export function recordsOfKind<K extends RecordPayload['kind']>(bundle: ProofBundle, kind: K): Extract<RecordPayload, { kind: K }>[] {
  return recordsOf(bundle).filter((r): r is Extract<RecordPayload, { kind: K }> => r.kind === kind);
}
