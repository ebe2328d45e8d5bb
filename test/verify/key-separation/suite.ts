/**
 * One job's key-separation suite: for each key, every mutation of the parts it signs, forged with
 * that key alone, must not verify valid, except the allowlisted ones; the counts and the allowlist
 * are printed so the test output shows what was tried. The same suite runs on format v1 (run.ts)
 * and v2 (test/verify/v2/key-separation/run.ts): only the forger and the runner differ.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWLIST, type Explanation } from './allowlist.js';
import type { ForgingRole } from './forge.js';
import type { JobName } from './jobs.js';
import type { SuiteResult, SuiteRunner } from './results.js';
import { runSuite } from './run.js';

const ROLES: readonly ForgingRole[] = ['harness', 'proxy', 'approver'];

export interface SuiteFormat {
  /** "v1" or "v2": printed and in the test names. */
  readonly label: string;
  readonly run: SuiteRunner;
  /** What the keys other than the harness cannot re-seal, for the test's reason. */
  readonly sealedByHarness: string;
  /** Survivors this format's suite lists as open (not explained by docs/FORMATS.md yet), printed apart. */
  readonly open?: readonly Explanation[];
}

const V1: SuiteFormat = { label: 'v1', run: runSuite, sealedByHarness: "the manifest's Merkle root" };

export function keySeparationSuite(job: JobName, description: string, format: SuiteFormat = V1): void {
  const results: SuiteResult[] = [];
  afterAll(() => {
    const lines = results.map((r) => {
      const allowed = r.survivors.filter((s) => s.allowedBy !== null && s.allowedBy.open !== true).length;
      const open = r.survivors.filter((s) => s.allowedBy?.open === true).length;
      const opened = format.open === undefined ? '' : `  ${String(open).padStart(3)} open`;
      return `  ${r.role.padEnd(8)} ${String(r.total).padStart(5)} mutants  ${String(r.rejected).padStart(5)} rejected  ${String(allowed).padStart(3)} allowlisted${opened}  ${r.survivors.length - allowed - open} unexplained`;
    });
    const used = new Map<string, number>();
    for (const r of results) for (const s of r.survivors) if (s.allowedBy !== null) used.set(s.allowedBy.id, (used.get(s.allowedBy.id) ?? 0) + 1);
    const listed = (entries: readonly Explanation[]) => entries.map((a) => `  ${a.id} (${used.get(a.id) ?? 0} survivors): ${a.because}`);
    const open = format.open === undefined ? [] : ['open (no sentence in docs/FORMATS.md yet; for the lead):', ...listed(format.open)];
    console.log([`key separation (${format.label}), job "${job}" (${description}):`, ...lines, 'allowlist:', ...listed(ALLOWLIST), ...open].join('\n'));
  });

  describe(`with one key alone, no single-field forgery of the "${job}" job (${format.label}) verifies valid`, () => {
    for (const role of ROLES) {
      it(`${role}: every change, removal and duplication in what the ${role} key signs is rejected or allowlisted with its reason`, async () => {
        const result = await format.run(job, role);
        results.push(result);
        expect(result.total).toBeGreaterThan(role === 'harness' ? 1000 : 20);
        expect(result.crashed).toEqual([]);
        expect(result.survivors.filter((s) => s.allowedBy === null).map((s) => s.name)).toEqual([]);
        // Only the harness can re-seal what covers every part: the other keys' forgeries break it.
        if (role !== 'harness') expect(result.survivors, `${format.sealedByHarness} covers what the ${role} signs`).toEqual([]);
      }, 1_200_000);
    }
  });
}
