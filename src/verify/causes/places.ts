/**
 * Where an issue is in the bundle: the parts its evidence names (a receipt, a record, a ticket,
 * the WPC, ...), their order in the document, and how a sentence names a part ("receipt 6 of 16").
 */
import type { CheckIssue, Evidence } from '../report.js';

/** The document's members in order: the earlier a part, the earlier its fault in "bundle order". */
const MEMBER_ORDER = ['mediaType', 'version', 'wpc', 'cst', 'receipts', 'records', 'approvals', 'model_views', 'model_responses', 'tickets', 'manifest'] as const;

/** Members that are lists of parts: a pointer to the list itself names a container, not a part. */
export const PART_LISTS = ['receipts', 'records', 'approvals', 'model_views', 'model_responses', 'tickets'] as const;
export type PartList = (typeof PART_LISTS)[number];

export interface PartRef {
  /** '' for the document itself. */
  readonly member: string;
  /** Index in a list member; null for a singleton member or a whole list. */
  readonly index: number | null;
}

/** The part a pointer lies in: `/receipts/5/signatures` -> receipts 5; `/receipts` -> the list (index null). */
export function partOf(pointer: string): PartRef {
  const [, member = '', index] = pointer.split('/');
  const n = index === undefined || !/^(0|[1-9][0-9]*)$/.test(index) ? null : Number(index);
  return { member, index: (PART_LISTS as readonly string[]).includes(member) ? n : null };
}

export function isListMember(member: string): member is PartList {
  return (PART_LISTS as readonly string[]).includes(member);
}

/** A pointer naming a whole list or the document: it says "somewhere in there", not which part. */
export function isContainer(pointer: string): boolean {
  const part = partOf(pointer);
  return part.member === '' || (isListMember(part.member) && part.index === null);
}

/**
 * The places an issue is about, as keys two issues share when they are about the same thing: the
 * parts its evidence points into (never a whole list), the receipts, records, approvals and
 * tickets its evidence names by id. Containers are left out on purpose: "the receipts" does not
 * make every receipt the same place.
 */
export function placesOf(issue: CheckIssue): Set<string> {
  const places = new Set<string>();
  for (const e of issue.evidence) {
    if (e.pointer !== undefined && !isContainer(e.pointer)) places.add(partKey(partOf(e.pointer)));
    if (e.receiptId !== undefined) places.add(`receipt:${e.receiptId}`);
    if (e.recordId !== undefined) places.add(`record:${e.recordId}`);
    if (e.approvalId !== undefined) places.add(`approval:${e.approvalId}`);
    if (e.ticketId !== undefined) places.add(`ticket:${e.ticketId}`);
  }
  return places;
}

export function partKey(part: PartRef): string {
  return part.index === null ? `/${part.member}` : `/${part.member}/${part.index}`;
}

/** Lists an issue's evidence points into, whole or in part (for the container rule). */
export function listsOf(issue: CheckIssue): Set<string> {
  const lists = new Set<string>();
  for (const e of issue.evidence) if (e.pointer !== undefined) lists.add(partOf(e.pointer).member);
  return lists;
}

/** Sort key of a place in document order; evidence without a pointer sorts after every part. */
export function bundleOrder(evidence: readonly Evidence[]): readonly [number, number] {
  const first = evidence.find((e) => e.pointer !== undefined)?.pointer;
  if (first === undefined) return [MEMBER_ORDER.length + 1, 0];
  const part = partOf(first);
  const member = MEMBER_ORDER.indexOf(part.member as (typeof MEMBER_ORDER)[number]);
  // A whole list says less than any one of its parts: it sorts after them.
  return [member === -1 ? 0 : member + 1, part.index ?? Number.MAX_SAFE_INTEGER];
}

export function firstPointer(issue: CheckIssue): string | null {
  return issue.evidence.find((e) => e.pointer !== undefined)?.pointer ?? null;
}

const SINGULAR: Readonly<Record<PartList, string>> = {
  receipts: 'receipt',
  records: 'record',
  approvals: 'approval',
  model_views: 'model view',
  model_responses: 'model response',
  tickets: 'ticket entry',
};

const SINGLETONS: Readonly<Record<string, string>> = {
  '': 'the bundle',
  mediaType: "the bundle's media type",
  version: "the bundle's version",
  wpc: 'the WPC (the signed policy)',
  cst: 'the capability token (CST)',
  manifest: 'the manifest',
};

/** "receipt 6 of 16" (ordinals from 1; "of N" only when the list's length is known). */
export function ordinalName(list: PartList, index: number, count: number | undefined): string {
  return `${SINGULAR[list]} ${index + 1}${count === undefined ? '' : ` of ${count}`}`;
}

/** How a sentence names the part at `pointer`: "receipt 6 of 16", "the manifest". */
export function partName(pointer: string, counts: Readonly<Partial<Record<PartList, number>>>): string {
  const part = partOf(pointer);
  if (isListMember(part.member)) return part.index === null ? `the ${part.member.replace('_', ' ')}` : ordinalName(part.member, part.index, counts[part.member]);
  return SINGLETONS[part.member] ?? `the bundle's ${part.member}`;
}

/** The trust-root role that signs the part at `pointer` (the verifier resolves keys per role the same way). */
export function signingRole(pointer: string): string | null {
  const roles: Readonly<Record<string, string>> = { wpc: 'controls', cst: 'scope', receipts: 'proxy', records: 'harness', approvals: 'approver', manifest: 'harness' };
  return roles[partOf(pointer).member] ?? null;
}

/** A key id as a person can compare it: `sha256:5b4c2994…93e6a9`. */
export function shortDigest(digest: string): string {
  const m = /^(sha256:)([0-9a-f]{64})$/.exec(digest);
  return m === null ? digest : `${m[1]}${m[2]!.slice(0, 8)}…${m[2]!.slice(-6)}`;
}
