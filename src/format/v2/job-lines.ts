/**
 * What the reader checks across the job's lines, beyond each line's schema: the references and
 * counters a line's meaning depends on, none of them a trust decision.
 *  - a record's `seq` is its index among the records, a receipt's among the receipts (so a seq
 *    names one line; v1 checked the same through record_id and the receipt chain);
 *  - a record without `at` takes the previous record's, which the reader restores in the line it
 *    hands on; the first record must state it, and no record states it when equal (one spelling);
 *  - a decision's `proposal_seq` is an earlier proposal record of the decision's own ticket;
 *  - a signed line's key index is inside the header's key list for its role.
 * State: a few counters and the ticket of each proposal seen (two numbers each).
 */
import { V2ReadError } from './errors.js';
import type { HeaderLine } from './header-line.js';
import { isRecordLine, type ReadV2Line, type V2Line } from './line.js';
import type { RecordLine } from './record-line.js';
import { signingRoleOf, type SignedLine } from './signed-lines.js';
import { splitLineSignature } from './sign-line.js';

export class JobLineChecks {
  private records = 0;
  private receipts = 0;
  private previousAt: string | undefined;
  /** seq -> ticket_id of every proposal record so far. */
  private readonly proposals = new Map<number, number>();

  constructor(private readonly header: HeaderLine) {}

  /** The line as the reader hands it on; throws the V2ReadError of the first problem. */
  line(line: V2Line, number: number): ReadV2Line {
    if (line.t === 'receipt' || line.t === 'approval' || line.t === 'tree_head') this.signature(line, number);
    if (line.t === 'receipt') {
      const index = this.receipts++;
      if (line.payload.seq !== index) {
        throw new V2ReadError('SEQ_OUT_OF_ORDER', number, `receipt ${line.payload.receipt_id} has seq ${line.payload.seq}; it is receipt ${index} of the file`, { pointer: '/payload/seq' });
      }
    }
    return isRecordLine(line) ? this.record(line, number) : (line as ReadV2Line);
  }

  signature(line: SignedLine, number: number): void {
    const role = signingRoleOf(line);
    const { keyIndex } = splitLineSignature(line.sig);
    const keys = this.header.keys[role];
    if (keyIndex >= keys.length) {
      throw new V2ReadError('SIGNATURE_KEY_UNKNOWN', number, `the ${line.t} line's signature names ${role} key ${keyIndex}; the header lists ${keys.length}`, {
        pointer: '/sig',
        details: { role, keyIndex, listed: keys.length },
      });
    }
  }

  private record(line: RecordLine, number: number): ReadV2Line {
    const index = this.records++;
    if (line.seq !== index) throw new V2ReadError('SEQ_OUT_OF_ORDER', number, `a ${line.t} record has seq ${line.seq}; it is record ${index} of the file`, { pointer: '/seq' });
    let at = line.at;
    if (at === undefined) {
      if (this.previousAt === undefined) throw new V2ReadError('RECORD_AT_MISSING', number, 'the first record has no at, and there is no previous record to take it from', { pointer: '/at' });
      at = this.previousAt;
    } else if (at === this.previousAt && line.t !== 'proposal') {
      throw new V2ReadError('RECORD_AT_REPEATED', number, `the record states at ${at}, the previous record's; the format omits it then`, { pointer: '/at' });
    }
    this.previousAt = at;
    if (line.t === 'proposal') this.proposals.set(line.seq, line.ticket_id);
    if (line.t === 'decision' && line.proposal_seq !== null && this.proposals.get(line.proposal_seq) !== line.ticket_id) {
      const ticket = this.proposals.get(line.proposal_seq);
      throw new V2ReadError(
        'PROPOSAL_SEQ_UNKNOWN',
        number,
        ticket === undefined
          ? `the decision names proposal_seq ${line.proposal_seq}, which is no earlier proposal record`
          : `the decision on ticket ${line.ticket_id} names proposal_seq ${line.proposal_seq}, a proposal of ticket ${ticket}`,
        { pointer: '/proposal_seq' },
      );
    }
    return { ...line, at };
  }
}
