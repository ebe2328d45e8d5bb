/**
 * The key-separation suite's jobs (test/verify/key-separation/jobs.ts) as format v2: the same
 * runs, encoded by exportBundleV2 with the run's own proxy, approver and harness keys.
 */
import { exportBundleV2, v2SignersOf } from '../../../../src/runtime/bundle/export-v2.js';
import { jobBundle, type JobName } from '../../key-separation/jobs.js';
import { KEYRING } from '../../support.js';

const cache = new Map<JobName, Promise<readonly Uint8Array[]>>();

/** The job's v2 lines (each line's exact bytes, LF not included), made once. */
export function jobLinesV2(name: JobName): Promise<readonly Uint8Array[]> {
  let made = cache.get(name);
  if (made === undefined) {
    made = jobBundle(name).then((bundle) => exportBundleV2(bundle, v2SignersOf(KEYRING)).lines);
    cache.set(name, made);
  }
  return made;
}
