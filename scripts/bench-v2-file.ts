/**
 * The bench's v2 files: each cached v1 bench bundle as format v2 (exportBundleV2, the function
 * behind `clawproof run --format v2`, with the demo keyring the bench bundles are signed with),
 * kept beside it in .tmp/bench as bundle-<size>.v2.clawproof. Its .key is the sha256 of the v1
 * bytes it was made from and of the committed v2 tiny demo bundle (which changes whenever the
 * encoder's output does), so a kept v2 file is used only while both are the same. Built in a
 * child process, as the v1 bundles are, so the bench process's peak RSS stays the verifier's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utf8Encode } from '../src/core/bytes.js';
import type { ProofBundle } from '../src/core/bundle/types.js';
import { sha256 } from '../src/core/hash.js';
import { exportBundleV2, v2SignersOf } from '../src/runtime/bundle/export-v2.js';
import { demoKeyring } from '../src/runtime/keys/generate.js';
import { ROOT, benchInChild, isKept, seconds } from './bench-measure.js';

/** The committed v2 tiny demo bundle changes whenever the v2 encoder's output does: part of the key. */
const ENCODER_STAMP_FILE = join(ROOT, 'fixtures', 'bundles', 'v2', 'tiny-example.clawproof');
export const BUILD_V2_ENV = 'CLAWPROOF_BENCH_BUILD_V2';

export function v2PathOf(v1Path: string): string {
  return v1Path.replace(/\.clawproof$/, '.v2.clawproof');
}

function v2CacheKey(v1Bytes: Uint8Array): string {
  return sha256(utf8Encode(JSON.stringify({ v1: sha256(v1Bytes), encoder: sha256(readFileSync(ENCODER_STAMP_FILE)) })));
}

/** In the child: the v1 file at `v1Path` as v2, written with its key. */
export function buildBundleV2(v1Path: string): void {
  const v1Bytes = new Uint8Array(readFileSync(v1Path));
  const started = performance.now();
  const bundle = JSON.parse(new TextDecoder().decode(v1Bytes)) as ProofBundle;
  const signatures = writeV2OfRun(bundle, v2PathOf(v1Path), v2CacheKey(v1Bytes));
  console.log(`  built its v2 file (exportBundleV2, ${signatures - 2} lines re-signed) in ${seconds(performance.now() - started)}`);
}

/** The key of a v2 file written straight from a run (a size with no v1 file): the run's inputs (`runKey`) and the encoder. */
export function v2RunCacheKey(runKey: string): string {
  return sha256(utf8Encode(JSON.stringify({ run: runKey, encoder: sha256(readFileSync(ENCODER_STAMP_FILE)) })));
}

/** In the child: a finished run written as v2 at `path` (exportBundleV2, the demo keyring), with its key; the signatures it carries. */
export function writeV2OfRun(bundle: ProofBundle, path: string, key: string): number {
  const encoded = exportBundleV2(bundle, v2SignersOf(demoKeyring()));
  writeFileSync(path, encoded.bytes);
  writeFileSync(`${path}.key`, key);
  return encoded.signatures;
}

/** The kept v2 file of the v1 bundle at `v1Path` when made from these bytes by this encoder, else a new one. */
export function ensureBundleV2(v1Path: string, v1Bytes: Uint8Array, rebuild: boolean): Uint8Array {
  const path = v2PathOf(v1Path);
  if (rebuild || !isKept(path, v2CacheKey(v1Bytes))) {
    console.log(`Writing ${path.slice(ROOT.length + 1)} from the v1 bundle (once; kept beside it) ...`);
    benchInChild({ [BUILD_V2_ENV]: v1Path }, `writing the v2 file of ${v1Path}`);
  }
  return new Uint8Array(readFileSync(path));
}

/** A v2 file's lines, LF not included (for the line statistics of bench-v2.ts). */
export function splitV2Lines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let from = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, from)) {
    lines.push(bytes.subarray(from, at));
    from = at + 1;
  }
  return lines;
}
