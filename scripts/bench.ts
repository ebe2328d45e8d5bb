/**
 * npm run bench: the redaction bench (scripts/bench-redaction.ts: recall per family on the
 * labelled corpus, false positives, scanText throughput against an indexOf baseline, the slowest
 * adversarial 1 MiB input), then the offline verifier's throughput on bundles of 1,000, 10,000
 * and 100,000 receipts (the last in format v2 only: benchSizeV2Only), then the same bundles in
 * the built app in Chromium (scripts/bench-browser.ts:
 * time to verdict, longest main-thread task, cached reopen, a WebCrypto loop over the same
 * signatures). `npm run bench -- --only redaction` (or `--only verifier`, `--only browser`, or
 * BENCH_ONLY=redaction|verifier|browser) runs one part.
 *
 * For each size it measures, in this one process:
 *  (a) the CLI path, `clawproof verify <bundle> --trust <root>` (src/cli/main.ts in process, the
 *      node:crypto backend), file bytes to report, in receipts per second;
 *  (b) a baseline: node:crypto Ed25519 verifications (crypto.verify) of the same receipt
 *      signatures over their PAE bytes, key objects made once, nothing else;
 *  and prints both rates, their ratio, peak RSS (this process's, and that of the built command
 *  alone in its own process against issue #9's bound of 2x the bundle's size + 300 MB), and where the verifier's time goes (strict JSON
 *  parse, signature verification, the rest of reading the signed parts, each check; the manifest
 *  check is the Merkle root), from a second, instrumented run of verifyBundle.
 *
 * The bundles are real runs of the runtime (runJob over sample tickets given fresh ids, the
 * auto-assign WPC with its limits lifted, automatic approvals), so every receipt comes with its
 * records, approval, model view and ticket, as in any bundle. Building them is slow (the runtime
 * signs with pure-JS Ed25519: about 30 ms a ticket), so they are built once, in a child process
 * (keeping this process's peak RSS the verifier's), and kept in .tmp/bench/ for the next run; a
 * kept bundle is used only while it was made from the same inputs and still verifies valid.
 * BENCH_REBUILD=1 forces a rebuild; BENCH_SIZES=1000 runs only the sizes listed.
 * Above V1_MAX_SIZE tickets no v1 file is written (it would not fit in a string): the run goes
 * straight to v2 in its builder child (8 GiB of heap allowed), and the bench prints the v2 file's
 * figures with the command timed in its own process.
 * Each size ends with format v2 on the same run: the bundle written as v2 by exportBundleV2 (what
 * `clawproof run --format v2` writes; kept beside it as bundle-<size>.v2.clawproof, scripts/bench-v2-file.ts),
 * its size, signatures, CLI verify time (pool and --threads 1), a crypto.verify loop over its
 * signatures and the peak RSS against the bound (scripts/bench-v2-cli.ts; "not supported by this
 * build" while the verifier reads v1 only), then its lines (scripts/bench-v2.ts): stream-read time
 * and the measured savings of the changes not applied.
 *
 * Not part of `npm test`: timings depend on the machine.
 */
import { verify as cryptoVerify } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { base64Decode, utf8Encode } from '../src/core/bytes.js';
import { pae } from '../src/core/dsse.js';
import { sha256 } from '../src/core/hash.js';
import { parseStrictJson, type JsonObject } from '../src/core/json.js';
import { parseTrustRoot } from '../src/core/trust-root.js';
import type { ProofBundle } from '../src/core/bundle/types.js';
import { nodeEd25519Backend, registerNodeEd25519Backend } from '../src/node/ed25519-node.js';
import { installNodeEd25519Signer } from '../src/node/ed25519-node-signer.js';
import { installNodeSha256Backend } from '../src/cli/node-sha256.js';
import { serializeBundle } from '../src/runtime/bundle/serialize.js';
import { runJob } from '../src/runtime/job/run-job.js';
import { demoKeyring } from '../src/runtime/keys/generate.js';
import { getModel } from '../src/runtime/models/index.js';
import { DEMO_START } from '../src/runtime/node/demo-fixtures.js';
import { getSampleSet } from '../src/runtime/tickets/bundled-sample.js';
import { readBundleInput } from '../src/verify/input.js';
import { DEFAULT_MAX_BUNDLE_BYTES, DEFAULT_MAX_BUNDLE_DEPTH } from '../src/format/limits.js';
import { verifyBundle } from '../src/verify/verify-bundle.js';
import { buildContext } from '../src/verify/build-context.js';
import { approvalRequestIssues } from '../src/verify/checks/approval-requests.js';
import { decisionPlanIssues } from '../src/verify/checks/decision-plan.js';
import { checkModelViews, retryViewIssues } from '../src/verify/checks/model_views.js';
import { checkProposals } from '../src/verify/checks/proposals.js';
import { redactionRecordIssues } from '../src/verify/checks/redaction.js';
import { checkSchedule } from '../src/verify/checks/schedule.js';
import { ticketCalls } from '../src/verify/derive/calls.js';
import { recordIndex } from '../src/verify/diff/records.js';
import { v2BytesOf } from '../src/verify/v2/detect.js';
import { benchBrowser } from './bench-browser.js';
import { CACHE, ROOT, TRUST_FILE, benchInChild, cliVerify, isKept, mib, nodeKeys, rate, rssAgainstBound, seconds, verifyInChild, type CliRun } from './bench-measure.js';
import { benchFormatV2 } from './bench-v2.js';
import { benchV2Cli } from './bench-v2-cli.js';
import { BUILD_V2_ENV, buildBundleV2, ensureBundleV2, splitV2Lines, v2PathOf, v2RunCacheKey, writeV2OfRun } from './bench-v2-file.js';
import { benchRedaction } from './bench-redaction.js';

const WPC_FILE = join(ROOT, 'fixtures', 'policies', 'routing-auto-assign-approval.wpc.json');
/** The committed tiny demo bundle changes whenever the runtime's output does: part of the cache key. */
const RUNTIME_STAMP_FILE = join(ROOT, 'fixtures', 'bundles', 'tiny-example.clawproof');
const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000,100000').split(',').map(Number);
const BUILD_ENV = 'CLAWPROOF_BENCH_BUILD';
/**
 * Above this many tickets the run is written as v2 only. Its v1 file would not fit: about 13.9 kB
 * a ticket, so 1.39 GB at 100,000, past V8's longest string (serializeBundle is one string) and
 * the 1 GiB input limit (src/format/limits.ts).
 */
const V1_MAX_SIZE = 20_000;
/**
 * The builder's heap for a v2-only size. Measured at 100,000 tickets: 2,744 MiB live after runJob
 * (528 s), 3,033 MiB after exportBundleV2 (128 s); with a 16 GiB limit V8 let RSS reach 13.2 GiB.
 */
const V2_ONLY_BUILD_FLAGS = ['--max-old-space-size=8192'];
const TICKET_ID_BASE = 1_000_000;

// --- building the bundles -----------------------------------------------------------------------

/** The seed WPC in apply mode with every limit lifted: one receipt per ticket, no throttling, no degrading. */
function benchWpc(): JsonObject {
  const wpc = parseStrictJson(readFileSync(WPC_FILE)) as JsonObject;
  return { ...wpc, limits: { ...(wpc['limits'] as JsonObject), max_tickets_per_run: 100_000, rate_limit_per_minute: 1_000_000, max_concurrency: 100_000 } };
}

function bundlePath(size: number): string {
  return join(CACHE, `bundle-${size}.clawproof`);
}

function cacheKey(size: number): string {
  return sha256(utf8Encode(JSON.stringify({ size, wpc: benchWpc(), runtime: sha256(readFileSync(RUNTIME_STAMP_FILE)), ids: TICKET_ID_BASE, start: DEMO_START })));
}

async function buildBundle(size: number): Promise<void> {
  const sample = getSampleSet().tickets;
  const tickets = Array.from({ length: size }, (_, i) => ({ ...sample[i % sample.length]!, id: TICKET_ID_BASE + i }));
  const started = performance.now();
  const { bundle } = await runJob({ wpc: benchWpc(), tickets, model: getModel('local'), keyring: demoKeyring(), seed: 1, start: DEMO_START, approvals: 'auto' });
  mkdirSync(CACHE, { recursive: true });
  if (size > V1_MAX_SIZE) {
    const ran = performance.now();
    const signatures = writeV2OfRun(bundle, v2PathOf(bundlePath(size)), v2RunCacheKey(cacheKey(size)));
    console.log(`  built ${size} tickets in ${seconds(ran - started)}; wrote them as v2 (${signatures} signatures) in ${seconds(performance.now() - ran)}`);
    return;
  }
  writeFileSync(bundlePath(size), serializeBundle(bundle));
  writeFileSync(`${bundlePath(size)}.key`, cacheKey(size));
  console.log(`  built ${size} tickets in ${seconds(performance.now() - started)}`);
}

/** The kept v2 file of a v2-only size made from the same inputs by this encoder, or (with `rebuild`, or none kept) a new one. */
function ensureRunV2(size: number, rebuild: boolean): Uint8Array {
  const path = v2PathOf(bundlePath(size));
  if (rebuild || !isKept(path, v2RunCacheKey(cacheKey(size)))) {
    console.log(`Building a run of ${size} tickets with runJob, written as v2 only (once; kept in ${join('.tmp', 'bench')}; about 11 minutes, up to 8 GiB of heap) ...`);
    benchInChild({ [BUILD_ENV]: String(size) }, `building the ${size}-ticket v2 file`, V2_ONLY_BUILD_FLAGS);
  }
  return new Uint8Array(readFileSync(path));
}

/** A kept bundle of this size made from the same inputs, or (with `rebuild`, or none kept) a new one built in a child process. */
function ensureBundle(size: number, rebuild: boolean): Uint8Array {
  const path = bundlePath(size);
  if (rebuild || !isKept(path, cacheKey(size))) {
    console.log(`Building a bundle of ${size} receipts with runJob (once; kept in ${join('.tmp', 'bench')}) ...`);
    benchInChild({ [BUILD_ENV]: String(size) }, `building the ${size}-receipt bundle`);
  }
  return new Uint8Array(readFileSync(path));
}

// --- measuring ----------------------------------------------------------------------------------

interface Baseline {
  readonly receiptMs: number;
  readonly receipts: number;
  readonly allMs: number;
  readonly all: number;
}

/** crypto.verify over the PAE bytes of the receipts, then of every DSSE envelope: the floor any verifier pays. */
function baseline(bundle: ProofBundle, trust: ReturnType<typeof parseTrustRoot>): Baseline {
  const keys = nodeKeys(trust);
  const jobs = (envelopes: readonly ProofBundle['receipts'][number][]) =>
    envelopes.map((e) => ({ message: pae(e.payloadType, base64Decode(e.payload)), key: keys.get(e.signatures[0]!.keyid)!, sig: base64Decode(e.signatures[0]!.sig) }));
  const run = (list: ReturnType<typeof jobs>): number => {
    const started = performance.now();
    for (const j of list) if (!cryptoVerify(null, j.message, j.key, j.sig)) throw new Error('a baseline signature did not verify');
    return performance.now() - started;
  };
  const receipts = jobs(bundle.receipts);
  const all = jobs([bundle.wpc, ...bundle.receipts, ...bundle.records, ...bundle.approvals, bundle.manifest]);
  run(receipts); // warm-up
  return { receiptMs: run(receipts), receipts: receipts.length, allMs: run(all), all: all.length };
}

interface Breakdown {
  readonly totalMs: number;
  readonly parseMs: number;
  readonly signatureMs: number;
  readonly signatures: number;
  /** From the start to the end of the structure check, minus parse and signatures: payload decoding, strict parsing and shape checks. */
  readonly partsMs: number;
  readonly checks: readonly { readonly id: string; readonly ms: number }[];
}

/** verifyBundle with a timing wrapper around the node backend and a clock on each check. */
async function breakdown(bytes: Uint8Array, trust: ReturnType<typeof parseTrustRoot>): Promise<Breakdown> {
  let signatureMs = 0;
  let signatures = 0;
  const timed = {
    name: 'node-timed',
    verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
      const started = performance.now();
      const ok = nodeEd25519Backend.verify(publicKey, message, signature) as boolean;
      signatureMs += performance.now() - started;
      signatures++;
      return ok;
    },
  };
  // A v2 file is read line by line inside verifyBundle: its reading is in the first mark.
  const v2 = v2BytesOf(bytes, DEFAULT_MAX_BUNDLE_BYTES) !== null;
  const parseStarted = performance.now();
  const input = v2 ? null : readBundleInput(bytes, { maxBytes: DEFAULT_MAX_BUNDLE_BYTES, maxDepth: DEFAULT_MAX_BUNDLE_DEPTH });
  const parseMs = performance.now() - parseStarted;
  if (input !== null && !input.ok) throw new Error(`the bundle does not parse: ${input.issue.message}`);

  const marks: { id: string; at: number }[] = [];
  const started = performance.now();
  const report = await verifyBundle(bytes, trust, { backend: timed, onProgress: (_done, _total, id) => marks.push({ id, at: performance.now() }) });
  const totalMs = performance.now() - started;
  if (report.verdict !== 'valid') throw new Error(`the bundle is not valid: ${report.summary}`);
  const checks = marks.map((m, i) => ({ id: m.id, ms: m.at - (i === 0 ? started : marks[i - 1]!.at) }));
  // The first mark also covers reading the input and the signed parts; what is left after the
  // parse and the signatures is payload decoding, strict parsing and shape checks.
  const first = checks[0]!;
  const partsMs = Math.max(0, first.ms - parseMs - signatureMs);
  checks[0] = { id: 'structure (and building the context)', ms: partsMs };
  return { totalMs, parseMs, signatureMs, signatures, partsMs, checks: checks.slice(1) };
}

/**
 * The re-derivation checks of issue #14 (proposals, schedule, the decision plan, who was asked
 * for approval, redaction records against their views, one view per ticket), timed one by one on
 * a context built once, beside the whole verification measured in the same run: what they add.
 */
async function rederivationCost(bytes: Uint8Array, trust: ReturnType<typeof parseTrustRoot>): Promise<{ readonly parts: readonly { id: string; ms: number }[]; readonly totalMs: number }> {
  const input = readBundleInput(bytes, { maxBytes: DEFAULT_MAX_BUNDLE_BYTES, maxDepth: DEFAULT_MAX_BUNDLE_DEPTH });
  if (!input.ok) throw new Error(input.issue.message);
  const ctx = await buildContext(input.document, input.hash!, trust, { backend: 'node' });
  const policy = ctx.wpc.policy!;
  const scopes = ctx.cst.claims!.scope;
  const parts: { id: string; ms: number }[] = [];
  const time = (id: string, fn: () => unknown): void => {
    const started = performance.now();
    fn();
    parts.push({ id, ms: performance.now() - started });
  };
  // The model_views check ran before (it digests every view and response); its digests are shared.
  checkModelViews(ctx);
  time('receipted calls per ticket (shared)', () => ticketCalls(ctx));
  time('record index (shared, existed before)', () => recordIndex(ctx));
  time('proposals', () => checkProposals(ctx));
  time('decision plan', () => decisionPlanIssues(recordIndex(ctx)));
  time('who was asked for approval', () => approvalRequestIssues(recordIndex(ctx), policy, scopes));
  time('redaction records vs views', () => redactionRecordIssues(ctx, policy.redaction.maxCharsSentToModel.value));
  time('one view per ticket', () => retryViewIssues(ctx));
  time('schedule', () => checkSchedule(ctx));
  return { parts, totalMs: parts.filter((p) => !p.id.includes('existed before')).reduce((n, p) => n + p.ms, 0) };
}

// --- reporting ----------------------------------------------------------------------------------

function row(label: string, ms: number, totalMs: number, extra = ''): string {
  return `    ${label.padEnd(40)} ${seconds(ms).padStart(9)}  ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %${extra === '' ? '' : `  ${extra}`}`;
}

/** A size with no v1 file: the v2 file's figures, its command timed in its own process. */
async function benchSizeV2Only(size: number): Promise<void> {
  const bytes = ensureRunV2(size, process.env['BENCH_REBUILD'] === '1');
  console.log(`\n== ${size.toLocaleString('en-US')} receipts, format v2 only (a v1 file of this run would pass V8's string limit and the 1 GiB input limit): ${mib(bytes.length)} file`);
  await benchV2Cli({ size, path: v2PathOf(bundlePath(size)), bytes, v1: null, trust: parseTrustRoot(readFileSync(TRUST_FILE)) });
}

async function benchSize(size: number): Promise<void> {
  if (size > V1_MAX_SIZE) return benchSizeV2Only(size);
  const path = bundlePath(size);
  let bytes = ensureBundle(size, process.env['BENCH_REBUILD'] === '1');
  // The first run warms up, and proves the bundle valid: a kept one that no longer is gets rebuilt once.
  let first = await cliVerify(path);
  if (first.exitCode !== 0) {
    console.log(`  the kept bundle does not verify valid (exit ${first.exitCode}); rebuilding it`);
    bytes = ensureBundle(size, true);
    first = await cliVerify(path);
    if (first.exitCode !== 0) throw new Error(`clawproof verify ${path} exited ${first.exitCode}:\n${first.output.slice(-2000)}`);
  }
  const trust = parseTrustRoot(readFileSync(TRUST_FILE));
  const bundle = JSON.parse(new TextDecoder().decode(bytes)) as ProofBundle;
  const receipts = bundle.receipts.length;
  console.log(
    `\n== ${receipts.toLocaleString('en-US')} receipts: ${mib(bytes.length)} file, ${bundle.records.length.toLocaleString('en-US')} records, ${bundle.approvals.length.toLocaleString('en-US')} approvals, ${bundle.tickets.length.toLocaleString('en-US')} tickets`,
  );

  // Best of the runs: two for the smaller size, the first alone for the larger (each takes a while).
  let cli: CliRun = first;
  if (size <= 1000) {
    const again = await cliVerify(path);
    if (again.exitCode === 0 && again.ms < cli.ms) cli = again;
  }
  const oneThread = await cliVerify(path, ['--threads', '1']);
  if (oneThread.exitCode !== 0) throw new Error(`clawproof verify --threads 1 ${path} exited ${oneThread.exitCode}`);
  const base = baseline(bundle, trust);
  const cliRate = receipts / (cli.ms / 1000);
  const baseRate = base.receipts / (base.receiptMs / 1000);
  const detail = await breakdown(bytes, trust);
  const peak = process.resourceUsage().maxRSS * 1024;

  console.log(`  (a) CLI path, bytes -> report (worker pool)    ${seconds(cli.ms).padStart(9)}  ${rate(receipts, cli.ms)} receipts  (${availableParallelism()} threads)`);
  console.log(`  (a1) the same with --threads 1               ${seconds(oneThread.ms).padStart(9)}  ${rate(receipts, oneThread.ms)} receipts  (pool saves ${((100 * (oneThread.ms - cli.ms)) / oneThread.ms).toFixed(1)} %)`);
  console.log(`  (b) baseline, crypto.verify of ${base.receipts} receipt sigs ${seconds(base.receiptMs).padStart(9)}  ${rate(base.receipts, base.receiptMs)} signatures`);
  console.log(`      ratio (a)/(b): ${(cliRate / baseRate).toFixed(3)}  (target >= 0.5)`);
  console.log(`      for scale: crypto.verify of all ${base.all.toLocaleString('en-US')} DSSE signatures in the bundle takes ${seconds(base.allMs)} (${rate(base.all, base.allMs)}); (a) is ${(cli.ms / base.allMs).toFixed(1)}x that`);
  console.log(`      issue #9's ratio, that loop / (a): ${(base.allMs / cli.ms).toFixed(3)}  (target >= 1.5, for format v2)`);
  console.log(`  peak RSS so far (process.resourceUsage().maxRSS): ${mib(peak)}; rss now ${mib(process.memoryUsage().rss)}, heap used ${mib(process.memoryUsage().heapUsed)}`);
  console.log(`  ${rssAgainstBound(bytes.length, verifyInChild(path))}`);
  console.log(`  where the time goes (instrumented verifyBundle, ${seconds(detail.totalMs)}):`);
  console.log(row('strict JSON parse + sha256 of the bytes', detail.parseMs, detail.totalMs));
  console.log(row('signature verification (node:crypto)', detail.signatureMs, detail.totalMs, `${detail.signatures.toLocaleString('en-US')} signatures, ${((1000 * detail.signatureMs) / detail.signatures).toFixed(0)} us each`));
  for (const c of [{ id: 'reading the signed parts + structure', ms: detail.partsMs }, ...detail.checks]) {
    console.log(row(c.id === 'manifest' ? 'manifest (Merkle root over every part)' : c.id, c.ms, detail.totalMs));
  }
  const derived = await rederivationCost(bytes, trust);
  console.log(`  re-derivation checks (issue #14), timed alone on one context: ${seconds(derived.totalMs)} = ${((100 * derived.totalMs) / cli.ms).toFixed(1)} % of the CLI path (a) (target <= 10 %)`);
  for (const p of derived.parts) console.log(row(p.id, p.ms, cli.ms));
  const v2Bytes = ensureBundleV2(path, bytes, process.env['BENCH_REBUILD'] === '1');
  const v2Path = v2PathOf(path);
  const v2Sigs = await benchV2Cli({ size, path: v2Path, bytes: v2Bytes, v1: { bytes: bytes.length, signatures: base.all + 1, allLoopMs: base.allMs }, trust });
  const v2Detail = await breakdown(v2Bytes, trust);
  console.log(`  v2: where the time goes (instrumented verifyBundle, ${seconds(v2Detail.totalMs)}):`);
  console.log(row('signature verification (node:crypto)', v2Detail.signatureMs, v2Detail.totalMs, `${v2Detail.signatures.toLocaleString('en-US')} signatures`));
  for (const c of [{ id: 'reading the lines (schemas, hashes)', ms: v2Detail.partsMs }, ...v2Detail.checks]) {
    console.log(row(c.id === 'manifest' ? 'manifest (the tree heads, read above)' : c.id, c.ms, v2Detail.totalMs));
  }
  await benchFormatV2(bundle, bytes.length, { lines: splitV2Lines(v2Bytes), bytes: v2Bytes, signatures: v2Sigs });
}

async function bench(): Promise<void> {
  registerNodeEd25519Backend();
  installNodeSha256Backend(); // as the CLI does
  console.log(`clawproof verifier bench (node ${process.version}, ${process.platform}/${process.arch})`);
  for (const size of SIZES) {
    if (!Number.isSafeInteger(size) || size < 1) throw new Error(`BENCH_SIZES lists ${String(size)}, not a number of receipts`);
    await benchSize(size);
  }
}

const PARTS = ['redaction', 'verifier', 'browser'] as const;

/** Which parts to run: `--only <part>` on the command line, or BENCH_ONLY; both by default. */
function parts(): readonly (typeof PARTS)[number][] {
  const at = process.argv.indexOf('--only');
  const only = at === -1 ? process.env['BENCH_ONLY'] : process.argv[at + 1];
  if (only === undefined || only === '') return PARTS;
  const part = PARTS.find((p) => p === only);
  if (part === undefined) throw new Error(`--only takes ${PARTS.join(' or ')}, not ${JSON.stringify(only)}`);
  return [part];
}

const buildSize = process.env[BUILD_ENV];
const buildV2From = process.env[BUILD_V2_ENV];
if (buildSize !== undefined) {
  installNodeSha256Backend(); // the same digests, faster (a v2-only size hashes every line it writes)
  installNodeEd25519Signer(); // noble's bytes, faster: a 10,000-ticket run took 129 s with noble, 29 s with this
  await buildBundle(Number(buildSize));
} else if (buildV2From !== undefined) {
  installNodeSha256Backend();
  installNodeEd25519Signer();
  buildBundleV2(buildV2From);
} else {
  const run = parts();
  if (run.includes('redaction')) benchRedaction();
  if (run.includes('verifier')) await bench();
  if (run.includes('browser')) {
    installNodeSha256Backend();
    const bundles = SIZES.flatMap((size) => {
      if (size > V1_MAX_SIZE) {
        ensureRunV2(size, false);
        return [{ size, path: v2PathOf(bundlePath(size)), label: 'format v2' }];
      }
      ensureBundle(size, false);
      const path = bundlePath(size);
      ensureBundleV2(path, new Uint8Array(readFileSync(path)), false);
      return [
        { size, path, label: 'format v1' },
        { size, path: v2PathOf(path), label: 'format v2' },
      ];
    });
    await benchBrowser(ROOT, bundles);
  }
}
