/**
 * What each tampered demo bundle must show, from fixtures/bundles/tampered/index.json (written with
 * the fixtures by their makers): the check that catches it, that check's code, the verdict, and
 * the other checks the change also trips.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FixtureBundle } from './app-page.js';

export interface ExpectedFailure {
  readonly check: string;
  readonly code: string;
  readonly verdict: 'invalid' | 'unknown-signer';
  readonly alsoFailing: readonly string[];
  readonly description: string;
}

interface IndexEntry {
  readonly file: string;
  readonly description: string;
  readonly expectCheck: string;
  readonly expectCode: string;
  readonly expectVerdict: 'invalid' | 'unknown-signer';
  readonly alsoFailing: readonly string[];
}

/** The expectation for a tampered bundle; throws when its folder's index.json does not list it. */
export function expectedFailure(bundle: FixtureBundle): ExpectedFailure {
  const index = join(dirname(bundle.path), 'index.json');
  const entries = existsSync(index) ? (JSON.parse(readFileSync(index, 'utf8')) as IndexEntry[]) : [];
  const entry = entries.find((e) => e.file === bundle.name);
  if (entry === undefined) throw new Error(`${bundle.relative} is not listed in ${index}: say what it should fail`);
  return {
    check: entry.expectCheck,
    code: entry.expectCode,
    verdict: entry.expectVerdict,
    alsoFailing: entry.alsoFailing,
    description: entry.description,
  };
}
