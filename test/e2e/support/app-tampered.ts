/**
 * What a tampered demo bundle's note says should fail: a check id named in backticks
 * (`receipts`) and the stable codes it names (`SIGNATURE_INVALID`), when the note gives them.
 */
import { CHECK_IDS } from '../../../src/verify/report.js';
import type { FixtureBundle } from './app-page.js';

export interface ExpectedFailure {
  readonly check: string | null;
  readonly codes: readonly string[];
}

export function expectedFailure(bundle: FixtureBundle): ExpectedFailure {
  const note = bundle.note ?? '';
  const quoted = [...note.matchAll(/`([A-Za-z_]+)`/g)].map((m) => m[1]!);
  const check = quoted.find((word) => (CHECK_IDS as readonly string[]).includes(word)) ?? null;
  const codes = [...new Set(quoted.filter((word) => /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(word)))];
  return { check, codes };
}
