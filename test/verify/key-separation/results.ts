/** What one key's run of the suite over one job found, in either format. */
import type { Explanation } from './allowlist.js';
import type { ForgingRole } from './forge.js';
import type { JobName } from './jobs.js';

export interface Survivor<M = unknown> {
  readonly mutation: M;
  readonly name: string;
  readonly allowedBy: Explanation | null;
}

export interface SuiteResult<M = unknown> {
  readonly job: JobName;
  readonly role: ForgingRole;
  readonly total: number;
  readonly rejected: number;
  readonly survivors: readonly Survivor<M>[];
  /** Mutants that made a check crash (a verifier bug, counted as a failure of the suite). */
  readonly crashed: readonly string[];
}

export type SuiteRunner = (job: JobName, role: ForgingRole) => Promise<SuiteResult>;
