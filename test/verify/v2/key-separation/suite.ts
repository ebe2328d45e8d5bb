/** The key-separation suite (test/verify/key-separation/suite.ts) on a job's v2 file. */
import { keySeparationSuite } from '../../key-separation/suite.js';
import type { JobName } from '../../key-separation/jobs.js';
import { OPEN } from './open.js';
import { runSuiteV2 } from './run.js';

export function keySeparationSuiteV2(job: JobName, description: string): void {
  keySeparationSuite(job, description, { label: 'v2', run: runSuiteV2, sealedByHarness: 'the harness tree head', open: OPEN });
}
