/**
 * The streaming v2 reader. It makes no trust decision: it checks that the file is a v2 bundle
 * line by line (framing, canonical form, schemas, place of each line, the header's counts and
 * line limit, the references between lines: job-lines.ts) and recomputes the RFC 9162 trees the tree heads claim, leaf by leaf. Whether a head
 * matches and who signed it is the caller's question (tree-head.ts). Memory is bounded by the
 * longest line allowed, whatever the file's length; every refusal is a V2ReadError with its code
 * and line, at the line where the problem is seen.
 */
import { CompactMerkleTree } from '../../core/merkle-compact.js';
import { decodeLine } from './decode-line.js';
import { V2ReadError } from './errors.js';
import type { HeaderCounts, HeaderLine } from './header-line.js';
import { JobLineChecks } from './job-lines.js';
import { COUNTED_LINE_TYPES, type ReadV2Line, type V2Line } from './line.js';
import { BUNDLE_V2_MEDIA_TYPE, BUNDLE_V2_VERSION, TREE_HEAD_SERVICES } from './media-types.js';
import type { CstLine, WpcLine } from './entry-lines.js';
import type { TreeHeadLine } from './signed-lines.js';
import { splitLines } from './split-lines.js';
import { refuseV1 } from './version-probe.js';

/** The reader's own line limit when the caller sets none. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface ReadLine {
  /** 1-based line number. */
  readonly number: number;
  /** The line as read, a record's omitted `at` restored (the previous record's). */
  readonly line: ReadV2Line;
  /** The line's exact bytes (LF not included): what its leaf hash covers. */
  readonly bytes: Uint8Array;
}

export interface ReadV2Options {
  /** The longest line this reader accepts, whatever the header says. */
  readonly maxLineBytes?: number;
  /** Called with each line as it is read, before the next is; awaited. */
  readonly onLine?: (line: ReadLine) => void | Promise<void>;
}

export interface RecomputedTree {
  readonly size: number;
  readonly root: Uint8Array;
}

export interface V2ReadResult {
  readonly header: HeaderLine;
  readonly wpc: WpcLine;
  readonly cst: CstLine;
  readonly lines: number;
  readonly counts: HeaderCounts;
  /** The tree over every line before the tree heads, as recomputed. */
  readonly harnessTree: RecomputedTree;
  /** The tree over the receipt lines, as recomputed. */
  readonly proxyTree: RecomputedTree;
  readonly treeHeads: { readonly proxy: TreeHeadLine; readonly harness: TreeHeadLine };
}

type Phase = 'header' | 'wpc' | 'cst' | 'job' | 'harness_head' | 'end';

export async function readBundleV2(chunks: AsyncIterable<Uint8Array>, options: ReadV2Options = {}): Promise<V2ReadResult> {
  const own = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  if (!Number.isSafeInteger(own) || own < 1) throw new RangeError('maxLineBytes must be a positive integer');
  let header: HeaderLine | undefined;
  let wpc: WpcLine | undefined;
  let cst: CstLine | undefined;
  let proxyHead: TreeHeadLine | undefined;
  let harnessHead: TreeHeadLine | undefined;
  let phase: Phase = 'header';
  let checks: JobLineChecks | undefined;
  let lines = 0;
  const counts: HeaderCounts = { receipts: 0, records: 0, approvals: 0, model_views: 0, model_responses: 0, tickets: 0 };
  const harnessTree = new CompactMerkleTree();
  const proxyTree = new CompactMerkleTree();
  const limit = () =>
    header === undefined || header.max_line_bytes >= own
      ? { bytes: own, what: "the reader's limit" }
      : { bytes: header.max_line_bytes, what: "the header's max_line_bytes" };

  for await (const { number, bytes } of splitLines(refuseV1(chunks), limit)) {
    lines = number;
    if (phase === 'end') throw new V2ReadError('LINE_AFTER_TREE_HEADS', number, 'a line after the harness tree head, which closes the file');
    const decoded = decodeLine(bytes, number, phase === 'header' ? checkHeaderIdentity(number) : undefined);
    let line: ReadV2Line = decoded as ReadV2Line;
    switch (phase) {
      case 'header':
        header = headerOf(decoded, number);
        checks = new JobLineChecks(header);
        if (bytes.length > header.max_line_bytes) {
          throw new V2ReadError('LINE_TOO_LONG', number, `the header is ${bytes.length} bytes, longer than its own max_line_bytes ${header.max_line_bytes}`, {
            pointer: '/max_line_bytes',
          });
        }
        phase = 'wpc';
        break;
      case 'wpc':
        wpc = expect(line, 'wpc', number);
        phase = 'cst';
        break;
      case 'cst':
        cst = expect(line, 'cst', number);
        phase = 'job';
        break;
      case 'job':
        if (line.t === 'tree_head') {
          proxyHead = headAt(line, 'proxy', number);
          checks!.signature(line, number);
          phase = 'harness_head';
          break;
        }
        if (line.t === 'header' || line.t === 'wpc' || line.t === 'cst') {
          throw new V2ReadError('LINE_OUT_OF_ORDER', number, `a ${line.t} line belongs on line ${{ header: 1, wpc: 2, cst: 3 }[line.t]} only`, { pointer: '/t' });
        }
        countLine(line, header!, counts, number);
        line = checks!.line(decoded, number);
        if (line.t === 'receipt') proxyTree.appendData(bytes);
        break;
      case 'harness_head':
        if (line.t !== 'tree_head') {
          throw new V2ReadError('LINE_AFTER_TREE_HEADS', number, `a ${line.t} line between the tree heads; the heads close the file`, { pointer: '/t' });
        }
        harnessHead = headAt(line, 'harness', number);
        checks!.signature(line, number);
        phase = 'end';
        break;
    }
    if (phase !== 'harness_head' && phase !== 'end') harnessTree.appendData(bytes);
    // Awaited only when it returns a promise: awaiting undefined on every line costs a microtask each.
    const waited = options.onLine?.({ number, line, bytes });
    if (waited !== undefined) await waited;
  }

  if (header === undefined) throw new V2ReadError('HEADER_MISSING', 1, 'the input is empty; a v2 bundle opens with its header line');
  if (wpc === undefined || cst === undefined) {
    throw new V2ReadError('LINE_OUT_OF_ORDER', lines + 1, `the file ends before its ${wpc === undefined ? 'wpc' : 'cst'} line`);
  }
  if (proxyHead === undefined || harnessHead === undefined) {
    throw new V2ReadError('TREE_HEADS_MISSING', lines + 1, `the file ends before its ${proxyHead === undefined ? 'proxy' : 'harness'} tree head`);
  }
  for (const [key, declared] of Object.entries(header.counts) as [keyof HeaderCounts, number][]) {
    if (counts[key] !== declared) {
      throw new V2ReadError('HEADER_COUNT_MISMATCH', lines, `the header counts ${declared} ${key}; the file has ${counts[key]}`, {
        pointer: `/counts/${key}`,
        details: { declared, found: counts[key] },
      });
    }
  }
  return {
    header,
    wpc,
    cst,
    lines,
    counts,
    harnessTree: { size: harnessTree.size, root: harnessTree.root() },
    proxyTree: { size: proxyTree.size, root: proxyTree.root() },
    treeHeads: { proxy: proxyHead, harness: harnessHead },
  };
}

function headerOf(line: V2Line, number: number): HeaderLine {
  if (line.t !== 'header') throw new V2ReadError('HEADER_MISSING', number, `the first line is a ${line.t} line; a v2 bundle opens with its header`, { pointer: '/t' });
  return line;
}

function expect<T extends 'wpc' | 'cst'>(line: V2Line, t: T, number: number): Extract<V2Line, { t: T }> {
  if (line.t !== t) throw new V2ReadError('LINE_OUT_OF_ORDER', number, `line ${number} must be the ${t} line, not a ${line.t} line`, { pointer: '/t' });
  return line as Extract<V2Line, { t: T }>;
}

function headAt(line: TreeHeadLine, service: (typeof TREE_HEAD_SERVICES)[number], number: number): TreeHeadLine {
  if (line.payload.service !== service) {
    throw new V2ReadError('LINE_OUT_OF_ORDER', number, `the ${service} tree head belongs here, not the ${line.payload.service}'s (proxy first, then harness)`, {
      pointer: '/payload/service',
    });
  }
  return line;
}

function countLine(line: Exclude<ReadV2Line, { t: 'header' | 'wpc' | 'cst' | 'tree_head' }>, header: HeaderLine, counts: HeaderCounts, number: number): void {
  const key = COUNTED_LINE_TYPES[line.t];
  counts[key] += 1;
  if (counts[key] > header.counts[key]) {
    throw new V2ReadError('HEADER_COUNT_EXCEEDED', number, `more ${key} than the header's ${header.counts[key]}`, {
      pointer: `/counts/${key}`,
      details: { declared: header.counts[key] },
    });
  }
}

/** A header of another version or media type is refused as such, before its schema is applied. */
function checkHeaderIdentity(number: number) {
  return (value: Record<string, unknown>): void => {
    if (value['t'] !== 'header') return;
    if (value['version'] !== BUNDLE_V2_VERSION) {
      throw new V2ReadError('VERSION_UNSUPPORTED', number, `the header says version ${JSON.stringify(value['version'])}; this reader reads version ${BUNDLE_V2_VERSION}`, { pointer: '/version' });
    }
    if (value['mediaType'] !== BUNDLE_V2_MEDIA_TYPE) {
      throw new V2ReadError('MEDIA_TYPE_UNKNOWN', number, `the header's mediaType is not ${BUNDLE_V2_MEDIA_TYPE}`, { pointer: '/mediaType' });
    }
  };
}
