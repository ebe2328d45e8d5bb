/**
 * verifyBundle: the offline verifier. Reads the bundle (bytes, text or parsed JSON) under size and
 * depth limits, verifies every signature against the auditor's trust root (never keys from the
 * bundle), runs EVERY check (it never stops at the first failure) and returns the report.
 *
 * It never throws for a bad bundle: unusable input gives a report whose structure check fails
 * with an INPUT_* code and whose other checks are skipped. It rejects only for a caller's mistake:
 * an unusable trust root (TRUST_ROOT_INVALID, with every problem) or malformed options
 * (VERIFY_OPTIONS_INVALID).
 */
import { trustRootDigest, parseTrustRoot, type TrustRoot } from '../core/trust-root.js';
import { buildContext } from './build-context.js';
import { checkApprovals } from './checks/approvals.js';
import { checkCst } from './checks/cst.js';
import { checkDecisions } from './checks/decisions.js';
import { checkLimits } from './checks/limits.js';
import { checkManifest } from './checks/manifest.js';
import { checkModelViews } from './checks/model_views.js';
import { checkProposals } from './checks/proposals.js';
import { checkReceipts } from './checks/receipts.js';
import { checkRedaction } from './checks/redaction.js';
import { checkReplay } from './checks/replay.js';
import { checkSchedule } from './checks/schedule.js';
import { checkResult, failIssue, skippedResult } from './checks/result.js';
import { checkStructure } from './checks/structure.js';
import { checkTickets } from './checks/tickets.js';
import { checkTrust } from './checks/trust.js';
import { checkWpc } from './checks/wpc.js';
import type { VerifyContext, VerifyOptions } from './context.js';
import { ticketDiffs } from './diff/ticket-diff.js';
import { timeline } from './diff/timeline.js';
import { verifyError } from './errors.js';
import { readBundleInput } from './input.js';
import { buildContextV2 } from './v2/build-context-v2.js';
import { v2BytesOf } from './v2/detect.js';
import { sha256, type Digest } from '../core/hash.js';
import { LIMITATIONS } from './limitations.js';
import { DEFAULT_MAX_BUNDLE_BYTES, DEFAULT_MAX_BUNDLE_DEPTH } from '../format/limits.js';
import { CHECK_IDS, type CheckId, type CheckIssue, type CheckResult, type Report } from './report.js';
import { verdictOf } from './verdict.js';
import { rootCauses } from './causes/index.js';
import { PART_LISTS, type PartList } from './causes/places.js';
import { summaryOf } from './verdict-words.js';
import { VERIFIER_VERSION } from './version.js';

type Check = (ctx: VerifyContext) => CheckResult | Promise<CheckResult>;

/** One function per check id, run in CHECK_IDS order. */
const CHECKS: Readonly<Record<CheckId, Check>> = {
  structure: checkStructure,
  trust: checkTrust,
  wpc: checkWpc,
  cst: checkCst,
  receipts: checkReceipts,
  model_views: checkModelViews,
  redaction: checkRedaction,
  proposals: checkProposals,
  decisions: checkDecisions,
  approvals: checkApprovals,
  limits: checkLimits,
  schedule: checkSchedule,
  tickets: checkTickets,
  replay: checkReplay,
  manifest: checkManifest,
};

export async function verifyBundle(bundle: Uint8Array | string | unknown, trustRoot: TrustRoot | unknown, options: VerifyOptions = {}): Promise<Report> {
  const checked = checkOptions(options);
  const root = readTrustRoot(trustRoot);
  const rootInfo = { name: root.name, hash: trustRootDigest(root), demoOnly: root.demoOnly === true };
  const checkedAt = new Date().toISOString();
  const unreadable = (issue: CheckIssue, hash: Digest | null, bytes: number, format: { mediaType: string; version: number } | null = null): Report => {
    const checks = CHECK_IDS.map((id) =>
      id === 'structure'
        ? checkResult('structure', [issue], [], `The bundle could not be read (${issue.code}), so no other check ran.`)
        : skippedResult(id, 'Not run: the bundle could not be read (see structure).'),
    );
    report(checks, 0, checked.onProgress);
    const causes = rootCauses({ checks, trustRootName: root.name });
    return {
      reportVersion: 1,
      verifier: { name: 'clawproof', version: VERIFIER_VERSION },
      verdict: 'invalid',
      summary: summaryOf('invalid', checks, causes),
      causes,
      checkedAt,
      bundle: { hash, bytes, mediaType: format?.mediaType ?? null, version: format?.version ?? null, jobId: null, policyHash: null },
      trustRoot: rootInfo,
      checks,
      limitations: LIMITATIONS,
      tickets: [],
      timeline: [],
    };
  };

  let ctx: VerifyContext;
  let input: { readonly hash: Digest; readonly bytes: number };
  const v2 = v2BytesOf(bundle, checked.maxBytes);
  if (v2 !== null) {
    if (v2.length > checked.maxBytes) {
      // Hashing a refused oversize input would be the unbounded work the limit exists to prevent.
      return unreadable({ severity: 'fail', code: 'INPUT_TOO_LARGE', message: `the bundle is ${v2.length} bytes, more than the input limit of ${checked.maxBytes}`, evidence: [{}] }, null, v2.length);
    }
    input = { hash: sha256(v2), bytes: v2.length };
    const built = await buildContextV2(v2, input.hash, root, checked);
    if (!built.ok) return unreadable(built.issue, input.hash, input.bytes, built.format);
    ctx = built.ctx;
  } else {
    const v1 = readBundleInput(bundle, { maxBytes: checked.maxBytes, maxDepth: checked.maxDepth });
    if (!v1.ok) return unreadable(v1.issue, v1.hash, v1.bytes);
    input = v1;
    ctx = await buildContext(v1.document, v1.hash, root, checked);
  }
  const checks: CheckResult[] = [];
  for (const id of CHECK_IDS) {
    checks.push(await runCheck(id, ctx));
    report(checks, CHECK_IDS.length, checked.onProgress);
  }
  const verdict = verdictOf(checks, ctx);
  const doc = ctx.document;
  const tickets = guarded(() => ticketDiffs(ctx), []);
  const causes = rootCauses({ checks, tickets, trustRootName: root.name, counts: countsOf(ctx) });
  return {
    reportVersion: 1,
    verifier: { name: 'clawproof', version: VERIFIER_VERSION },
    verdict,
    summary: summaryOf(verdict, checks, causes),
    causes,
    checkedAt,
    bundle: {
      hash: input.hash,
      bytes: input.bytes,
      mediaType: typeof doc.mediaType === 'string' ? doc.mediaType : null,
      version: typeof doc.version === 'number' ? doc.version : null,
      jobId: ctx.cst.claims?.job_id ?? ctx.manifest.payload?.job_id ?? null,
      policyHash: ctx.wpc.policyHash,
    },
    trustRoot: rootInfo,
    checks,
    limitations: LIMITATIONS,
    tickets,
    timeline: guarded(() => timeline(ctx), []),
  };
}

/** What the cause sentences may say about the bundle ("receipt 6 of 16"): the lengths of its lists as read. */
function countsOf(ctx: VerifyContext): Partial<Record<PartList, number>> {
  if (ctx.v2 !== undefined) return { ...ctx.v2.header.counts };
  const doc = ctx.document as Record<string, unknown>;
  const counts: Partial<Record<PartList, number>> = {};
  for (const name of PART_LISTS) {
    const list = doc[name];
    if (Array.isArray(list)) counts[name] = list.length;
  }
  return counts;
}

/** A check that throws is a verifier bug; it must not hide the other checks or pass: it fails. */
async function runCheck(id: CheckId, ctx: VerifyContext): Promise<CheckResult> {
  try {
    return await CHECKS[id](ctx);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return checkResult(id, [failIssue('CHECK_CRASHED', `the ${id} check stopped with an internal error (${reason}); it is counted as failed`)], [], `The ${id} check could not complete.`);
  }
}

function guarded<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function report(checks: readonly CheckResult[], total: number, onProgress: VerifyOptions['onProgress']): void {
  const last = checks[checks.length - 1];
  if (onProgress === undefined || last === undefined || total === 0) return;
  try {
    onProgress(checks.length, total, last.id);
  } catch {
    // A progress display that fails must not change a verification.
  }
}

interface CheckedOptions extends VerifyOptions {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

function checkOptions(options: unknown): CheckedOptions {
  if (typeof options !== 'object' || options === null) throw verifyError('VERIFY_OPTIONS_INVALID', 'verifyBundle options must be an object');
  const o = options as VerifyOptions;
  const limit = (value: unknown, name: string, fallback: number, max: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
      throw verifyError('VERIFY_OPTIONS_INVALID', `verifyBundle option ${name} must be a whole number from 1 to ${max}`);
    }
    return value;
  };
  if (o.now !== undefined && (!(o.now instanceof Date) || Number.isNaN(o.now.getTime()) || o.now.getUTCFullYear() < 1 || o.now.getUTCFullYear() > 9999)) {
    throw verifyError('VERIFY_OPTIONS_INVALID', 'verifyBundle option now must be a valid Date between the years 1 and 9999');
  }
  if (o.seenTokens !== undefined && !(o.seenTokens instanceof Map)) {
    throw verifyError('VERIFY_OPTIONS_INVALID', 'verifyBundle option seenTokens must be a Map from jti to job id');
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw verifyError('VERIFY_OPTIONS_INVALID', 'verifyBundle option onProgress must be a function');
  }
  if (o.onPartsChecked !== undefined && typeof o.onPartsChecked !== 'function') {
    throw verifyError('VERIFY_OPTIONS_INVALID', 'verifyBundle option onPartsChecked must be a function');
  }
  return {
    ...o,
    // Above 1 GiB a JavaScript string cannot hold the document anyway.
    maxBytes: limit(o.maxBytes, 'maxBytes', DEFAULT_MAX_BUNDLE_BYTES, 1024 * 1024 * 1024),
    // The canonical serialiser's own nesting bound (core CANONICAL_MAX_DEPTH).
    maxDepth: limit(o.maxDepth, 'maxDepth', DEFAULT_MAX_BUNDLE_DEPTH, 1000),
  };
}

function readTrustRoot(input: unknown): TrustRoot {
  if (input === undefined || input === null) {
    throw verifyError('VERIFY_TRUST_ROOT_MISSING', 'verifyBundle needs a trust root: the auditor\'s own keys, never ones taken from the bundle');
  }
  return parseTrustRoot(input); // TRUST_ROOT_INVALID with every problem
}
