/**
 * The match rule of the conformance suite. MUST: the verdict, exactly the set of failing checks,
 * and each failing check's code. SHOULD: each failing check's full set of codes, the warnings and
 * the unknown signers (as sets). Messages, evidence and order are never compared.
 *
 * A case passes when the outcome meets the MUST rule against `expected`, or (unless strict)
 * against one of the `alternatives` its flags allow. Strict also counts SHOULD differences.
 */
import type { Alternative, Expectation } from './manifest.js';
import type { Outcome } from './outcome.js';

export interface Comparison {
  /** MUST-level differences: any one fails the case. */
  readonly must: readonly string[];
  /** SHOULD-level differences: listed; they fail the case only when strict. */
  readonly should: readonly string[];
}

export interface Judgement {
  readonly pass: boolean;
  /** The alternative the outcome matched instead of `expected` (only when it did). */
  readonly alternative?: Alternative;
  /** Against `expected`, or against the alternative that matched. */
  readonly comparison: Comparison;
}

export function compareOutcome(expected: Expectation, observed: Outcome): Comparison {
  const must: string[] = [];
  const should: string[] = [];
  if (observed.verdict !== expected.verdict) must.push(`verdict: expected ${expected.verdict}, got ${observed.verdict}`);

  const got = new Map(observed.failing.map((f) => [f.check, f]));
  const want = new Set<string>(expected.failing.map((f) => f.check));
  for (const f of expected.failing) {
    const o = got.get(f.check);
    if (o === undefined) {
      must.push(`${f.check}: expected to fail with ${f.code}, did not fail`);
      continue;
    }
    if (o.code !== f.code) {
      must.push(`${f.check}: expected code ${f.code}, got ${o.code}`);
      continue; // the other codes are worth comparing only once the first one agrees
    }
    const codes = setDifference(f.codes, o.codes);
    if (codes !== null) should.push(`${f.check} failing codes: ${codes}`);
  }
  for (const o of observed.failing) if (!want.has(o.check)) must.push(`${o.check}: failed with ${o.code}, expected not to fail`);

  const warnings = setDifference(
    expected.warnings.map((w) => `${w.check} ${w.code}`),
    observed.warnings.map((w) => `${w.check} ${w.code}`),
  );
  if (warnings !== null) should.push(`warnings: ${warnings}`);
  const signers = setDifference(expected.unknownSigners, observed.unknownSigners);
  if (signers !== null) should.push(`unknown signers: ${signers}`);
  return { must, should };
}

export function judgeOutcome(expected: Expectation, alternatives: readonly Alternative[], observed: Outcome, strict: boolean): Judgement {
  const comparison = compareOutcome(expected, observed);
  if (comparison.must.length === 0) return { pass: !strict || comparison.should.length === 0, comparison };
  if (!strict) {
    for (const alternative of alternatives) {
      const other = compareOutcome(alternative, observed);
      if (other.must.length === 0) return { pass: true, alternative, comparison: other };
    }
  }
  return { pass: false, comparison };
}

/** "missing A, B; unexpected C", or null when both hold the same members. */
function setDifference(expected: readonly string[], observed: readonly string[]): string | null {
  const want = new Set(expected);
  const got = new Set(observed);
  const missing = [...want].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !want.has(x));
  if (missing.length === 0 && extra.length === 0) return null;
  return [missing.length > 0 ? `missing ${missing.join(', ')}` : '', extra.length > 0 ? `unexpected ${extra.join(', ')}` : ''].filter((s) => s !== '').join('; ');
}
