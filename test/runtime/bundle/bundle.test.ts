import { describe, expect, it } from 'vitest';
import { base64Decode } from '../../../src/core/bytes.js';
import { canonicalBytes } from '../../../src/core/canonical.js';
import { verifyDsse, type DsseEnvelope } from '../../../src/core/dsse.js';
import { digestOfJson, sha256 } from '../../../src/core/hash.js';
import { verifyCompactJws } from '../../../src/core/jws.js';
import { BUNDLE_MEDIA_TYPE, PAYLOAD_TYPES } from '../../../src/core/bundle/media-types.js';
import { bundleCounts, bundleMerkleRoot } from '../../../src/core/bundle/leaves.js';
import type { TrustRole } from '../../../src/core/trust-root.js';
import { signerFor } from '../../../src/runtime/keys/keyring.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import { bundleBytes, serializeBundle } from '../../../src/runtime/bundle/serialize.js';
import { manifestOf, receiptsOf, recordsOf } from '../bundle-reader.js';
import { AUTO_ASSIGN_WPC, KEYRING, START, fixedModel, makeTickets } from '../support.js';

const model = fixedModel([{ action: 'tickets.assign', args: { queue: 'tech_support' } }]);
const options = () => ({ wpc: AUTO_ASSIGN_WPC(), tickets: makeTickets(4), model, keyring: KEYRING, seed: 11, start: START, approvals: 'auto' as const });

async function signedBy(envelope: DsseEnvelope, role: TrustRole, payloadType: string): Promise<boolean> {
  const signer = signerFor(KEYRING, role);
  const v = await verifyDsse(envelope, (id) => (id === signer.keyid ? signer.publicKey : undefined), { payloadType });
  return v.validKeyids.length === 1;
}

describe('proof bundle', () => {
  it('is byte-identical for identical inputs, seed and start; a different seed gives another job', async () => {
    const first = (await runJob(options())).bundle;
    const again = (await runJob(options())).bundle;
    expect(Buffer.from(bundleBytes(first)).equals(Buffer.from(bundleBytes(again)))).toBe(true);
    const other = (await runJob({ ...options(), seed: 12 })).bundle;
    expect(manifestOf(other).job_id).not.toBe(manifestOf(first).job_id);
    expect(manifestOf(other).cst_jti).not.toBe(manifestOf(first).cst_jti);
  });

  it('has each part signed by its own role key, with the payload type of its kind', async () => {
    const { bundle } = await runJob(options());
    expect(bundle.mediaType).toBe(BUNDLE_MEDIA_TYPE);
    expect(await signedBy(bundle.wpc, 'controls', PAYLOAD_TYPES.wpc)).toBe(true);
    for (const r of bundle.receipts) expect(await signedBy(r, 'proxy', PAYLOAD_TYPES.receipt)).toBe(true);
    for (const r of bundle.records) expect(await signedBy(r, 'harness', PAYLOAD_TYPES.record)).toBe(true);
    for (const r of bundle.approvals) expect(await signedBy(r, 'approver', PAYLOAD_TYPES.approval)).toBe(true);
    expect(await signedBy(bundle.manifest, 'harness', PAYLOAD_TYPES.manifest)).toBe(true);
    // No part is accepted under another role's key.
    expect(await signedBy(bundle.records[0]!, 'proxy', PAYLOAD_TYPES.record)).toBe(false);
    const scope = signerFor(KEYRING, 'scope');
    await expect(verifyCompactJws(bundle.cst, (kid) => (kid === scope.keyid ? scope.publicKey : undefined), { typ: 'cst+jwt' })).resolves.toBeDefined();
  });

  it('chains receipts and records by the sha256 of the previous payload bytes, seq equal to position', async () => {
    const { bundle } = await runJob(options());
    for (const list of [bundle.receipts, bundle.records]) {
      let prev: string | null = null;
      list.forEach((envelope, i) => {
        const bytes = base64Decode(envelope.payload);
        const payload = JSON.parse(new TextDecoder().decode(bytes)) as { seq: number; prev: string | null };
        expect([payload.seq, payload.prev]).toEqual([i, prev]);
        expect(canonicalBytes(payload)).toEqual(bytes); // payloads are RFC 8785 bytes
        prev = sha256(bytes);
      });
    }
  });

  it('closes with a manifest committing to counts, the Merkle root over every part, the job, the CST and the policy', async () => {
    const { bundle } = await runJob(options());
    const { manifest: _, mediaType: __, version: ___, ...body } = bundle;
    const m = manifestOf(bundle);
    const { root, treeSize } = bundleMerkleRoot(body);
    expect(m.merkle_root).toBe(root);
    expect(m.tree_size).toBe(treeSize);
    expect(treeSize).toBe(2 + bundle.receipts.length + bundle.records.length + bundle.approvals.length + 2 * bundle.receipts.length + bundle.tickets.length);
    expect(m.counts).toEqual(bundleCounts(body));
    expect(m.cst_hash).toBe(sha256(bundle.cst));
    expect(m.policy_hash).toBe(sha256(base64Decode(bundle.wpc.payload)));
    const records = recordsOf(bundle);
    expect(m.created_at).toBe(records[records.length - 1]!.at);
    expect(m.job_id).toBe(records[0]!.job_id);
  });

  it('pairs every receipt with its model view and response by hash, and every ticket entry with its done record', async () => {
    const { bundle } = await runJob(options());
    receiptsOf(bundle).forEach((r, i) => {
      expect(bundle.model_views[i]!.receipt_id).toBe(r.receipt_id);
      expect(digestOfJson(bundle.model_views[i]!.request)).toBe(r.request_hash);
      expect(digestOfJson(bundle.model_responses[i]!.response)).toBe(r.response_hash);
    });
    const done = recordsOf(bundle).filter((r) => r.kind === 'ticket_done');
    expect(bundle.tickets.map((t) => digestOfJson(t.after))).toEqual(done.map((d) => (d as { after_hash: string }).after_hash));
  });

  it('serialises with two-space indentation and a final newline', async () => {
    const { bundle } = await runJob(options());
    const text = serializeBundle(bundle);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "mediaType": "${BUNDLE_MEDIA_TYPE}",`);
    expect(JSON.parse(text)).toEqual(bundle);
  });
});
