/**
 * Runs every mutation of one key over one job and sorts the results: rejected (the verifier says
 * anything but valid), allowlisted survivors, and unexplained survivors.
 *
 * Verification uses node:crypto with memoised verdicts (memo-backend.ts).
 */
import type { ProofBundle } from '../../../src/core/bundle/types.js';
import type { Report } from '../../../src/verify/report.js';
import { verifyBundle } from '../../../src/verify/verify-bundle.js';
import { registered } from '../registry.js';
import { TRUST_ROOT } from '../support.js';
import { allowlisted } from './allowlist.js';
import { decode, forge, mutationsOf, siteName, type ForgingRole, type Mutation } from './forge.js';
import { jobBundle, type JobName } from './jobs.js';
import { memoBackend } from './memo-backend.js';
import type { SuiteResult, Survivor } from './results.js';

export async function verifyForged(bundle: ProofBundle): Promise<Report> {
  return registered(await verifyBundle(bundle, TRUST_ROOT, { backend: memoBackend }));
}

export async function runSuite(job: JobName, role: ForgingRole, filter?: (m: Mutation) => boolean): Promise<SuiteResult<Mutation>> {
  const original = decode(await jobBundle(job));
  const mutations = mutationsOf(original, role).filter((m) => filter?.(m) ?? true);
  const survivors: Survivor<Mutation>[] = [];
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
