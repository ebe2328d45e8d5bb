/**
 * Root causes: which failures are the first broken facts, and which follow from them.
 *
 * The rule (docs/FORMATS.md, "Verification", "Root causes"):
 *  1. Two failing issues are about the same thing when their evidence shares a place: a part
 *     (`/receipts/5`, never a whole list), a receipt, record, approval or ticket named by id, or,
 *     for the key codes, the key. A chain's breaks that one gap, copy or swap explains are one
 *     fault (chain-faults.ts). Issues about the same thing form a group.
 *  2. A group's cause is its most specific issue: a fact before a derived re-derivation before a
 *     restated seal (roles.ts), then in check order (each check reads what the ones before it
 *     vouched for), then in the check's own order.
 *  3. Groups are taken in the order of their causes (as in 2). A group follows from a cause already
 *     taken when a code of that cause's group is known to imply its cause's (roles.ts: a swapped
 *     policy changes every judgement made under it); when its cause only restates the bundle (a
 *     seal, a count, a check that could not be made): then it joins the cause whose lists it
 *     points into, else the first; or when it is derived and names no part, only a list another
 *     cause lies in ("the record chain must open with job_start" after record 0 was unreadable).
 *     Any other group is a cause of its own.
 * Causes are listed facts first, then in bundle order (the document's members in order, a list's
 * parts by index), so the first cause is the one a summary leads with.
 * Every failing issue ends up a cause or the consequence of exactly one; warnings are neither.
 */
import { CHECK_IDS, type CheckId } from '../../format/checks.js';
import type { ApplyLink, TicketDiff } from '../diff/types.js';
import type { Cause, CauseConsequence, CheckIssue, CheckResult } from '../report.js';
import { chainFaults, isChainIssue, type ChainFault } from './chain-faults.js';
import { bundleOrder, firstPointer, listsOf, placesOf, type PartList } from './places.js';
import { implies, roleRank } from './roles.js';
import { causeSentence } from './sentences.js';

/** What the sentences may use besides the checks; all of it optional (a stored report has less). */
export interface CauseInput {
  readonly checks: readonly CheckResult[];
  /** The report's ticket diffs: the applied calls, so a sentence can say "assigned to billing". */
  readonly tickets?: readonly TicketDiff[];
  readonly trustRootName?: string;
  /** Lengths of the bundle's lists as read, for "receipt 6 of 16". */
  readonly counts?: Readonly<Partial<Record<PartList, number>>>;
}

interface Item {
  /** Position in report order. */
  readonly at: number;
  readonly check: CheckResult;
  readonly index: number;
  readonly issue: CheckIssue;
  readonly places: Set<string>;
}

interface Group {
  readonly items: Item[];
  cause: Item;
  fault: ChainFault | null;
}

/** Codes whose place is also the key they name: every part a key signed out of its window is one fault. */
const KEY_CODES: ReadonlySet<string> = new Set(['KEY_OUTSIDE_VALIDITY', 'KEY_NOT_TRUSTED']);

export function rootCauses(input: CauseInput): Cause[] {
  const items = failingItems(input.checks);
  const groups = groupsOf(items);
  const taken: Group[] = [];
  for (const group of [...groups].sort((a, b) => compareCause(a.cause, b.cause, true))) {
    const home = homeOf(group, taken);
    if (home === null) taken.push(group);
    else for (const item of group.items) home.items.push(item); // no spread: a group can outgrow the argument limit
  }
  taken.sort((a, b) => roleRank(a.cause.issue.code) - roleRank(b.cause.issue.code) || compareCause(a.cause, b.cause, false));
  const applied = appliedCalls(input.tickets ?? []);
  return taken.map((g) => toCause(g, input, applied));
}

function failingItems(checks: readonly CheckResult[]): Item[] {
  const items: Item[] = [];
  for (const check of checks) {
    check.issues.forEach((issue, index) => {
      if (issue.severity !== 'fail') return;
      const places = placesOf(issue);
      if (KEY_CODES.has(issue.code)) for (const e of issue.evidence) if (e.keyid !== undefined) places.add(`key:${e.keyid}`);
      items.push({ at: items.length, check, index, issue, places });
    });
  }
  return items;
}

/** Union-find over shared places and chain faults. */
function groupsOf(items: readonly Item[]): Group[] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const owner = new Map<string, number>();
  for (const item of items) {
    for (const place of item.places) {
      const seen = owner.get(place);
      if (seen === undefined) owner.set(place, item.at);
      else union(seen, item.at);
    }
  }
  const faults = chainFaults(items.filter((i) => isChainIssue(i.issue)).map((i) => ({ at: i.at, issue: i.issue })));
  const faultOf = new Map<number, ChainFault>();
  for (const fault of faults) {
    const [first, ...rest] = fault.members;
    if (first === undefined) continue;
    faultOf.set(first.at, fault);
    for (const m of rest) union(first.at, m.at);
  }
  const byRoot = new Map<number, Item[]>();
  for (const item of items) {
    const root = find(item.at);
    // Appended in place: copying the group on every member is quadratic in a bundle of thousands of failures.
    const members = byRoot.get(root);
    if (members === undefined) byRoot.set(root, [item]);
    else members.push(item);
  }
  return [...byRoot.values()].map((members) => {
    const cause = [...members].sort((a, b) => compareCause(a, b, true))[0]!;
    return { items: members, cause, fault: faultOf.get(cause.at) ?? null };
  });
}

/** Facts before derived before restated; then check order or bundle order; then report order. */
function compareCause(a: Item, b: Item, checkOrder: boolean): number {
  const rank = roleRank(a.issue.code) - roleRank(b.issue.code);
  if (checkOrder) return rank || CHECK_IDS.indexOf(a.check.id) - CHECK_IDS.indexOf(b.check.id) || a.at - b.at;
  const [am, ai] = bundleOrder(a.issue.evidence);
  const [bm, bi] = bundleOrder(b.issue.evidence);
  return am - bm || ai - bi || a.at - b.at;
}

function homeOf(group: Group, taken: readonly Group[]): Group | null {
  const cause = group.cause;
  const implied = taken.find((t) => t.items.some((i) => implies(i.issue.code, cause.check.id, cause.issue.code)));
  if (implied !== undefined) return implied;
  const rank = roleRank(cause.issue.code);
  if (rank === 0 || taken.length === 0) return null;
  // Derived or restated, pointing into a list another cause lies in: it follows from that one.
  const lists = listsOf(cause.issue);
  const sameList = taken.find((t) => t.items.some((i) => [...listsOf(i.issue)].some((l) => l !== '' && lists.has(l))));
  if (sameList !== undefined && (rank === 2 || group.items.every((i) => i.places.size === 0))) return sameList;
  return rank === 2 ? taken[0]! : null;
}

function appliedCalls(tickets: readonly TicketDiff[]): Map<string, ApplyLink> {
  const calls = new Map<string, ApplyLink>();
  for (const t of tickets) for (const c of t.applied) calls.set(c.apply.recordId, c.apply);
  return calls;
}

function toCause(group: Group, input: CauseInput, applied: ReadonlyMap<string, ApplyLink>): Cause {
  const { cause } = group;
  const sentence = causeSentence({
    checkTitle: cause.check.title,
    issue: cause.issue,
    fault: group.fault,
    counts: input.counts ?? {},
    trustRootName: input.trustRootName,
    applied,
    group: group.items.map((i) => i.issue),
  });
  const pointers = [...new Set(cause.issue.evidence.map((e) => e.pointer).filter((p): p is string => p !== undefined))];
  const consequences = group.items
    .filter((i) => i !== cause)
    .sort((a, b) => a.at - b.at)
    .map((i): CauseConsequence => ({ check: i.check.id as CheckId, issue: i.index, code: i.issue.code, message: i.issue.message, pointer: firstPointer(i.issue) }));
  return { sentence, check: cause.check.id, issue: cause.index, code: cause.issue.code, message: cause.issue.message, pointers, consequences };
}
