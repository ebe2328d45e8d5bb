/**
 * Whether this process has the JavaScript heap to verify a bundle of a given size, asked before
 * the bundle is parsed, so that a bundle too big for it is refused with a clear error (exit 2)
 * instead of ending in V8's out-of-memory abort after a minute of work.
 *
 * A v1 bundle is one JSON document: the parsed document, every envelope's decoded and parsed
 * payload, and the report live at once, so the heap grows with the file. A v2 file is read line by
 * line, but its lines are kept as parsed for the checks (src/verify/v2), so its heap grows with the
 * file too, at about half v1's rate per byte. Each estimate is linear in the file size, with a
 * margin, from what was measured: the smallest --max-old-space-size with which
 * `clawproof verify --threads 1` still completes, found by bisection in 8 MiB steps (node 20.20,
 * linux/x64). v1 (2026-12-04), on the 1,000-ticket bench bundle (scripts/bench.ts) and on copies
 * of it with every list repeated, where every repeated part fails, so the report holds tens of
 * thousands of issues:
 *
 *   v1 bundle                       size       old space needed   per byte
 *   1,000 tickets (valid)           13.3 MiB    90 MiB             6.8
 *   its lists twice over            22.6 MiB   180 MiB             8.0
 *   its lists four times over       45.2 MiB   375 MiB             8.3 (8.6 for each MiB added)
 *
 * v2 (2026-12-06), on the bench's v2 files (valid; the text report):
 *
 *   v2 bundle                       size       old space needed   per byte
 *   10,000 tickets                  51.2 MiB   248 MiB            4.8
 *   100,000 tickets                513.6 MiB  2,560 MiB (2,048 fails) 5.0 (at most)
 *
 * V8's heap_size_limit, which the check compares with, is that old space plus the young
 * generation (48 MiB at these sizes): HEAP_BASE_BYTES holds that and the code loaded.
 * Node-only (node:v8): the library's verifyBundle, which also runs in browsers, does not ask.
 */
import { getHeapStatistics } from 'node:v8';
import { ClawproofError } from '../core/errors.js';

/** Which reader the bytes go to (src/verify/v2/detect.ts): the two grow the heap at different rates. */
export type BundleFormat = 'v1' | 'v2';

/** Heap bytes per byte of bundle: the steepest measured per format (above) with half again as margin. */
export const HEAP_BYTES_PER_BUNDLE_BYTE: Readonly<Record<BundleFormat, number>> = Object.freeze({ v1: 13, v2: 7.5 });
/** What a verification needs whatever the bundle: the young generation and the code. */
export const HEAP_BASE_BYTES = 64 * 1024 * 1024;

const MIB = 1024 * 1024;

/** JavaScript heap bytes a verification of a bundle of `bundleBytes` bytes in `format` is estimated to need at its peak. */
export function verifyHeapEstimate(bundleBytes: number, format: BundleFormat): number {
  return HEAP_BASE_BYTES + Math.ceil(bundleBytes * HEAP_BYTES_PER_BUNDLE_BYTE[format]);
}

/** The heap this process may still grow by: V8's limit and what is in use now. */
export interface HeapBudget {
  /** v8.getHeapStatistics().heap_size_limit: past it V8 aborts the process. */
  readonly limit: number;
  /** v8.getHeapStatistics().used_heap_size. */
  readonly used: number;
}

export function currentHeapBudget(): HeapBudget {
  const stats = getHeapStatistics();
  return { limit: stats.heap_size_limit, used: stats.used_heap_size };
}

export class VerifyMemoryError extends ClawproofError<'VERIFY_HEAP_TOO_SMALL'> {
  readonly bundleBytes: number;
  readonly estimate: number;
  readonly limit: number;

  constructor(what: string, bundleBytes: number, format: BundleFormat, estimate: number, budget: HeapBudget) {
    const suggested = suggestedOldSpaceMiB(estimate, budget);
    super({
      code: 'VERIFY_HEAP_TOO_SMALL',
      message:
        `${what} is ${size(bundleBytes)}; verifying a ${format} bundle of that size needs about ${size(estimate)} of JavaScript heap, ` +
        `and this process may use ${size(budget.limit, `: V8's heap limit, of which ${size(budget.used, '', false)} is in use`)}. ` +
        `Nothing was verified. Run it with a larger heap on a machine with that much free memory, for example ` +
        `NODE_OPTIONS=--max-old-space-size=${suggested} clawproof verify ...`,
      details: { bundleBytes, format, estimate, limit: budget.limit, used: budget.used, suggestedMaxOldSpaceMiB: suggested },
    });
    this.name = 'VerifyMemoryError';
    this.bundleBytes = bundleBytes;
    this.estimate = estimate;
    this.limit = budget.limit;
  }
}

/** Throws VerifyMemoryError when the estimate for `bundleBytes` in `format` does not fit in what the heap has left. */
export function checkVerifyMemory(what: string, bundleBytes: number, format: BundleFormat, budget: HeapBudget = currentHeapBudget()): void {
  const estimate = verifyHeapEstimate(bundleBytes, format);
  if (budget.used + estimate > budget.limit) throw new VerifyMemoryError(what, bundleBytes, format, estimate, budget);
}

/** --max-old-space-size (MiB) that fits the estimate on top of what is in use, rounded up to 256 MiB. */
function suggestedOldSpaceMiB(estimate: number, budget: HeapBudget): number {
  return Math.ceil((budget.used + estimate) / MIB / 256) * 256;
}

/** "13.3 MiB (13,960,544 bytes)", with `note` inside the parentheses; without them when not `exact`. */
function size(bytes: number, note = '', exact = true): string {
  const rounded = bytes >= 1024 * MIB ? `${(bytes / 1024 / MIB).toFixed(1)} GiB` : `${(bytes / MIB).toFixed(1)} MiB`;
  return exact ? `${rounded} (${bytes.toLocaleString('en-US')} bytes${note})` : rounded;
}
