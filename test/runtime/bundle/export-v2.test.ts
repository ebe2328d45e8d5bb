import { describe, expect, it } from 'vitest';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import { isClawproofError } from '../../../src/core/errors.js';
import { joinLines } from '../../../src/format/v2/encode.js';
import { PAYLOAD_TYPES } from '../../../src/format/v2/media-types.js';
import { readBundleV2, type V2ReadResult } from '../../../src/format/v2/read.js';
import { verifyLinePayload } from '../../../src/format/v2/sign-line.js';
import { checkTreeHead } from '../../../src/format/v2/tree-head.js';
import { exportBundleV2, v2SignersOf, type V2RunSigners } from '../../../src/runtime/bundle/export-v2.js';
import { newKeyring } from '../../../src/runtime/keys/generate.js';
import { signerFor, type Signer } from '../../../src/runtime/keys/keyring.js';
import { runJob } from '../../../src/runtime/job/run-job.js';
import { manifestOf } from '../bundle-reader.js';
import { AUTO_ASSIGN_WPC, KEYRING, START, fixedModel, makeTickets } from '../support.js';

const model = fixedModel([{ action: 'tickets.assign', args: { queue: 'tech_support' } }]);
const SIGNERS = v2SignersOf(KEYRING);

let run: Promise<ProofBundle> | undefined;
/** One auto-approved run of 4 tickets (receipts, every record kind, approvals), made once. */
function bundle(): Promise<ProofBundle> {
  run ??= runJob({ wpc: AUTO_ASSIGN_WPC(), tickets: makeTickets(4), model, keyring: KEYRING, seed: 11, start: START, approvals: 'auto' }).then((r) => r.bundle);
  return run;
}

async function read(bytes: Uint8Array): Promise<{ result: V2ReadResult; lines: { t: string; payload?: unknown; sig?: string }[] }> {
  const lines: { t: string; payload?: unknown; sig?: string }[] = [];
  async function* once(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  const result = await readBundleV2(once(), { onLine: ({ line }) => void lines.push(line as { t: string }) });
  return { result, lines };
}

/** The RUN_INPUT_INVALID message `fn` throws. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isClawproofError(error) && error.code).toBe('RUN_INPUT_INVALID');
    return (error as Error).message;
  }
  throw new Error('expected a RUN_INPUT_INVALID refusal');
}

describe('exportBundleV2 (a finished run as format v2)', () => {
  it('is read back by readBundleV2, its heads holding under the run’s proxy and harness keys, with the v1 bundle’s counts', async () => {
    const v1 = await bundle();
    const encoded = exportBundleV2(v1, SIGNERS);
    const { result } = await read(encoded.bytes);
    expect(result.header.job_id).toBe(manifestOf(v1).job_id);
    expect(result.counts).toEqual({
      receipts: v1.receipts.length,
      records: v1.records.length,
      approvals: v1.approvals.length,
      model_views: v1.model_views.length,
      model_responses: v1.model_responses.length,
      tickets: v1.tickets.length,
    });
    expect(v1.approvals.length).toBeGreaterThan(0);
    expect(result.header.keys).toEqual({ proxy: [SIGNERS.proxy.keyid], approver: [SIGNERS.approver.keyid], harness: [SIGNERS.harness.keyid] });
    expect(await checkTreeHead(result.treeHeads.proxy, { service: 'proxy', tree: result.proxyTree, publicKey: SIGNERS.proxy.publicKey })).toEqual([]);
    expect(await checkTreeHead(result.treeHeads.harness, { service: 'harness', tree: result.harnessTree, publicKey: SIGNERS.harness.publicKey })).toEqual([]);
    // Each head is its own service's: under the other one's key its signature fails.
    const swapped = await checkTreeHead(result.treeHeads.proxy, { service: 'proxy', tree: result.proxyTree, publicKey: SIGNERS.harness.publicKey });
    expect(swapped.map((p) => p.code)).toEqual(['TREE_HEAD_SIGNATURE_INVALID']);
    expect(encoded.bytes).toEqual(joinLines(encoded.lines));
    expect(encoded.signatures).toBe(2 + v1.receipts.length + v1.approvals.length + 2);
  });

  it('signs every receipt with the run’s proxy key and every approval with its approver key', async () => {
    const { lines } = await read(exportBundleV2(await bundle(), SIGNERS).bytes);
    const v1 = await bundle();
    const signed = lines.filter((l) => l.t === 'receipt' || l.t === 'approval');
    expect(signed.length).toBe(v1.receipts.length + v1.approvals.length);
    for (const line of signed) {
      const [type, own, other] = line.t === 'receipt' ? [PAYLOAD_TYPES.receipt, SIGNERS.proxy, SIGNERS.approver] : [PAYLOAD_TYPES.approval, SIGNERS.approver, SIGNERS.proxy];
      expect(await verifyLinePayload(type, line.payload, line.sig!, own.publicKey)).toBe(true);
      expect(await verifyLinePayload(type, line.payload, line.sig!, other.publicKey)).toBe(false);
    }
  });

  it('gives the same bytes for the same run (deterministic Ed25519, times from the run)', async () => {
    const again = (await runJob({ wpc: AUTO_ASSIGN_WPC(), tickets: makeTickets(4), model, keyring: KEYRING, seed: 11, start: START, approvals: 'auto' })).bundle;
    expect(Buffer.from(exportBundleV2(again, v2SignersOf(KEYRING)).bytes).equals(Buffer.from(exportBundleV2(await bundle(), SIGNERS).bytes))).toBe(true);
  });

  it.each([
    ['proxy', 'harness'],
    ['approver', 'proxy'],
    ['harness', 'approver'],
    ['proxy', 'scope'],
  ] as const)('refuses a %s signer that is the %s key (RUN_INPUT_INVALID)', async (role, wrong) => {
    const signers: V2RunSigners = { ...SIGNERS, [role]: signerFor(KEYRING, wrong) };
    const v1 = await bundle();
    expect(refusal(() => exportBundleV2(v1, signers))).toContain(`signed with the ${role} key, not the ${wrong} key`);
  });

  it.each(['proxy', 'approver', 'harness'] as const)('refuses a %s signer of the right role whose key did not sign that part of the run', async (role) => {
    const other = newKeyring({ validFrom: START, randomBytes: (n) => new Uint8Array(n).fill(7) });
    const signer: Signer = signerFor(other, role);
    const v1 = await bundle();
    expect(refusal(() => exportBundleV2(v1, { ...SIGNERS, [role]: signer }))).toContain(`not by the given ${role} key ${signer.keyid}`);
  });
});
