/**
 * Test support for the verifier's decision, approval, limit and ticket checks and the diffs: real
 * bundles made by the runtime with the demo keyring, contexts built by the verifier's own
 * buildContext, and tampering helpers that re-sign what they change (with the demo keys), re-chain
 * the records and re-close the manifest, so the check under test, not a signature or Merkle check,
 * is what must catch the change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64Decode } from '../../../src/core/bytes.js';
import { canonicalBytes } from '../../../src/core/canonical.js';
import { signDsse, type DsseEnvelope } from '../../../src/core/dsse.js';
import { digestOfJson, sha256 } from '../../../src/core/hash.js';
import { parseStrictJson, type JsonObject } from '../../../src/core/json.js';
import { PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import type { ApprovalPayload, ManifestPayload, ProofBundle, RecordPayload } from '../../../src/core/bundle/types.js';
import { assembleBundle } from '../../../src/runtime/bundle/assemble.js';
import type { RunJobOptions } from '../../../src/runtime/job/options.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import { demoKeyring } from '../../../src/runtime/keys/generate.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { trustRootFromKeyring } from '../../../src/runtime/keys/trust-root.js';
import { getModel } from '../../../src/runtime/models/index.js';
import type { ClassifierModel } from '../../../src/runtime/services/model.js';
import { getSampleSet } from '../../../src/runtime/tickets/bundled-sample.js';
import type { Ticket } from '../../../src/runtime/tickets/types.js';
import { buildContext } from '../../../src/verify/build-context.js';
import type { VerifyContext } from '../../../src/verify/context.js';
import type { CheckResult } from '../../../src/verify/report.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const KEYRING = demoKeyring();
export const TRUST_ROOT = trustRootFromKeyring(KEYRING);
export const START = '2026-01-05T09:00:00.000Z';

export function policy(name: string): JsonObject {
  return JSON.parse(readFileSync(join(ROOT, 'fixtures', 'policies', `${name}.wpc.json`), 'utf8')) as JsonObject;
}

/** The first `n` tickets of the bundled sample set (as the runtime imported them). */
export function sampleTickets(n: number): Ticket[] {
  return getSampleSet().tickets.slice(0, n);
}

/** A model that always asks for the same actions (plus a label), so a test controls what is applied. */
export function fixedModel(actions: { action: string; args: JsonObject }[], id = 'test-fixed'): ClassifierModel {
  return {
    id,
    classify: () => ({
      category: 'billing',
      confidence: 0.9,
      recommended_queue: 'billing',
      rationale: 'mentions a charge',
      priority: 'normal',
      notification_template: null,
      requested_actions: [{ action: 'tickets.add_label', args: { label: 'category_billing' } }, ...actions],
    }),
  };
}

/** A model whose answers lack the required fields: the harness calls it again, up to its cap. */
export function uselessModel(): ClassifierModel {
  return { id: 'test-useless', classify: () => ({ category: 'billing' }) };
}

export type RunOptions = Partial<Omit<RunJobOptions, 'model'>> & { model?: ClassifierModel | 'local' | 'compromised' };

export async function run(options: RunOptions = {}): Promise<ProofBundle> {
  const model = options.model === undefined || typeof options.model === 'string' ? getModel(options.model ?? 'local') : options.model;
  const result = await runJob({
    wpc: policy('routing-auto-assign-approval'),
    tickets: sampleTickets(8),
    keyring: KEYRING,
    seed: 1,
    start: START,
    ...options,
    model,
  });
  return result.bundle;
}

export async function contextOf(bundle: ProofBundle): Promise<VerifyContext> {
  const document = JSON.parse(JSON.stringify(bundle)) as JsonObject;
  return buildContext(document, digestOfJson(document), TRUST_ROOT, {});
}

export function payloadOf<T>(envelope: DsseEnvelope): T {
  return parseStrictJson(base64Decode(envelope.payload)) as T;
}

/** Hash of each record payload object as recordsOf read it, so a rewrite can re-point references to it. */
const ORIGINAL_HASH = new WeakMap<object, string>();

export function recordsOf(bundle: ProofBundle): RecordPayload[] {
  return bundle.records.map((e) => {
    const payload = payloadOf<RecordPayload>(e);
    ORIGINAL_HASH.set(payload, sha256(base64Decode(e.payload)));
    return payload;
  });
}

export function approvalsOf(bundle: ProofBundle): ApprovalPayload[] {
  return bundle.approvals.map((e) => payloadOf<ApprovalPayload>(e));
}

export function hashOfRecord(bundle: ProofBundle, index: number): string {
  return sha256(base64Decode(bundle.records[index]!.payload));
}

/** Fail and warn codes of a check result. */
export function codes(result: CheckResult): string[] {
  return result.issues.map((i) => i.code);
}

export function failCodes(result: CheckResult): string[] {
  return result.issues.filter((i) => i.severity === 'fail').map((i) => i.code);
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A copy of `bundle` with record payloads changed by `edit` (called on every record, in order; it
 * may change the payload in place or return a list to replace it: [] drops it, two entries insert
 * one). The records are then rewritten as a dishonest harness would (rewriteRecords).
 */
export function editRecords(bundle: ProofBundle, edit: (record: RecordPayload, index: number) => RecordPayload[] | void): ProofBundle {
  return rewriteRecords(bundle, recordsOf(bundle).flatMap((r, i) => edit(r, i) ?? [r]));
}

/**
 * Replaces the records with `records` made fully consistent again: re-numbered, re-chained,
 * decisions and approvals re-pointed at the new hashes of the proposals they named, everything
 * re-signed with the demo keys and the manifest re-closed. Only the semantics can then be wrong.
 */
export function rewriteRecords(bundle: ProofBundle, records: RecordPayload[]): ProofBundle {
  const moved = new Map<string, string>();
  let prev: string | null = null;
  const chained = records.map((r, seq) => {
    const next = { ...r, seq, prev } as RecordPayload;
    if (next.kind === 'decision' && next.proposal_hash !== null) next.proposal_hash = (moved.get(next.proposal_hash) ?? next.proposal_hash) as typeof next.proposal_hash;
    const hash = sha256(canonicalBytes(next));
    const original = ORIGINAL_HASH.get(r);
    if (original !== undefined && original !== hash) moved.set(original, hash);
    prev = hash;
    return next;
  });
  const approvals = approvalsOf(bundle).map((a) => ({ ...a, proposal_hash: (moved.get(a.proposal_hash) ?? a.proposal_hash) as typeof a.proposal_hash }));
  return withApprovals(withRecords(bundle, chained), approvals);
}

/** Signs record payloads exactly as given (no re-chaining) and re-closes the manifest. */
export function withRecords(bundle: ProofBundle, records: RecordPayload[]): ProofBundle {
  const harness = signerFor(KEYRING, 'harness');
  return reclose({ ...bundle, records: records.map((r) => signDsse(PAYLOAD_TYPES.record, canonicalBytes(r), [harness])) });
}

export function withApprovals(bundle: ProofBundle, approvals: ApprovalPayload[]): ProofBundle {
  const approver = signerFor(KEYRING, 'approver');
  return reclose({ ...bundle, approvals: approvals.map((a) => signDsse(PAYLOAD_TYPES.approval, canonicalBytes(a), [approver])) });
}

/** Replaces the WPC with `wpc`, signed by the demo controls key. */
export function withWpc(bundle: ProofBundle, wpc: JsonObject): ProofBundle {
  return reclose({ ...bundle, wpc: signDsse(PAYLOAD_TYPES.wpc, canonicalBytes(wpc), [signerFor(KEYRING, 'controls')]) });
}

/** Changes ticket entries (unsigned) and, with `resign`, the after_hash of their ticket_done records to match. */
export function editTickets(bundle: ProofBundle, edit: (entry: ProofBundle['tickets'][number]) => void, resign = true): ProofBundle {
  const tickets = clone(bundle.tickets);
  tickets.forEach(edit);
  const next = reclose({ ...bundle, tickets });
  if (!resign) return next;
  const hashes = new Map(tickets.map((t) => [t.ticket_id, digestOfJson(t.after)]));
  return editRecords(next, (r) => {
    if (r.kind === 'ticket_done') r.after_hash = hashes.get(r.ticket_id) as typeof r.after_hash;
  });
}

/** Re-closes the manifest over the bundle's current parts (same binding and creation time). */
export function reclose(bundle: ProofBundle): ProofBundle {
  const manifest = payloadOf<ManifestPayload>(bundle.manifest);
  const { manifest: _old, mediaType: _m, version: _v, ...body } = bundle;
  return assembleBundle(
    clone(body),
    { jobId: manifest.job_id, policyHash: manifest.policy_hash, cstJti: manifest.cst_jti, cstHash: manifest.cst_hash },
    signerFor(KEYRING, 'harness'),
    Date.parse(manifest.created_at),
  );
}

/** Routing in apply mode: tickets.assign may be applied with no approval; tight limits so a run degrades. */
export const DEGRADE_WPC: JsonObject = {
  wpc_version: '1',
  workflow: 'degrade_demo',
  tools: { allow: ['tickets.read', 'tickets.add_label', 'tickets.add_internal_note', 'tickets.assign'], deny: ['tickets.delete'] },
  outputs: { mode: 'apply', redaction: { required: true } },
  limits: { rate_limit_per_minute: 2, max_concurrency: 1 },
};

export const ASSIGN_BILLING = { action: 'tickets.assign', args: { queue: 'billing' } };

/**
 * Tickets arrive every 10 s; two start per minute: the first two are assigned, then the backlog
 * outgrows the concurrency cap and the job degrades, so later assigns are refused as degraded.
 */
export function degradedRun(): Promise<ProofBundle> {
  return run({ wpc: DEGRADE_WPC, model: fixedModel([ASSIGN_BILLING]), tickets: sampleTickets(6), arrival: { kind: 'steady', perMinute: 6 } });
}
