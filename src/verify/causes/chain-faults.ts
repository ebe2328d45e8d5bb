/**
 * Chain faults: the receipt and record chains report a break at every entry a gap, copy or swap
 * shifts, so one deleted receipt gives a RECEIPT_CHAIN_BROKEN at each receipt after it. This
 * groups a chain's issues into the faults that explain them, walking them in chain order:
 *  - a `seq` issue continues the fault of the entry before it when it keeps the same shift
 *    (`seq - position`), or points back (a receipt moved or swapped returns to its place);
 *    any other shift starts a new fault (a second gap);
 *  - a `prev` or `at` issue belongs to the fault whose shift changed at its entry or the one
 *    before it (the link into and out of a gap or swap); else it starts a fault of its own.
 */
import type { CheckIssue } from '../report.js';
import { partOf } from './places.js';

export interface ChainIssue {
  /** Position of the issue in the caller's list. */
  readonly at: number;
  readonly issue: CheckIssue;
}

export interface ChainFault {
  readonly list: 'receipts' | 'records';
  /** The issues of the fault, in chain order; the first one starts it. */
  readonly members: readonly ChainIssue[];
}

interface Entry {
  readonly item: ChainIssue;
  readonly index: number;
  readonly kind: 'seq' | 'prev' | 'at' | 'other';
  readonly seq: number | null;
}

export const CHAIN_CODES = { RECEIPT_CHAIN_BROKEN: 'receipts', RECORD_CHAIN_BROKEN: 'records' } as const;

export function isChainIssue(issue: CheckIssue): issue is CheckIssue & { code: keyof typeof CHAIN_CODES } {
  return Object.hasOwn(CHAIN_CODES, issue.code);
}

export function chainFaults(items: readonly ChainIssue[]): ChainFault[] {
  const faults: ChainFault[] = [];
  for (const list of ['receipts', 'records'] as const) {
    const entries = items.filter((i) => CHAIN_CODES[i.issue.code as keyof typeof CHAIN_CODES] === list).map(entryOf).filter((e): e is Entry => e !== null);
    entries.sort((a, b) => a.index - b.index || a.item.at - b.item.at);
    let current: { members: ChainIssue[]; shift: number; indexes: Set<number>; turns: Set<number> } | null = null;
    for (const e of entries) {
      const joins = current !== null && joinsFault(e, current);
      if (!joins || current === null) {
        current = { members: [], shift: e.seq === null ? 0 : e.seq - e.index, indexes: new Set(), turns: new Set([e.index]) };
        faults.push({ list, members: current.members });
      } else if (e.seq !== null && e.seq - e.index !== current.shift) {
        current.turns.add(e.index);
        current.shift = e.seq - e.index;
      }
      current.members.push(e.item);
      current.indexes.add(e.index);
    }
  }
  return faults;
}

function joinsFault(e: Entry, fault: { shift: number; indexes: Set<number>; turns: Set<number> }): boolean {
  if (e.kind === 'seq' && e.seq !== null) {
    if (fault.indexes.has(e.index)) return true;
    if (!fault.indexes.has(e.index - 1)) return false;
    return e.seq - e.index === fault.shift || e.seq < e.index;
  }
  return fault.turns.has(e.index) || fault.turns.has(e.index - 1);
}

function entryOf(item: ChainIssue): Entry | null {
  const e = item.issue.evidence.find((x) => x.pointer !== undefined);
  if (e?.pointer === undefined) return null;
  const index = partOf(e.pointer).index;
  if (index === null) return null;
  const kind = e.payloadPointer === '/seq' ? 'seq' : e.payloadPointer === '/prev' ? 'prev' : e.payloadPointer === '/at' ? 'at' : 'other';
  const seq = kind === 'seq' && e.actual !== undefined && /^-?[0-9]+$/.test(e.actual) ? Number(e.actual) : null;
  return { item, index, kind, seq };
}

/** What the first issue of a fault says happened, for its sentence. */
export type FaultShape =
  | { readonly kind: 'missing'; readonly index: number; readonly missing: number }
  | { readonly kind: 'swapped'; readonly index: number }
  | { readonly kind: 'moved'; readonly index: number; readonly seq: number }
  | { readonly kind: 'unlinked'; readonly index: number }
  | { readonly kind: 'backdated'; readonly index: number; readonly at: string | undefined };

export function faultShape(fault: ChainFault): FaultShape | null {
  const entries = fault.members.map(entryOf).filter((e): e is Entry => e !== null);
  const first = entries[0];
  if (first === undefined) return null;
  const firstSeq = entries.find((e) => e.kind === 'seq' && e.index === first.index);
  if (firstSeq?.seq != null) {
    const shift = firstSeq.seq - firstSeq.index;
    const next = entries.find((e) => e.kind === 'seq' && e.index === first.index + 1);
    if (shift === 1 && next?.seq === first.index) return { kind: 'swapped', index: first.index };
    if (shift > 0) return { kind: 'missing', index: first.index, missing: shift };
    return { kind: 'moved', index: first.index, seq: firstSeq.seq };
  }
  if (first.kind === 'at') return { kind: 'backdated', index: first.index, at: first.item.issue.evidence[0]?.actual };
  return { kind: 'unlinked', index: first.index };
}
