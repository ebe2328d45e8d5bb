/**
 * Reads a conformance manifest and, case by case, the files it names: each path is taken relative
 * to the manifest's folder, and each file's SHA-256 must be the one the manifest records, so a
 * run never compares against an input other than the one the expectation was made for.
 */
import { dirname, resolve } from 'node:path';
import { parseStrictJson } from '../../core/json.js';
import { sha256 } from '../../core/hash.js';
import { readConformanceManifest, type ConformanceCase, type ConformanceManifest } from '../../verify/conformance/manifest.js';
import { MAX_BUNDLE_BYTES, MAX_TRUST_ROOT_BYTES } from '../../node/input-limits.js';
import { readBounded, ReadBoundedError } from '../../node/read-bounded.js';

/** The manifest holds one entry per case: 16 MiB is thousands of cases. */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export interface LoadedCase {
  readonly spec: ConformanceCase;
  /** Absolute paths. */
  readonly inputPath: string;
  readonly trustRootPath: string;
}

export interface LoadedSuite {
  readonly manifest: ConformanceManifest;
  readonly manifestPath: string;
  readonly cases: readonly LoadedCase[];
}

/** The manifest cannot be used: every problem found, for the person who runs the suite. */
export class SuiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuiteError';
  }
}

export async function loadSuite(manifestPath: string): Promise<LoadedSuite> {
  const path = resolve(manifestPath);
  let value: unknown;
  try {
    value = parseStrictJson(await readBounded(path, { what: 'conformance manifest', maxBytes: MAX_MANIFEST_BYTES }), { maxBytes: MAX_MANIFEST_BYTES });
  } catch (error) {
    throw new SuiteError(error instanceof ReadBoundedError ? error.message : `the conformance manifest ${path} is not strict JSON: ${messageOf(error)}`);
  }
  const reading = readConformanceManifest(value);
  if (!reading.ok) throw new SuiteError(`the conformance manifest ${path} is not usable:\n${reading.problems.map((p) => `  ${p}`).join('\n')}`);
  const folder = dirname(path);
  const cases = reading.manifest.cases.map((spec) => ({ spec, inputPath: resolve(folder, spec.input.path), trustRootPath: resolve(folder, spec.trustRoot.path) }));
  return { manifest: reading.manifest, manifestPath: path, cases };
}

export type CaseFiles = { readonly ok: true; readonly input: Uint8Array; readonly trustRoot: Uint8Array } | { readonly ok: false; readonly problem: string };

/** Both files of a case, each checked against its recorded SHA-256. */
export async function readCaseFiles(c: LoadedCase): Promise<CaseFiles> {
  const input = await readChecked(c.inputPath, 'input', MAX_BUNDLE_BYTES, c.spec.input.sha256);
  if (typeof input === 'string') return { ok: false, problem: input };
  const trustRoot = await readChecked(c.trustRootPath, 'trust root', MAX_TRUST_ROOT_BYTES, c.spec.trustRoot.sha256);
  if (typeof trustRoot === 'string') return { ok: false, problem: trustRoot };
  return { ok: true, input, trustRoot };
}

async function readChecked(path: string, what: string, maxBytes: number, expected: string): Promise<Uint8Array | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(path, { what, maxBytes, pipes: false });
  } catch (error) {
    if (error instanceof ReadBoundedError) return error.message;
    throw error;
  }
  const actual = sha256(bytes).slice('sha256:'.length);
  return actual === expected ? bytes : `the ${what} ${path} has SHA-256 ${actual}, not the manifest's ${expected}: it is not the file the case was made for`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
