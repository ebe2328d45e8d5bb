/**
 * Forging v2 files for the verifier's tests: edit lines, then do what a dishonest holder of ONE
 * key could do to make the file look whole again (reseal.ts, shared with the tampered v2
 * fixtures), and verify the result against the demo trust root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonObject } from '../../../src/core/json.js';
import { parseTrustRoot, type TrustRoot } from '../../../src/core/trust-root.js';
import { joinLines } from '../../../src/format/v2/encode.js';
import { verifyBundle, type Report } from '../../../src/verify/index.js';
import { lineObject } from './reseal.js';

export { bytesOf, objects, resealHarness, resealProxy, type Lines } from './reseal.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const TRUST_ROOT: TrustRoot = parseTrustRoot(JSON.parse(readFileSync(join(ROOT, 'fixtures/trust/demo-trust-root.json'), 'utf8')));

export function verifyLines(lines: readonly Uint8Array[], trustRoot: TrustRoot = TRUST_ROOT): Promise<Report> {
  return verifyBundle(joinLines(lines), trustRoot);
}

/** Codes of the failing issues of a report, per check: what a test reads. */
export function failingCodes(report: Report): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of report.checks) {
    const codes = [...new Set(c.issues.filter((i) => i.severity === 'fail').map((i) => i.code))];
    if (codes.length > 0) out[c.id] = codes;
  }
  return out;
}

/** Index of the first line whose object passes `test`. */
export function lineIndex(lines: readonly Uint8Array[], test: (o: JsonObject) => boolean, from = 0): number {
  for (let i = from; i < lines.length; i++) if (test(lineObject(lines[i]!))) return i;
  throw new Error('no such line');
}
