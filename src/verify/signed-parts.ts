/**
 * Every signed part of a bundle with the role its signer must hold and the instant it was signed
 * at, which is when the signer's key must have been valid: a receipt's, record's or approval's
 * `at`, the manifest's `created_at`, the CST's `iat`. A WPC carries no time of its own; it is
 * judged at the start of the job that ran under it (job_start's `at`, else the CST's iat).
 * With `options.now` every key is judged at that instant instead.
 */
import type { DsseSignatureStatus } from '../core/dsse.js';
import { formatUtcTimestamp } from '../core/time.js';
import type { TrustRole } from '../core/trust-root.js';
import type { SignatureStatus, VerifyContext } from './context.js';

export interface SignedPart {
  readonly pointer: string;
  readonly role: TrustRole;
  /** "receipt rct_…", "the WPC": for messages. */
  readonly label: string;
  readonly signatureStatus: SignatureStatus;
  readonly signatures: readonly { readonly keyid: string; readonly status: DsseSignatureStatus }[];
  readonly trustedValidKeyids: readonly string[];
  /** RFC 3339 UTC instant the key must be valid at; null when the part's time could not be read. */
  readonly at: string | null;
  readonly atSource: string;
  readonly receiptId?: string;
  readonly recordId?: string;
  readonly approvalId?: string;
}

export function signedParts(ctx: VerifyContext): SignedPart[] {
  const now = ctx.options.now === undefined ? null : ctx.options.now.toISOString();
  const job = jobStart(ctx);
  // A part whose own time cannot be read (its payload failed the structure check) is judged at
  // the job's start: the structure check fails it anyway, and its key is still checked.
  const when = (own: string | null, source: string): { at: string | null; atSource: string } =>
    now !== null
      ? { at: now, atSource: 'the verification time (options.now)' }
      : own !== null
        ? { at: own, atSource: source }
        : { at: job.at, atSource: `${job.source}, since its own time is unreadable` };

  const parts: SignedPart[] = [];
  parts.push({
    pointer: ctx.wpc.pointer,
    role: ctx.wpc.role,
    label: 'the WPC',
    signatureStatus: ctx.wpc.signatureStatus,
    signatures: ctx.wpc.signatures,
    trustedValidKeyids: ctx.wpc.trustedValidKeyids,
    ...when(job.at, job.source),
  });
  const cst = ctx.cst;
  parts.push({
    pointer: cst.pointer,
    role: 'scope',
    label: 'the CST',
    signatureStatus: cst.signatureStatus,
    signatures: cst.keyid === null ? [] : [{ keyid: cst.keyid, status: cst.signatureOk ? 'valid' : cst.signatureStatus === 'invalid' ? 'invalid' : 'unknown-key' }],
    trustedValidKeyids: cst.signatureOk && cst.keyid !== null ? [cst.keyid] : [],
    ...when(cst.claims === null ? null : secondsToTimestamp(cst.claims.iat), 'its iat'),
  });
  for (const v of ctx.receipts) {
    const id = v.payload?.receipt_id;
    parts.push({ ...envelopePart(v, `receipt ${id ?? v.pointer}`), ...when(v.payload?.at ?? null, 'its at'), ...(id === undefined ? {} : { receiptId: id }) });
  }
  // v2 records are not signed one by one: the harness tree head (the manifest's part) vouches for them.
  for (const v of ctx.v2 === undefined ? ctx.records : []) {
    const id = v.payload?.record_id;
    parts.push({ ...envelopePart(v, `record ${id ?? v.pointer}`), ...when(v.payload?.at ?? null, 'its at'), ...(id === undefined ? {} : { recordId: id }) });
  }
  for (const v of ctx.approvals) {
    const id = v.payload?.approval_id;
    parts.push({ ...envelopePart(v, `approval ${id ?? v.pointer}`), ...when(v.payload?.at ?? null, 'its at'), ...(id === undefined ? {} : { approvalId: id }) });
  }
  if (ctx.v2 !== undefined) {
    const head = ctx.v2.proxyHead;
    parts.push({
      pointer: '/receipts',
      role: 'proxy',
      label: `the proxy tree head (line ${head.line})`,
      signatureStatus: head.signatureStatus,
      signatures: head.signatures,
      trustedValidKeyids: head.trustedValidKeyids,
      ...when(head.payload.at, 'its at'),
    });
  }
  const closing = ctx.v2 === undefined ? 'the manifest' : `the harness tree head (line ${ctx.v2.harnessHead.line})`;
  parts.push({ ...envelopePart(ctx.manifest, closing), ...when(ctx.manifest.payload?.created_at ?? ctx.v2?.harnessHead.payload.at ?? null, 'its created_at') });
  return parts;
}

/** The instant the job started, as far as signed data tells: job_start's at (the format's rule), else the CST's iat. */
function jobStart(ctx: VerifyContext): { at: string | null; source: string } {
  const first = ctx.records[0]?.payload;
  if (first?.kind === 'job_start') return { at: first.at, source: "the job's start (job_start's at)" };
  if (ctx.cst.claims !== null) return { at: secondsToTimestamp(ctx.cst.claims.iat), source: "the job's start (the CST's iat)" };
  const created = ctx.manifest.payload?.created_at;
  if (created !== undefined) return { at: created, source: "the manifest's created_at" };
  return { at: null, source: 'no readable time in the bundle' };
}

function envelopePart(
  v: VerifyContext['receipts'][number] | VerifyContext['records'][number] | VerifyContext['approvals'][number] | VerifyContext['manifest'],
  label: string,
) {
  return {
    pointer: v.pointer,
    role: v.role,
    label,
    signatureStatus: v.signatureStatus,
    signatures: v.signatures,
    trustedValidKeyids: v.trustedValidKeyids,
  };
}

/** NumericDate seconds as an RFC 3339 UTC timestamp with milliseconds; null outside years 0000-9999. */
export function secondsToTimestamp(seconds: number): string | null {
  return formatUtcTimestamp(seconds * 1000) ?? null;
}
