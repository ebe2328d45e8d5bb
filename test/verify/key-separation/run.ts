/**
 * Runs every mutation of one key over one job and sorts the results: rejected (the verifier says
 * anything but valid), allowlisted survivors, and unexplained survivors.
 *
 * Verification uses node:crypto behind the strict pre-checks, with verdicts memoised by (key,
 * signature, message digest): most envelopes of a mutant are the original ones, and each verdict
 * is still the real backend's.
 */
import { createHash } from 'node:crypto';
import type { Ed25519Backend } from '../../../src/core/ed25519/index.js';
import { nodeEd25519Backend } from '../../../src/node/ed25519-node.js';
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import type { Report } from '../../../src/verify/report.js';
import { verifyBundle } from '../../../src/verify/verify-bundle.js';
import { registered } from '../registry.js';
import { TRUST_ROOT } from '../support.js';
import { allowlisted, type AllowEntry } from './allowlist.js';
import { decode, forge, mutationsOf, siteName, type ForgingRole, type Mutation } from './forge.js';
import { jobBundle, type JobName } from './jobs.js';

const verdicts = new Map<string, boolean>();

const memoBackend: Ed25519Backend = {
  name: 'memo-node',
  verify(publicKey, message, signature) {
    const key = createHash('sha256').update(publicKey).update(signature).update(message).digest('base64');
    let v = verdicts.get(key);
    if (v === undefined) {
      v = nodeEd25519Backend.verify(publicKey, message, signature) as boolean;
      if (verdicts.size > 500_000) verdicts.clear();
      verdicts.set(key, v);
    }
    return v;
  },
};

export interface Survivor {
  readonly mutation: Mutation;
  readonly name: string;
  readonly allowedBy: AllowEntry | null;
}

export interface SuiteResult {
  readonly job: JobName;
  readonly role: ForgingRole;
  readonly total: number;
  readonly rejected: number;
  readonly survivors: readonly Survivor[];
  /** Mutants that made a check crash (a verifier bug, counted as a failure of the suite). */
  readonly crashed: readonly string[];
}

export async function verifyForged(bundle: ProofBundle): Promise<Report> {
  return registered(await verifyBundle(bundle, TRUST_ROOT, { backend: memoBackend }));
}

export async function runSuite(job: JobName, role: ForgingRole, filter?: (m: Mutation) => boolean): Promise<SuiteResult> {
  const original = decode(await jobBundle(job));
  const mutations = mutationsOf(original, role).filter((m) => filter?.(m) ?? true);
  const survivors: Survivor[] = [];
  const crashed: string[] = [];
  let rejected = 0;
  for (const mutation of mutations) {
    const report = await verifyForged(forge(original, mutation));
    const name = `${mutation.op} ${siteName(mutation.site)}`;
    if (report.checks.some((c) => c.issues.some((i) => i.code === 'CHECK_CRASHED'))) crashed.push(name);
    if (report.verdict !== 'valid') {
      rejected++;
      continue;
    }
    survivors.push({ mutation, name, allowedBy: allowlisted(original, mutation) });
  }
  return { job, role, total: mutations.length, rejected, survivors, crashed };
}
