/**
 * runJob: one job end to end. Builds each service with its own key, stores and signs the WPC,
 * mints the job's CST, runs the tickets through the schedule, and closes the proof bundle.
 *
 * Deterministic: the same options (WPC, tickets, model, keyring, seed, start, approvals,
 * arrival, latency) give a byte-identical bundle. Time is the simulated clock's; ids derive
 * from the inputs (ids.ts); signatures are deterministic Ed25519.
 */
import { digestOfJson, type Digest } from '../../core/hash.js';
import type { ProofBundle } from '../../core/bundle/types.js';
import { evaluate } from '../../policy/index.js';
import { approvalModeName } from '../approvals.js';
import { SimulatedClock, formatTimestamp } from '../clock.js';
import { runtimeError } from '../errors.js';
import { deriveJobIdentity } from '../ids.js';
import { checkKeysValidAt, signerFor } from '../keys/keyring.js';
import { assembleBundle } from '../bundle/assemble.js';
import { RecordLog } from '../records/record-log.js';
import { arrivalJson, latencyJson } from '../schedule/options.js';
import { Approver } from '../services/approver.js';
import { CstMinter } from '../services/cst-minter.js';
import { ReceiptingProxy } from '../services/proxy.js';
import { defaultScopes } from '../services/scopes.js';
import { WpcStore } from '../services/wpc-store.js';
import { DETECTOR_IDS, DLP_RULESET_VERSION } from '../../dlp/index.js';
import type { Degradation, JobContext } from './context.js';
import { inputSkippedJson } from './input-skipped.js';
import { checkOptions, type RunJobOptions } from './options.js';
import { degradeThreshold, runSchedule, type ScheduleLimits } from './scheduler.js';

export type { RunJobOptions, RunProgress } from './options.js';

/** Calls per ticket the harness allows itself when the WPC sets no max_model_calls_per_ticket. */
export const HARNESS_MAX_ATTEMPTS = 3;
/** Calls per ticket the harness never exceeds: a huge WPC cap must not become an endless retry loop. */
export const HARNESS_ATTEMPT_CEILING = 10;

export interface TicketSummary {
  readonly ticketId: number;
  readonly status: 'classified' | 'unclassified' | 'skipped';
  /** Phase 1 (note, labels) applied. */
  readonly annotated: readonly string[];
  /** Phase 2 applied, and refused. */
  readonly applied: readonly string[];
  readonly refused: readonly string[];
}

export interface RunSummary {
  readonly jobId: string;
  readonly policyHash: Digest;
  readonly cstJti: string;
  readonly model: string;
  readonly start: string;
  readonly end: string;
  readonly tickets: readonly TicketSummary[];
  readonly degraded: Degradation | null;
  readonly receipts: number;
  readonly records: number;
  readonly approvals: number;
}

export interface RunResult {
  readonly bundle: ProofBundle;
  readonly summary: RunSummary;
}

export async function runJob(options: RunJobOptions): Promise<RunResult> {
  const checked = checkOptions(options);
  const inputSkipped = inputSkippedJson(options.inputSkipped);
  const clock = new SimulatedClock(checked.startMs);
  const { keyring, tickets, model } = options;
  checkKeysValidAt(keyring, checked.startMs);

  const store = new WpcStore(signerFor(keyring, 'controls'));
  const wpc = store.put(options.wpc);
  const policy = wpc.policy;
  const identity = deriveJobIdentity({
    seed: checked.seed,
    start: formatTimestamp(checked.startMs),
    policyHash: wpc.hash,
    ticketHashes: tickets.map((t) => digestOfJson(t)),
    model: model.id,
    approvalMode: approvalModeName(checked.approvals),
  });
  const cst = new CstMinter(signerFor(keyring, 'scope'), clock).mint({
    jobId: identity.jobId,
    jti: identity.jti,
    scopes: options.scopes ?? defaultScopes(policy),
    wpc,
    pinPolicyHash: true,
    ttlSeconds: options.cstTtlSeconds,
  });
  // Reading tickets is itself a tool call: a WPC or token that does not allow it leaves nothing to run.
  const read = evaluate({ action: 'tickets.read', phase: 'apply' }, { policy, cstScopes: cst.claims.scope });
  if (read.outcome !== 'allow') throw runtimeError('RUN_REFUSED', `the run cannot read tickets: ${read.reason}`, { pointer: read.rule });

  const scopeSigner = signerFor(keyring, 'scope');
  const limits: ScheduleLimits = {
    ratePerMinute: policy.limits.ratePerMinute?.value ?? null,
    maxConcurrency: policy.limits.maxConcurrency?.value ?? null,
    maxTicketsPerRun: policy.limits.maxTicketsPerRun?.value ?? null,
  };
  const maxCalls = policy.limits.maxModelCallsPerTicket?.value ?? null;
  const job: JobContext = {
    jobId: identity.jobId,
    clock,
    wpc,
    cst,
    model,
    log: new RecordLog(signerFor(keyring, 'harness'), clock, identity.jobId),
    proxy: new ReceiptingProxy({
      signer: signerFor(keyring, 'proxy'),
      clock,
      model,
      scopeKey: { keyid: scopeSigner.keyid, publicKey: scopeSigner.publicKey },
      jobId: identity.jobId,
      policyHash: wpc.hash,
      requirePin: policy.pinPolicyHash.value,
      maxCallsPerTicket: maxCalls,
    }),
    approver: new Approver(signerFor(keyring, 'approver'), clock, identity.jobId),
    approvals: checked.approvals,
    latency: checked.latency,
    maxAttempts: HARNESS_MAX_ATTEMPTS,
    attemptCeiling: HARNESS_ATTEMPT_CEILING,
    degraded: null,
    modelViews: [],
    modelResponses: [],
  };

  job.log.append({
    kind: 'job_start',
    policy_hash: wpc.hash,
    cst_jti: cst.claims.jti,
    model: model.id,
    approval_mode: approvalModeName(checked.approvals),
    ticket_count: tickets.length,
    limits: {
      rate_limit_per_minute: limits.ratePerMinute,
      max_concurrency: limits.maxConcurrency,
      max_model_calls_per_ticket: maxCalls,
      max_tickets_per_run: limits.maxTicketsPerRun,
      degrade_backlog_threshold: degradeThreshold(limits),
      harness_max_attempts: HARNESS_MAX_ATTEMPTS,
      harness_attempt_ceiling: HARNESS_ATTEMPT_CEILING,
      arrival: arrivalJson(checked.arrival),
      model_latency: latencyJson(checked.latency),
    },
    redaction: {
      ruleset: DLP_RULESET_VERSION,
      detectors: [...DETECTOR_IDS],
      redact_fields: policy.redaction.redactFields.map((f) => f.path),
      max_chars: policy.redaction.maxCharsSentToModel.value,
    },
    input_skipped: inputSkipped,
  });
  const schedule = await runSchedule(job, tickets, checked.arrival, limits, options.onProgress);
  const entries = schedule.outcomes.flatMap((o) => (o === undefined ? [] : [o.entry]));
  job.log.append({
    kind: 'job_end',
    tickets_processed: entries.length,
    degraded: job.degraded !== null,
    degraded_at: job.degraded?.at ?? null,
    degraded_reason: job.degraded?.reason ?? null,
  });

  const bundle = assembleBundle(
    {
      wpc: wpc.envelope,
      cst: cst.token,
      receipts: [...job.proxy.receipts],
      records: [...job.log.envelopes],
      approvals: [...job.approver.envelopes],
      model_views: job.modelViews,
      model_responses: job.modelResponses,
      tickets: entries,
    },
    { jobId: identity.jobId, policyHash: wpc.hash, cstJti: cst.claims.jti, cstHash: cst.hash },
    signerFor(keyring, 'harness'),
    clock.now(),
  );
  return {
    bundle,
    summary: {
      jobId: identity.jobId,
      policyHash: wpc.hash,
      cstJti: cst.claims.jti,
      model: model.id,
      start: formatTimestamp(checked.startMs),
      end: formatTimestamp(clock.now()),
      tickets: tickets.map((t, i) => {
        const o = schedule.outcomes[i];
        if (o === undefined) return { ticketId: t.id, status: 'skipped', annotated: [], applied: [], refused: [] };
        const status = o.classified ? 'classified' : 'unclassified';
        return { ticketId: t.id, status, annotated: o.annotated, applied: o.applied, refused: o.refused };
      }),
      degraded: job.degraded,
      receipts: bundle.receipts.length,
      records: bundle.records.length,
      approvals: bundle.approvals.length,
    },
  };
}
