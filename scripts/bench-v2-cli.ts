/**
 * Format v2 end to end, on the bench's v2 file (bench-v2-file.ts): its size against v1's, the
 * signatures it carries, `clawproof verify` on it (worker pool, then --threads 1) as the v1 part
 * times it, a single-thread node:crypto loop over the same signatures (WPC, CST, every receipt
 * and approval, both tree heads; a v2 line's signature is over DSSE PAE(payload type, canonical
 * payload bytes), src/format/v2/sign-line.ts), their ratio, and the peak RSS of the built command
 * against issue #9's bound.
 *
 * A file the build refuses (exit 2: too big for its heap, or a format it does not read) is
 * reported as "refused by this build", not a crash.
 */
import { verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { base64Decode } from '../src/core/bytes.js';
import { canonicalBytes } from '../src/core/canonical.js';
import { pae } from '../src/core/dsse.js';
import { decodeCompactJws } from '../src/core/jws.js';
import type { TrustRoot } from '../src/core/trust-root.js';
import { PAYLOAD_TYPES, TREE_HEAD_PAYLOAD_TYPE } from '../src/format/v2/media-types.js';
import { readBundleV2 } from '../src/format/v2/read.js';
import { splitLineSignature } from '../src/format/v2/sign-line.js';
import { signingRoleOf, type SignedLine } from '../src/format/v2/signed-lines.js';
import { cliVerify, nodeKeys, rate, rssAgainstBound, seconds, verifyInChild, type CliRun } from './bench-measure.js';

interface SignatureJob {
  readonly message: Uint8Array;
  readonly key: KeyObject;
  readonly sig: Uint8Array;
}

/** Every signature of a v2 file with the message it signs and its trust-root key, and how many of each kind. */
export async function v2Signatures(bytes: Uint8Array, trust: TrustRoot): Promise<{ readonly jobs: readonly SignatureJob[]; readonly byKind: ReadonlyMap<string, number> }> {
  const keys = nodeKeys(trust);
  const keyOf = (keyid: string | undefined): KeyObject => {
    const key = keyid === undefined ? undefined : keys.get(keyid);
    if (key === undefined) throw new Error(`the v2 file names key ${String(keyid)}, which the trust root does not hold`);
    return key;
  };
  const signed: SignedLine[] = [];
  const result = await readBundleV2(
    (async function* () {
      yield bytes;
    })(),
    { onLine: ({ line }) => void (line.t === 'receipt' || line.t === 'approval' || line.t === 'tree_head' ? signed.push(line) : undefined) },
  );
  const jobs: SignatureJob[] = [];
  const byKind = new Map<string, number>();
  const add = (kind: string, job: SignatureJob) => {
    jobs.push(job);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  };
  for (const s of result.wpc.envelope.signatures) {
    add('wpc', { message: pae(result.wpc.envelope.payloadType, base64Decode(result.wpc.envelope.payload)), key: keyOf(s.keyid), sig: base64Decode(s.sig) });
  }
  const cst = decodeCompactJws(result.cst.token);
  add('cst', { message: cst.signingInput, key: keyOf(typeof cst.header['kid'] === 'string' ? cst.header['kid'] : undefined), sig: cst.signature });
  for (const line of signed) {
    const type = line.t === 'receipt' ? PAYLOAD_TYPES.receipt : line.t === 'approval' ? PAYLOAD_TYPES.approval : TREE_HEAD_PAYLOAD_TYPE;
    const { keyIndex, signature } = splitLineSignature(line.sig);
    const keyid = result.header.keys[signingRoleOf(line)][keyIndex];
    add(line.t === 'tree_head' ? `tree head (${line.payload.service})` : line.t, { message: pae(type, canonicalBytes(line.payload)), key: keyOf(keyid), sig: signature });
  }
  return { jobs, byKind };
}

/** crypto.verify over every job in this thread; throws when one fails (the loop must check what the file holds). */
function signatureLoop(jobs: readonly SignatureJob[]): number {
  const started = performance.now();
  for (const j of jobs) if (!cryptoVerify(null, j.message, j.key, j.sig)) throw new Error('a v2 signature did not verify in the baseline loop');
  return performance.now() - started;
}

export interface V2CliInput {
  readonly size: number;
  readonly path: string;
  readonly bytes: Uint8Array;
  /**
   * The v1 file of the same run: its size, its signatures, and the v1 part's single-thread
   * crypto.verify loop over all of them (issue #9's ratio). Null at the sizes with no v1 file
   * (V1_MAX_SIZE in bench.ts): there the command is timed in its own process only.
   */
  readonly v1: { readonly bytes: number; readonly signatures: number; readonly allLoopMs: number } | null;
  readonly trust: TrustRoot;
}

/** The first line of the command's output: what it said about the file. */
function firstLine(output: string): string {
  return output.split('\n').find((l) => l.trim() !== '')?.trim() ?? '(no output)';
}

/** `clawproof verify` on the v2 file, best of two at the smaller sizes; undefined with the reason printed when it did not verify. */
async function timedVerify(input: V2CliInput, extra: readonly string[], label: string): Promise<CliRun | undefined> {
  let best = await cliVerify(input.path, extra);
  if (best.exitCode === 0 && input.size <= 1000) {
    const again = await cliVerify(input.path, extra);
    if (again.exitCode === 0 && again.ms < best.ms) best = again;
  }
  if (best.exitCode === 0) return best;
  console.log(`  (v2-a${label}) verify: ${whyNot(best.exitCode)} (exit ${best.exitCode}): ${firstLine(best.output)}`);
  return undefined;
}

function whyNot(exitCode: number): string {
  return exitCode === 2 ? 'refused by this build' : 'FAILED, the file did not verify valid';
}

/** Prints the v2 part; returns how many signatures the file carries. */
export async function benchV2Cli(input: V2CliInput): Promise<number> {
  const { jobs, byKind } = await v2Signatures(input.bytes, input.trust);
  const kinds = [...byKind].map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind}`).join(', ');
  const { v1 } = input;
  console.log(v1 === null ? '  format v2 file (written by exportBundleV2 straight from the run; kept in .tmp/bench):' : '  format v2 file (exportBundleV2 of this bundle, as clawproof run --format v2 writes it; kept in .tmp/bench):');
  const share = v1 === null ? '' : ` = ${((100 * input.bytes.length) / v1.bytes).toFixed(1)} % of v1`;
  const against = v1 === null ? '' : ` vs v1's ${v1.signatures.toLocaleString('en-US')}`;
  console.log(`    ${(input.bytes.length / 1e6).toFixed(2)} MB${share}; ${jobs.length.toLocaleString('en-US')} signatures (${kinds})${against}`);

  // Without a v1 file the size is too big to verify again and again inside this process: the
  // built command alone in its own process is the measurement, its wall time the CLI time.
  const child = v1 === null ? verifyInChild(input.path) : undefined;
  let pool: CliRun | undefined;
  if (child === undefined) pool = await timedVerify(input, [], '');
  else if (child.ok && child.code === 0) pool = { ms: child.ms, exitCode: 0 };
  else console.log(`  (v2-a) verify in its own process: ${child.ok ? `${whyNot(child.code)} (exit ${child.code})` : child.why}`);
  const one = pool === undefined || v1 === null ? undefined : await timedVerify(input, ['--threads', '1'], '1');
  signatureLoop(jobs); // warm-up
  const loopMs = signatureLoop(jobs);
  const receipts = byKind.get('receipt') ?? 0;
  if (pool !== undefined) {
    const where = child === undefined ? 'bytes -> report (worker pool)' : 'its own process (pool), wall  ';
    console.log(`  (v2-a) CLI path, ${where}  ${seconds(pool.ms).padStart(9)}  ${rate(receipts, pool.ms)} receipts  (${availableParallelism()} threads)`);
  }
  if (one !== undefined) console.log(`  (v2-a1) the same with --threads 1             ${seconds(one.ms).padStart(9)}  ${rate(receipts, one.ms)} receipts`);
  console.log(`  (v2-b) crypto.verify of the same ${jobs.length.toLocaleString('en-US')} signatures, one thread ${seconds(loopMs).padStart(9)}  ${rate(jobs.length, loopMs)} signatures`);
  if (pool !== undefined) {
    console.log(`      ratio loop / verify, (v2-b)/(v2-a): ${(loopMs / pool.ms).toFixed(3)}${one === undefined ? '' : `; with --threads 1, (v2-b)/(v2-a1): ${(loopMs / one.ms).toFixed(3)}`}`);
    if (v1 !== null) console.log(`      issue #9's ratio, v1's all-signature loop / (v2-a): ${(v1.allLoopMs / pool.ms).toFixed(3)}  (target >= 1.5)`);
  } else {
    console.log('      ratio loop / verify: not measured (verify did not run to a verdict)');
  }
  console.log(`  v2: ${rssAgainstBound(input.bytes.length, child ?? verifyInChild(input.path))}`);
  return jobs.length;
}
