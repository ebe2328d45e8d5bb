/** Reports of the committed demo bundles, verified against the demo trust root as the app does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../../../src/verify/report.js';
import { verifyBundle } from '../../../src/verify/verify-bundle.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
const TRUST_ROOT = new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json')));
const cache = new Map<string, Promise<Report>>();

/** The report of `fixtures/bundles/<relative>` (verified once per test file). */
export function fixtureReport(relative: string): Promise<Report> {
  let report = cache.get(relative);
  if (report === undefined) {
    report = verifyBundle(new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'bundles', relative))), TRUST_ROOT);
    cache.set(relative, report);
  }
  return report;
}
