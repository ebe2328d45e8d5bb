/**
 * Reads a v2 bundle with the trust-free streaming reader (src/format/v2/read.ts) and keeps what
 * the checks read: the job's lines by kind, each with its line number, and each record's sha256
 * receipt's and approval's sha256 over its exact bytes (what an approval's proposal_hash names).
 * Records are kept lifted to the shape the checks read (lift.ts). The bytes themselves are not
 * kept: the reader has already hashed them into the tree heads' trees.
 */
import { sha256, type Digest } from '../../core/hash.js';
import type { ResponseLine, TicketLine, ViewLine } from '../../format/v2/entry-lines.js';
import type { ReadV2Line } from '../../format/v2/line.js';
import { isRecordLine } from '../../format/v2/line.js';
import { readBundleV2, type V2ReadResult } from '../../format/v2/read.js';
import type { RecordLine } from '../../format/v2/record-line.js';
import type { RecordPayload } from '../../core/bundle/types.js';
import { nextTurn } from '../next-turn.js';
import { liftRecord } from './lift.js';
import type { ApprovalLine, ReceiptLine } from '../../format/v2/signed-lines.js';

export interface Numbered<L> {
  readonly line: L;
  /** 1-based line number in the file. */
  readonly number: number;
}

/** A record, receipt or approval line, with the sha256 of its exact bytes (what a proposal_hash names; how a copied line is told). */
export interface Hashed<L> extends Numbered<L> {
  readonly hash: Digest;
}

/** A record as the checks read it (lift.ts), lifted as it is read so the line object is not kept beside it. */
export type NumberedRecord = Hashed<RecordPayload>;

export interface V2Lines {
  readonly read: V2ReadResult;
  readonly receipts: readonly Hashed<ReceiptLine>[];
  readonly records: readonly NumberedRecord[];
  readonly approvals: readonly Hashed<ApprovalLine>[];
  readonly views: readonly Numbered<ViewLine>[];
  readonly responses: readonly Numbered<ResponseLine>[];
  readonly tickets: readonly Numbered<TicketLine>[];
}

/**
 * Chunks of one byte array, so the reader sees the file as it would a stream. Between chunks the
 * event loop gets a turn: without it the whole read is one chain of microtasks, and a worker
 * pool's batches would go out, and its answers come in, only once the file is read.
 */
async function* chunksOf(bytes: Uint8Array, size = 1 << 20): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) {
    if (at > 0) await nextTurn();
    yield bytes.subarray(at, at + size);
  }
}

/**
 * The lines of a v2 bundle; throws the reader's V2ReadError at the first line it refuses.
 * `onLine` sees each line with its number as it is read; the reader waits for what it returns.
 */
export async function readV2Lines(bytes: Uint8Array, onLine?: (line: ReadV2Line, number: number) => void | Promise<void>): Promise<V2Lines> {
  const receipts: Hashed<ReceiptLine>[] = [];
  const records: NumberedRecord[] = [];
  const approvals: Hashed<ApprovalLine>[] = [];
  const views: Numbered<ViewLine>[] = [];
  const responses: Numbered<ResponseLine>[] = [];
  const tickets: Numbered<TicketLine>[] = [];
  let jobId = '';
  const recordHashes: Digest[] = [];
  const read = await readBundleV2(chunksOf(bytes), {
    onLine({ number, line, bytes: lineBytes }) {
      const waited = onLine?.(line, number);
      keep(line, number, lineBytes);
      return waited;
    },
  });
  return { read, receipts, records, approvals, views, responses, tickets };

  function keep(line: ReadV2Line, number: number, lineBytes: Uint8Array): void {
    if (isRecordLine(line)) {
      const hash = sha256(lineBytes);
      // A decision names an earlier proposal (the reader checked it), whose hash is already here.
      records.push({ line: liftRecord(line as RecordLine & { at: string }, jobId, recordHashes), number, hash });
      recordHashes.push(hash);
      return;
    }
    if (line.t === 'header') jobId = line.job_id;
    switch (line.t) {
      case 'receipt':
        receipts.push({ line, number, hash: sha256(lineBytes) });
        break;
      case 'approval':
        approvals.push({ line, number, hash: sha256(lineBytes) });
        break;
      case 'view':
        views.push({ line, number });
        break;
      case 'response':
        responses.push({ line, number });
        break;
      case 'ticket':
        tickets.push({ line, number });
        break;
      default:
        // header, wpc, cst and tree heads: the read result holds them.
        break;
    }
  }
}
