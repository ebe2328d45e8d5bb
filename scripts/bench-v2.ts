/**
 * Format v2 (docs/design/format-v2.md), on the bench's own v1 bundle: the v2 encoding's
 * size against v1's, the signatures each carries, where v2's bytes go by line type, and the time
 * to stream-read and hash the v2 bytes (readBundleV2 in 64 KiB chunks, then both tree-head checks).
 */
import { utf8Decode } from '../src/core/bytes.js';
import type { ProofBundle } from '../src/core/bundle/types.js';
import { parseStrictJson } from '../src/core/json.js';
import { encodeBundleV2, type EncodedV2 } from '../src/format/v2/encode.js';
import { readBundleV2 } from '../src/format/v2/read.js';
import { isRecordKind } from '../src/format/v2/record-line.js';
import { checkTreeHead } from '../src/format/v2/tree-head.js';
import { demoKeyring } from '../src/runtime/keys/generate.js';
import { signerFor } from '../src/runtime/keys/keyring.js';
import { whatIfSizes } from './bench-v2-whatif.js';

const CHUNK = 64 * 1024;

async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

/** Signatures of a v1 bundle: one per DSSE envelope signature, plus the CST's. */
function v1Signatures(bundle: ProofBundle): number {
  const envelopes = [bundle.wpc, ...bundle.receipts, ...bundle.records, ...bundle.approvals, bundle.manifest];
  return envelopes.reduce((n, e) => n + e.signatures.length, 0) + 1;
}

/**
 * `prebuilt`: the bench's kept v2 file of this bundle (bench-v2-file.ts), read instead of encoding
 * again; its encode time is the one printed when it was built.
 */
export async function benchFormatV2(bundle: ProofBundle, v1Bytes: number, prebuilt?: Pick<EncodedV2, 'lines' | 'bytes' | 'signatures'>): Promise<void> {
  const keyring = demoKeyring(); // the bench bundles are made with it
  const harness = signerFor(keyring, 'harness');
  const proxy = signerFor(keyring, 'proxy');
  const started = performance.now();
  const encoded = prebuilt ?? encodeBundleV2(bundle, { harness, proxy, approver: signerFor(keyring, 'approver') });
  const encodeMs = performance.now() - started;
  const v2Bytes = encoded.bytes.length;

  const byType = new Map<string, { lines: number; bytes: number }>();
  for (const line of encoded.lines) {
    const value = parseStrictJson(utf8Decode(line)) as { t: string };
    const key = isRecordKind(value.t) ? `record:${value.t}` : value.t;
    const entry = byType.get(key) ?? { lines: 0, bytes: 0 };
    entry.lines += 1;
    entry.bytes += line.length + 1;
    byType.set(key, entry);
  }

  // Twice: the first read also pays for the JIT warming up; both are printed.
  const readStart = performance.now();
  await readBundleV2(chunks(encoded.bytes));
  const coldMs = performance.now() - readStart;
  const warmStart = performance.now();
  const result = await readBundleV2(chunks(encoded.bytes));
  const readMs = performance.now() - warmStart;
  const headStart = performance.now();
  const heads = [
    ...(await checkTreeHead(result.treeHeads.proxy, { service: 'proxy', tree: result.proxyTree, publicKey: proxy.publicKey })),
    ...(await checkTreeHead(result.treeHeads.harness, { service: 'harness', tree: result.harnessTree, publicKey: harness.publicKey })),
  ];
  const headMs = performance.now() - headStart;
  if (heads.length > 0) throw new Error(`the v2 encoding's tree heads do not hold: ${heads.map((h) => h.code).join(', ')}`);

  const v1Sigs = v1Signatures(bundle);
  console.log(`  format v2 (stage 2: encoder from this v1 bundle, streaming reader; docs/design/format-v2.md):`);
  console.log(`    size: v2 ${mb(v2Bytes)} vs v1 ${mb(v1Bytes)} = ${((100 * v2Bytes) / v1Bytes).toFixed(1)} % of v1 (target <= 40 %)`);
  console.log(`    signatures: v1 ${v1Sigs.toLocaleString('en-US')}, v2 ${encoded.signatures.toLocaleString('en-US')} (${(v1Sigs / encoded.signatures).toFixed(1)}x fewer)`);
  console.log(`    lines: ${encoded.lines.length.toLocaleString('en-US')}, longest ${result.header.max_line_bytes.toLocaleString('en-US')} bytes (the reader's memory bound)`);
  if (prebuilt === undefined) console.log(`    encode (from v1, incl. re-signing ${encoded.signatures - 2} lines): ${(encodeMs / 1000).toFixed(2)} s`);
  else console.log(`    encode: the kept v2 file read (its time is printed when it is built: BENCH_REBUILD=1)`);
  console.log(
    `    stream-read + hash (readBundleV2, ${CHUNK / 1024} KiB chunks): first ${(coldMs / 1000).toFixed(2)} s, again ${(readMs / 1000).toFixed(2)} s (${((v2Bytes / 1e6) / (readMs / 1000)).toFixed(1)} MB/s, ${Math.round(result.lines / (readMs / 1000)).toLocaleString('en-US')} lines/s); both tree-head checks ${headMs.toFixed(1)} ms`,
  );
  console.log(`    v2 bytes by line type:`);
  for (const [key, { lines, bytes }] of [...byType].sort((a, b) => b[1].bytes - a[1].bytes)) {
    console.log(`      ${key.padEnd(22)} ${lines.toLocaleString('en-US').padStart(8)} lines ${mb(bytes).padStart(10)}  ${((100 * bytes) / v2Bytes).toFixed(1).padStart(5)} %  ${Math.round(bytes / lines).toLocaleString('en-US').padStart(6)} B/line`);
  }
  printWhatIfs(encoded.lines, v1Bytes);
}

/** Measured savings of the remaining candidate changes (bench-v2-whatif.ts), each alone. */
export function printWhatIfs(lines: readonly Uint8Array[], v1Bytes: number): void {
  const sizes = whatIfSizes(lines);
  const pct = (bytes: number) => `${((100 * bytes) / v1Bytes).toFixed(1)} % of v1`;
  console.log(`    candidates not applied (each measured alone on these lines; ${mb(sizes.base)} = ${pct(sizes.base)} now):`);
  for (const w of sizes.each) console.log(`      ${w.id.padEnd(24)} -${mb(sizes.base - w.bytes).padStart(9)} -> ${pct(w.bytes)}  ${w.what}`);
}
