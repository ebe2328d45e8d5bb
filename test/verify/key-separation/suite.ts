/**
 * One job's key-separation suite: for each key, every mutation of the parts it signs, forged with
 * that key alone, must not verify valid, except the allowlisted ones; the counts and the allowlist
 * are printed so the test output shows what was tried.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOWLIST } from './allowlist.js';
import type { ForgingRole } from './forge.js';
import type { JobName } from './jobs.js';
import { runSuite, type SuiteResult } from './run.js';

const ROLES: readonly ForgingRole[] = ['harness', 'proxy', 'approver'];

export function keySeparationSuite(job: JobName, description: string): void {
  const results: SuiteResult[] = [];
  afterAll(() => {
    const lines = results.map((r) => {
      const allowed = r.survivors.filter((s) => s.allowedBy !== null).length;
      return `  ${r.role.padEnd(8)} ${String(r.total).padStart(5)} mutants  ${String(r.rejected).padStart(5)} rejected  ${String(allowed).padStart(3)} allowlisted  ${r.survivors.length - allowed} unexplained`;
    });
    const used = new Map<string, number>();
    for (const r of results) for (const s of r.survivors) if (s.allowedBy !== null) used.set(s.allowedBy.id, (used.get(s.allowedBy.id) ?? 0) + 1);
    const allow = ALLOWLIST.map((a) => `  ${a.id} (${used.get(a.id) ?? 0} survivors): ${a.because}`);
    console.log([`key separation, job "${job}" (${description}):`, ...lines, 'allowlist:', ...allow].join('\n'));
  });

  describe(`with one key alone, no single-field forgery of the "${job}" job verifies valid`, () => {
    for (const role of ROLES) {
      it(`${role}: every change, removal and duplication in what the ${role} key signs is rejected or allowlisted with its reason`, async () => {
        const result = await runSuite(job, role);
        results.push(result);
        expect(result.total).toBeGreaterThan(role === 'harness' ? 1000 : 20);
        expect(result.crashed).toEqual([]);
        expect(result.survivors.filter((s) => s.allowedBy === null).map((s) => s.name)).toEqual([]);
        // Only the harness can re-seal the manifest: the other keys' forgeries break its Merkle root.
        if (role !== 'harness') expect(result.survivors).toEqual([]);
      }, 1_200_000);
    }
  });
}
