/**
 * Real bundles for the verifier's tests, made by the runtime with the published demo keyring,
 * and the tools to tamper with them: edit a signed part and re-sign it with a demo key (a valid
 * signature over bad content), re-chain the receipts, re-seal the manifest. Only tests use the
 * runtime: src/verify never imports it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { base64Decode, base64Encode, concatBytes, utf8Decode, utf8Encode } from '../../src/core/bytes.js';
import { canonicalBytes } from '../../src/core/canonical.js';
import { pae, signDsse, type DsseEnvelope } from '../../src/core/dsse.js';
import { sha256 } from '../../src/core/hash.js';
import type { JsonObject } from '../../src/core/json.js';
import { signCompactJws } from '../../src/core/jws.js';
import { PAYLOAD_TYPES, type PayloadKind } from '../../src/core/bundle/media-types.js';
import { bundleCounts, bundleMerkleRoot } from '../../src/core/bundle/leaves.js';
import type { CstClaims, ManifestPayload, ProofBundle, ReceiptPayload, RecordPayload } from '../../src/core/bundle/types.js';
import type { TrustRole, TrustRoot } from '../../src/core/trust-root.js';
import { DEMO_VALID_FROM, DEMO_VALID_UNTIL, demoKeyring, newKeyring } from '../../src/runtime/keys/generate.js';
import { signerFor, type Keyring } from '../../src/runtime/keys/keyring.js';
import { trustRootFromKeyring } from '../../src/runtime/keys/trust-root.js';
import { runJob } from '../../src/runtime/job/run-job.js';
import { getModel } from '../../src/runtime/models/index.js';
import { getSampleSet } from '../../src/runtime/tickets/bundled-sample.js';
import type { VerifyOptions } from '../../src/verify/context.js';
import type { CheckId, CheckResult, Report } from '../../src/verify/report.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { registered } from './registry.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const KEYRING = demoKeyring();
export const TRUST_ROOT: TrustRoot = trustRootFromKeyring(KEYRING);
/** Keys nobody's trust root lists: a stranger signing. Deterministic, so failures reproduce. */
export const STRANGER: Keyring = newKeyring({
  name: 'a stranger',
  validFrom: DEMO_VALID_FROM,
  validUntil: DEMO_VALID_UNTIL,
  randomBytes: (() => {
    let n = 0;
    return (length: number) => sha512(utf8Encode(`stranger key ${n++}`)).slice(0, length);
  })(),
});
export const START = '2026-01-05T09:00:00.000Z';

export type PolicyName = 'ticket-routing' | 'zendesk' | 'routing-auto-assign-approval';
export interface BundleSpec {
  readonly policy?: PolicyName;
  readonly model?: 'local' | 'compromised';
  /** How many of the sample tickets (from the first). */
  readonly tickets?: number;
  readonly seed?: number;
}

const cache = new Map<string, Promise<ProofBundle>>();

/**
 * A bundle of the runtime, made once per spec and handed out as a fresh deep copy. Default: the
 * auto-assign WPC (so approvals exist), the local model, 4 sample tickets, auto approvals.
 */
export async function makeBundle(spec: BundleSpec = {}): Promise<ProofBundle> {
  const full = { policy: 'routing-auto-assign-approval', model: 'local', tickets: 4, seed: 1, ...spec } as const;
  const key = JSON.stringify(full);
  let made = cache.get(key);
  if (made === undefined) {
    made = runJob({
      wpc: readPolicy(full.policy),
      tickets: getSampleSet().tickets.slice(0, full.tickets),
      model: getModel(full.model),
      keyring: KEYRING,
      seed: full.seed,
      start: START,
      approvals: 'auto',
    }).then((r) => r.bundle);
    cache.set(key, made);
  }
  return structuredClone(await made);
}

export function readPolicy(name: PolicyName): JsonObject {
  return JSON.parse(readFileSync(join(ROOT, 'fixtures', 'policies', `${name}.wpc.json`), 'utf8')) as JsonObject;
}

/** verifyBundle, with the report held to the code registry (registry.ts). */
export async function verify(bundle: unknown, root: unknown = TRUST_ROOT, options: VerifyOptions = {}): Promise<Report> {
  return registered(await verifyBundle(bundle, root, options));
}

export function checkOf(report: Report, id: CheckId): CheckResult {
  const found = report.checks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`the report has no ${id} check`);
  return found;
}

/** Issue codes of one check, in order. */
export function codesOf(report: Report, id: CheckId): string[] {
  return checkOf(report, id).issues.map((i) => i.code);
}

export function failedChecks(report: Report): CheckId[] {
  return report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
}

// --- reading and signing ------------------------------------------------------------------------

export function payloadOf<T>(envelope: DsseEnvelope): T {
  return JSON.parse(utf8Decode(base64Decode(envelope.payload))) as T;
}

export function signPayload(kind: PayloadKind, role: TrustRole, payload: unknown, keyring: Keyring = KEYRING): DsseEnvelope {
  return signDsse(PAYLOAD_TYPES[kind], canonicalBytes(payload), [signerFor(keyring, role)]);
}

/** Signs exactly these payload bytes (for payloads that are deliberately not canonical JSON). */
export function signRawPayload(kind: PayloadKind, role: TrustRole, bytes: Uint8Array, keyring: Keyring = KEYRING): DsseEnvelope {
  return signDsse(PAYLOAD_TYPES[kind], bytes, [signerFor(keyring, role)]);
}

/** The envelope's payload edited and signed again, by default with the demo key of `role`. */
export function edited<T>(envelope: DsseEnvelope, kind: PayloadKind, role: TrustRole, edit: (payload: T) => void, keyring: Keyring = KEYRING): DsseEnvelope {
  const payload = payloadOf<T>(envelope);
  edit(payload);
  return signPayload(kind, role, payload, keyring);
}

/**
 * Every receipt edited by `edit` (which may do nothing) and the chain re-linked (each `prev` the
 * hash of the new previous payload), signed with the demo proxy key: a consistent chain over
 * whatever the edit says.
 */
export function rewriteReceipts(bundle: ProofBundle, edit: (receipt: ReceiptPayload, index: number) => void = () => undefined): void {
  let prev: string | null = null;
  bundle.receipts = bundle.receipts.map((envelope, i) => {
    const payload = payloadOf<ReceiptPayload>(envelope);
    edit(payload, i);
    payload.prev = prev as ReceiptPayload['prev'];
    const bytes = canonicalBytes(payload);
    prev = sha256(bytes);
    return signDsse(PAYLOAD_TYPES.receipt, bytes, [signerFor(KEYRING, 'proxy')]);
  });
}

/** As rewriteReceipts, for the harness's records. */
export function rewriteRecords(bundle: ProofBundle, edit: (record: RecordPayload, index: number) => void = () => undefined): void {
  let prev: string | null = null;
  bundle.records = bundle.records.map((envelope, i) => {
    const payload = payloadOf<RecordPayload>(envelope);
    edit(payload, i);
    payload.prev = prev as RecordPayload['prev'];
    const bytes = canonicalBytes(payload);
    prev = sha256(bytes);
    return signDsse(PAYLOAD_TYPES.record, bytes, [signerFor(KEYRING, 'harness')]);
  });
}

/** A new manifest over the bundle as it is now (counts, Merkle root), with `edit` applied, signed by the demo harness key. */
export function reseal(bundle: ProofBundle, edit: (manifest: ManifestPayload) => void = () => undefined, keyring: Keyring = KEYRING): void {
  const manifest = payloadOf<ManifestPayload>(bundle.manifest);
  const { manifest: _m, mediaType: _t, version: _v, ...body } = bundle;
  const { root, treeSize } = bundleMerkleRoot(body);
  manifest.counts = bundleCounts(body);
  manifest.tree_size = treeSize;
  manifest.merkle_root = root;
  edit(manifest);
  bundle.manifest = signPayload('manifest', 'harness', manifest, keyring);
}

export function claimsOf(token: string): CstClaims {
  return JSON.parse(utf8Decode(base64UrlToBytes(token.split('.')[1] ?? ''))) as CstClaims;
}

/** A CST signed with the demo scope key (or another keyring's), header as the minter writes it. */
export function mintCst(claims: CstClaims, header: Record<string, string> = {}, keyring: Keyring = KEYRING): string {
  const scope = signerFor(keyring, 'scope');
  return signCompactJws({ typ: 'cst+jwt', kid: scope.keyid, ...header }, claims as unknown as JsonObject, scope.secretKey);
}

function base64UrlToBytes(text: string): Uint8Array {
  const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return base64Decode(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

/** A trust root like the demo one, with `change` applied to each key entry (e.g. a shifted window). */
export function trustRootWith(change: (key: Record<string, unknown>) => void, base: TrustRoot = TRUST_ROOT): unknown {
  const copy = structuredClone(base) as unknown as { keys: Record<string, unknown>[] };
  copy.keys.forEach(change);
  return copy;
}

// --- signature malleation -----------------------------------------------------------------------

const L = ed25519.Point.Fn.ORDER;

/** The same signature with S replaced by S + L: equal under the equation, rejected by the S < L rule. */
export function withSPlusL(sig: Uint8Array): Uint8Array {
  const s = bytesToNumberLE(sig.subarray(32));
  return concatBytes(sig.subarray(0, 32), numberToBytesLE(s + L, 32));
}

/**
 * A signature of `message` whose R is moved by a point of order 8 and whose S is recomputed for
 * it: valid under the cofactored equation (lenient verifiers accept it), invalid under the strict
 * cofactorless rule every Clawproof verifier applies.
 */
export function resignedWithTorsionR(seed: Uint8Array, message: Uint8Array): Uint8Array {
  const { scalar, prefix, pointBytes } = ed25519.utils.getExtendedPublicKey(seed);
  const Point = ed25519.Point;
  const torsion = Point.fromBytes(Uint8Array.from(Buffer.from('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', 'hex')));
  const r = bytesToNumberLE(sha512(concatBytes(prefix, message))) % L;
  const R = Point.BASE.multiply(r === 0n ? 1n : r).add(torsion).toBytes();
  const k = bytesToNumberLE(sha512(concatBytes(R, pointBytes, message))) % L;
  return concatBytes(R, numberToBytesLE((r + k * scalar) % L, 32));
}

/** The message a DSSE signature covers. */
export function paeOf(envelope: DsseEnvelope): Uint8Array {
  return pae(envelope.payloadType, base64Decode(envelope.payload));
}

export function withSignature(envelope: DsseEnvelope, sig: Uint8Array): DsseEnvelope {
  return { ...envelope, signatures: [{ keyid: envelope.signatures[0]!.keyid, sig: base64Encode(sig) }] };
}
