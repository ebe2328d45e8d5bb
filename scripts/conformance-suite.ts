/**
 * Builds every file of the conformance suite: the suite-only inputs and trust roots
 * (conformance-inputs.ts), fixtures/conformance/manifest.json with what verifyBundle reports for
 * each case (conformance-cases.ts), its JSON Schema in docs/schemas/, and the case table
 * fixtures/conformance/CASES.md. Refuses to build a suite in which a report misses its case's aim.
 *
 * Deterministic: the inputs are made from committed files, and a report's outcome holds no time.
 * scripts/make-conformance.ts writes the files; test/conformance/suite.test.ts compares them.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { z } from 'zod';
import { utf8Encode } from '../src/core/bytes.js';
import { BUNDLE_MEDIA_TYPE, BUNDLE_VERSION } from '../src/core/bundle/media-types.js';
import { sha256 } from '../src/core/hash.js';
import { compareOutcome } from '../src/verify/conformance/compare.js';
import {
  CONFORMANCE_SUITE_NAME,
  CONFORMANCE_SUITE_VERSION,
  conformanceManifestSchema,
  readConformanceManifest,
  type Alternative,
  type ConformanceCase,
  type ConformanceManifest,
  type Expectation,
} from '../src/verify/conformance/manifest.js';
import { outcomeOfReport, type Outcome } from '../src/verify/conformance/outcome.js';
import type { VerifyOptions } from '../src/verify/context.js';
import { CHECK_IDS } from '../src/verify/report.js';
import { verifyBundle } from '../src/verify/verify-bundle.js';
import { CASE_SPECS, CONFORMANCE_DIR, FLAG_SPECS, FLAGS, type CaseSpec } from './conformance-cases.js';
import { INPUT_BUILDERS, TRUST_ROOT_BUILDERS, readSources, trustRootText } from './conformance-inputs.js';

export const MANIFEST_PATH = `${CONFORMANCE_DIR}/manifest.json`;
export const SCHEMA_PATH = 'docs/schemas/conformance-manifest.schema.json';
export const CASES_PATH = `${CONFORMANCE_DIR}/CASES.md`;

/** Every file of the suite: path from the repository root -> content. */
export async function conformanceFiles(root: string): Promise<Map<string, Uint8Array>> {
  const sources = await readSources(root);
  const files = new Map<string, Uint8Array>();
  for (const [path, build] of Object.entries(INPUT_BUILDERS)) files.set(`${CONFORMANCE_DIR}/${path}`, build(sources));
  for (const [path, build] of Object.entries(TRUST_ROOT_BUILDERS)) files.set(`${CONFORMANCE_DIR}/${path}`, utf8Encode(trustRootText(build(sources))));
  checkEveryInputUsed(files);

  const read = async (path: string): Promise<Uint8Array> => files.get(path) ?? new Uint8Array(await readFile(join(root, path)));
  const cases: ConformanceCase[] = [];
  const pairs = new Set<string>();
  for (const spec of CASE_SPECS) {
    const pair = `${spec.input} ${spec.trustRoot}`;
    if (pairs.has(pair)) throw new Error(`${spec.id}: another case already verifies ${spec.input} against ${spec.trustRoot}`);
    pairs.add(pair);
    cases.push(await caseOf(spec, await read(spec.input), await read(spec.trustRoot)));
  }

  const manifest: ConformanceManifest = {
    $schema: posix.relative(CONFORMANCE_DIR, SCHEMA_PATH),
    suite: CONFORMANCE_SUITE_NAME,
    suiteVersion: CONFORMANCE_SUITE_VERSION,
    bundleFormat: { mediaType: BUNDLE_MEDIA_TYPE, version: BUNDLE_VERSION },
    checks: [...CHECK_IDS],
    flags: { ...FLAGS },
    cases,
  };
  const reading = readConformanceManifest(manifest);
  if (!reading.ok) throw new Error(`the built manifest does not validate:\n${reading.problems.join('\n')}`);
  files.set(MANIFEST_PATH, json(manifest));
  files.set(SCHEMA_PATH, json(z.toJSONSchema(conformanceManifestSchema, { target: 'draft-2020-12' })));
  files.set(CASES_PATH, utf8Encode(casesTable(manifest)));
  return files;
}

async function caseOf(spec: CaseSpec, input: Uint8Array, trustRoot: Uint8Array): Promise<ConformanceCase> {
  const expected = expectationOf(await outcome(input, trustRoot, {}, spec.id));
  checkAim(spec, expected);
  const alternatives: Alternative[] = [];
  for (const flag of spec.flags ?? []) {
    for (const options of FLAG_SPECS[flag].alternativeOptions) {
      const other = expectationOf(await outcome(input, trustRoot, options, spec.id));
      const same = (e: Expectation) => compareOutcome(e, other).must.length === 0;
      if (!same(expected) && !alternatives.some(same)) alternatives.push({ flag, ...other });
    }
  }
  return {
    id: spec.id,
    group: spec.group,
    description: spec.description,
    input: { path: posix.relative(CONFORMANCE_DIR, spec.input), sha256: hexSha256(input), bytes: input.length },
    trustRoot: { path: posix.relative(CONFORMANCE_DIR, spec.trustRoot), sha256: hexSha256(trustRoot) },
    expected,
    flags: [...(spec.flags ?? [])],
    alternatives,
  };
}

async function outcome(input: Uint8Array, trustRoot: Uint8Array, options: VerifyOptions, id: string): Promise<Outcome> {
  const reading = outcomeOfReport(await verifyBundle(input, trustRoot, options));
  if (!reading.ok) throw new Error(`${id}: the reference report does not read as an outcome: ${reading.problem}`);
  return reading.outcome;
}

function expectationOf(o: Outcome): Expectation {
  return {
    verdict: o.verdict,
    failing: o.failing.map((f) => ({ check: f.check as Expectation['failing'][number]['check'], code: f.code, codes: [...f.codes] })),
    warnings: o.warnings.map((w) => ({ check: w.check as Expectation['warnings'][number]['check'], code: w.code })),
    unknownSigners: [...o.unknownSigners],
  };
}

/** The case's own statement of what it is for must hold, or the suite is not written. */
function checkAim(spec: CaseSpec, expected: Expectation): void {
  const { aim } = spec;
  const problems: string[] = [];
  if (expected.verdict !== aim.verdict) problems.push(`verdict ${expected.verdict}, aimed at ${aim.verdict}`);
  if (aim.check !== undefined) {
    const got = expected.failing.find((f) => f.check === aim.check);
    if (got?.code !== aim.code) problems.push(`${aim.check} ${got === undefined ? 'does not fail' : `fails with ${got.code}`}, aimed at ${aim.code ?? '(any code)'}`);
  }
  if (aim.failing !== undefined) {
    const got = expected.failing.map((f) => f.check).join(', ');
    const want = CHECK_IDS.filter((id) => aim.failing?.includes(id)).join(', ');
    if (got !== want) problems.push(`failing checks [${got}], aimed at [${want}]`);
  }
  if (problems.length > 0) throw new Error(`${spec.id} misses its aim: ${problems.join('; ')}`);
}

function checkEveryInputUsed(files: ReadonlyMap<string, Uint8Array>): void {
  const used = new Set(CASE_SPECS.flatMap((c) => [c.input, c.trustRoot]));
  for (const path of files.keys()) if (!used.has(path)) throw new Error(`${path} is built but no case uses it`);
}

function hexSha256(bytes: Uint8Array): string {
  return sha256(bytes).slice('sha256:'.length);
}

function json(value: unknown): Uint8Array {
  return utf8Encode(`${JSON.stringify(value, null, 2)}\n`);
}

function casesTable(manifest: ConformanceManifest): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const rows = manifest.cases.map((c) => {
    const failing = c.expected.failing.length === 0 ? '(none)' : c.expected.failing.map((f) => `\`${f.check}\` ${f.code}`).join(', ');
    const warnings = c.expected.warnings.length === 0 ? '' : c.expected.warnings.map((w) => w.code).join(', ');
    const flags = c.flags.join(', ');
    return `| \`${c.id}\` | ${c.expected.verdict} | ${failing} | ${warnings} | ${flags} | ${cell(c.description)} |`;
  });
  return [
    '# Conformance cases',
    '',
    `Suite ${manifest.suite}, version ${manifest.suiteVersion}: ${manifest.cases.length} cases. Generated from manifest.json by`,
    '`npm run fixtures:conformance` (do not edit); README.md says how to use them. "Failing" is what a verifier MUST',
    'report: exactly these checks fail, each with this code. Warnings SHOULD match.',
    '',
    '| case | verdict | failing checks (code) | warnings | flags | input |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
