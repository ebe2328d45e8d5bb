/**
 * Runs every mutation of one key over one job's v2 file and sorts the results as the v1 suite
 * does (test/verify/key-separation/run.ts): rejected, allowlisted survivors, open ones (open.ts:
 * survivors docs/FORMATS.md does not explain yet, listed for the lead) and unexplained ones.
 */
import { joinLines } from '../../../../src/format/v2/encode.js';
import type { Report } from '../../../../src/verify/report.js';
import { verifyBundle } from '../../../../src/verify/verify-bundle.js';
import type { ForgingRole } from '../../key-separation/forge.js';
import type { JobName } from '../../key-separation/jobs.js';
import { memoBackend } from '../../key-separation/memo-backend.js';
import type { SuiteResult, Survivor } from '../../key-separation/results.js';
import { registered } from '../../registry.js';
import { TRUST_ROOT } from '../../support.js';
import { allowlistedV2, jobViewOf } from './allowlist.js';
import { decodeV2, forgeV2, mutationName, mutationsOfV2, type MutationV2 } from './forge.js';
import { jobLinesV2 } from './jobs.js';
import { openEntry } from './open.js';

export async function verifyForgedV2(lines: readonly Uint8Array[]): Promise<Report> {
  return registered(await verifyBundle(joinLines(lines), TRUST_ROOT, { backend: memoBackend }));
}

export async function runSuiteV2(job: JobName, role: ForgingRole, filter?: (m: MutationV2) => boolean): Promise<SuiteResult<MutationV2>> {
  const original = decodeV2(await jobLinesV2(job));
  const view = jobViewOf(original);
  const mutations = mutationsOfV2(original, role).filter((m) => filter?.(m) ?? true);
  const survivors: Survivor<MutationV2>[] = [];
  const crashed: string[] = [];
  let rejected = 0;
  for (const mutation of mutations) {
    const report = await verifyForgedV2(forgeV2(original, mutation));
    const name = mutationName(original, mutation);
    if (report.checks.some((c) => c.issues.some((i) => i.code === 'CHECK_CRASHED'))) crashed.push(name);
    if (report.verdict !== 'valid') {
      rejected++;
      continue;
    }
    survivors.push({ mutation, name, allowedBy: allowlistedV2(original, view, mutation) ?? openEntry(original, mutation) });
  }
  return { job, role, total: mutations.length, rejected, survivors, crashed };
}
