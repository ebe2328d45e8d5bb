/**
 * Import tickets from what Zendesk's API returns, so a security team can dry-run a WPC against
 * its own tickets. Accepted inputs (all JSON already parsed):
 *
 * - a ticket list: `{"tickets": [...], "users": [...]?}` (GET /api/v2/tickets?include=users);
 * - an incremental export page: `{"tickets": [...], "end_time", "next_page", "end_of_stream",
 *   "count", "after_cursor", ...}` (time- or cursor-based);
 * - one ticket: `{"ticket": {...}, "users": [...]?}`;
 * - comments either as a `comments` array on each ticket or as a top-level `comments` list whose
 *   entries carry `ticket_id`.
 *
 * Never throws on bad data: a ticket that fails a check is skipped and reported with the JSON
 * Pointer of what failed; so is a bad user or comment. Unknown members are ignored. Besides the
 * problems (one per failing member, for people), `skipped` lists each ticket, user or comment of
 * the input that was not imported, once, so that a run can count and record them.
 */
import type { z } from 'zod';
import { formatPointer, type PointerToken as PointerSegment } from '../../core/pointer.js';
import { parseRfc3339 } from '../../core/time.js';
import type { Requester, Ticket, TicketComment } from './types.js';
import {
  DEFAULT_IMPORT_LIMITS,
  commentSchema,
  ticketSchema,
  topLevelCommentSchema,
  userSchema,
  type ImportLimits,
  type RawComment,
  type RawTicket,
  type RawUser,
} from './zendesk-schema.js';

export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './zendesk-schema.js';

export interface ImportProblem {
  /** RFC 6901 pointer into the input. */
  readonly pointer: string;
  readonly message: string;
}

/** A ticket, user or comment of the input (or a part of the input) that was not imported. */
export interface SkippedItem {
  /** `input`: the document or a member that is not in a shape the importer reads. */
  readonly kind: 'ticket' | 'user' | 'comment' | 'input';
  /** RFC 6901 pointer of the item (of the first item, for a range cut off by a cap). */
  readonly pointer: string;
  readonly reason: string;
  /** Items this entry stands for: 1, or the size of a range cut off by a cap. */
  readonly count: number;
}

export interface ImportResult {
  tickets: Ticket[];
  problems: ImportProblem[];
  /** Every item not imported, once each (at most maxProblems entries; `skippedCount` counts all). */
  skipped: SkippedItem[];
  /** Items not imported in all: the sum of the counts, including entries past the cap. */
  skippedCount: number;
}

type Issue = z.core.$ZodIssue;

class Problems {
  readonly list: ImportProblem[] = [];
  readonly skipped: SkippedItem[] = [];
  skippedCount = 0;
  private dropped = 0;
  constructor(private readonly max: number) {}

  add(pointer: string, message: string): void {
    if (this.list.length < this.max) this.list.push({ pointer, message });
    else this.dropped++;
  }

  /** An item (or `count` of them) not imported; `add` says why for people, this counts it. */
  skip(kind: SkippedItem['kind'], pointer: string, reason: string, count = 1): void {
    this.skippedCount += count;
    if (this.skipped.length < this.max) this.skipped.push({ kind, pointer, reason, count });
  }

  /** add() and skip() in one: the problem's pointer is the item's. */
  addSkip(kind: SkippedItem['kind'], pointer: string, message: string, count = 1): void {
    this.add(pointer, message);
    this.skip(kind, pointer, message, count);
  }

  addIssues(base: readonly PointerSegment[], what: 'ticket' | 'user' | 'comment', issues: readonly Issue[]): void {
    // The first few issues say what is wrong; dozens more for one ticket would bury the others.
    for (const issue of issues.slice(0, 5)) {
      const path = [...base, ...issue.path.map(segmentOf)];
      this.add(formatPointer(path), `${what} skipped: ${issue.message}`);
    }
    const first = issues[0];
    const where = first === undefined || first.path.length === 0 ? '' : `${formatPointer(first.path.map(segmentOf)).slice(1)}: `;
    this.skip(what, formatPointer(base), `${what} skipped: ${where}${first?.message ?? 'invalid'}`);
  }

  finish(): Pick<ImportResult, 'problems' | 'skipped' | 'skippedCount'> {
    if (this.dropped > 0) this.list.push({ pointer: '', message: `${this.dropped} more problems not listed` });
    return { problems: this.list, skipped: this.skipped, skippedCount: this.skippedCount };
  }
}

function segmentOf(key: PropertyKey): PointerSegment {
  return typeof key === 'number' ? key : String(key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function importZendeskExport(input: unknown, limits: Partial<ImportLimits> = {}): ImportResult {
  const caps: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...limits };
  const problems = new Problems(caps.maxProblems);
  if (!isPlainObject(input)) {
    problems.addSkip('input', '', 'expected a JSON object with "tickets" (a list or an export page) or "ticket" (one ticket)');
    return { tickets: [], ...problems.finish() };
  }

  const rawTickets = locateTickets(input, problems);
  const users = readUsers(input, caps, problems);
  const looseComments = readTopLevelComments(input, caps, problems);
  noteIncompleteExport(input, problems);

  const schema = ticketSchema(caps);
  const kept = new Map<number, { ticket: Ticket; pointer: string }>();
  const count = Math.min(rawTickets.items.length, caps.maxTickets);
  if (rawTickets.items.length > caps.maxTickets) {
    problems.addSkip(
      'ticket',
      formatPointer([...rawTickets.base, caps.maxTickets]),
      `only the first ${caps.maxTickets} of ${rawTickets.items.length} tickets were imported`,
      rawTickets.items.length - caps.maxTickets,
    );
  }
  for (let i = 0; i < count; i++) {
    const path = rawTickets.single ? rawTickets.base : [...rawTickets.base, i];
    const pointer = formatPointer(path);
    const parsed = schema.safeParse(rawTickets.items[i]);
    if (!parsed.success) {
      problems.addIssues(path, 'ticket', parsed.error.issues);
      continue;
    }
    const raw = parsed.data;
    if (raw.status === 'deleted') {
      problems.add(formatPointer([...path, 'status']), `ticket ${raw.id} skipped: it was deleted (status "deleted")`);
      problems.skip('ticket', pointer, `ticket ${raw.id} skipped: it was deleted (status "deleted")`);
      continue;
    }
    const comments = readEmbeddedComments(raw, path, caps, problems);
    const ticket = toTicket(raw, raw.status, users.get(raw.requester_id), comments);
    const previous = kept.get(ticket.id);
    if (previous === undefined) {
      kept.set(ticket.id, { ticket, pointer });
      continue;
    }
    // Incremental exports repeat a ticket that changed again: the later update wins.
    const newer = instantOf(ticket.updated_at) >= instantOf(previous.ticket.updated_at);
    const loser = newer ? previous.pointer : pointer;
    problems.addSkip('ticket', loser, `duplicate of ticket ${ticket.id}; the copy updated last was kept`);
    if (newer) kept.set(ticket.id, { ticket, pointer });
  }

  attachTopLevelComments(kept, looseComments, caps, problems);
  const tickets = [...kept.values()].map((k) => k.ticket);
  for (const ticket of tickets) sortComments(ticket.comments);
  return { tickets, ...problems.finish() };
}

interface LocatedTickets {
  items: readonly unknown[];
  base: PointerSegment[];
  single: boolean;
}

function locateTickets(input: Record<string, unknown>, problems: Problems): LocatedTickets {
  if ('tickets' in input) {
    if ('ticket' in input) problems.addSkip('ticket', '/ticket', 'ignored: the input also has "tickets"');
    if (Array.isArray(input.tickets)) return { items: input.tickets, base: ['tickets'], single: false };
    problems.addSkip('input', '/tickets', 'expected an array of tickets');
    return { items: [], base: ['tickets'], single: false };
  }
  if ('ticket' in input) return { items: [input.ticket], base: ['ticket'], single: true };
  problems.addSkip('input', '', 'no "tickets" or "ticket" member: not a Zendesk tickets response or export');
  return { items: [], base: [], single: true };
}

function readUsers(input: Record<string, unknown>, caps: ImportLimits, problems: Problems): Map<number, RawUser> {
  const users = new Map<number, RawUser>();
  if (!('users' in input) || input.users === undefined || input.users === null) return users;
  if (!Array.isArray(input.users)) {
    problems.addSkip('input', '/users', 'expected an array of users; requesters were imported without names or contacts');
    return users;
  }
  if (input.users.length > caps.maxUsers) {
    problems.addSkip('user', formatPointer(['users', caps.maxUsers]), `only the first ${caps.maxUsers} users were read`, input.users.length - caps.maxUsers);
  }
  const count = Math.min(input.users.length, caps.maxUsers);
  for (let i = 0; i < count; i++) {
    const parsed = userSchema.safeParse(input.users[i]);
    if (!parsed.success) problems.addIssues(['users', i], 'user', parsed.error.issues);
    else if (!users.has(parsed.data.id)) users.set(parsed.data.id, parsed.data);
  }
  return users;
}

interface LooseComment {
  comment: TicketComment;
  ticketId: number;
  pointer: string;
}

function readTopLevelComments(input: Record<string, unknown>, caps: ImportLimits, problems: Problems): LooseComment[] {
  if (!('comments' in input) || input.comments === undefined || input.comments === null) return [];
  if (!Array.isArray(input.comments)) {
    problems.addSkip('input', '/comments', 'expected an array of comments with "ticket_id"');
    return [];
  }
  if (input.comments.length > caps.maxComments) {
    problems.addSkip('comment', formatPointer(['comments', caps.maxComments]), `only the first ${caps.maxComments} comments were read`, input.comments.length - caps.maxComments);
  }
  const schema = topLevelCommentSchema(caps);
  const out: LooseComment[] = [];
  const count = Math.min(input.comments.length, caps.maxComments);
  for (let i = 0; i < count; i++) {
    const parsed = schema.safeParse(input.comments[i]);
    if (!parsed.success) {
      problems.addIssues(['comments', i], 'comment', parsed.error.issues);
      continue;
    }
    const comment = toComment(parsed.data, ['comments', i], problems);
    if (comment !== null) out.push({ comment, ticketId: parsed.data.ticket_id, pointer: formatPointer(['comments', i]) });
  }
  return out;
}

function readEmbeddedComments(
  raw: RawTicket,
  path: readonly PointerSegment[],
  caps: ImportLimits,
  problems: Problems,
): TicketComment[] {
  const items = raw.comments ?? [];
  if (items.length > caps.maxCommentsPerTicket) {
    problems.addSkip(
      'comment',
      formatPointer([...path, 'comments', caps.maxCommentsPerTicket]),
      `only the first ${caps.maxCommentsPerTicket} comments of ticket ${raw.id} were kept`,
      items.length - caps.maxCommentsPerTicket,
    );
  }
  const schema = commentSchema(caps);
  const out: TicketComment[] = [];
  for (let i = 0; i < Math.min(items.length, caps.maxCommentsPerTicket); i++) {
    const at = [...path, 'comments', i];
    const parsed = schema.safeParse(items[i]);
    if (!parsed.success) problems.addIssues(at, 'comment', parsed.error.issues);
    else {
      const comment = toComment(parsed.data, at, problems);
      if (comment !== null) out.push(comment);
    }
  }
  return out;
}

function attachTopLevelComments(
  kept: Map<number, { ticket: Ticket }>,
  loose: readonly LooseComment[],
  caps: ImportLimits,
  problems: Problems,
): void {
  for (const { comment, ticketId, pointer } of loose) {
    const entry = kept.get(ticketId);
    if (entry === undefined) {
      problems.add(`${pointer}/ticket_id`, `comment ${comment.id} skipped: no imported ticket ${ticketId}`);
      problems.skip('comment', pointer, `comment ${comment.id} skipped: no imported ticket ${ticketId}`);
      continue;
    }
    const comments = entry.ticket.comments;
    // The same comment may be both embedded and listed; keep one copy.
    if (comments.some((c) => c.id === comment.id)) continue;
    if (comments.length >= caps.maxCommentsPerTicket) {
      problems.addSkip('comment', pointer, `comment ${comment.id} skipped: ticket ${ticketId} already has ${caps.maxCommentsPerTicket} comments`);
      continue;
    }
    comments.push(comment);
  }
}

function toComment(raw: RawComment, path: readonly PointerSegment[], problems: Problems): TicketComment | null {
  // Zendesk's `body` is the plain-text form; `plain_body` is a fallback some exports carry alone.
  const body = raw.body ?? raw.plain_body;
  if (body === undefined) {
    problems.add(formatPointer([...path, 'body']), `comment ${raw.id} skipped: it has no "body"`);
    problems.skip('comment', formatPointer(path), `comment ${raw.id} skipped: it has no "body"`);
    return null;
  }
  return { id: raw.id, author_id: raw.author_id, body, public: raw.public, created_at: raw.created_at };
}

function toTicket(
  raw: RawTicket,
  status: Ticket['status'],
  user: RawUser | undefined,
  comments: TicketComment[],
): Ticket {
  const requester: Requester = {
    id: raw.requester_id,
    name: user?.name ?? null,
    email: user?.email ?? null,
    phone: user?.phone ?? null,
  };
  return {
    id: raw.id,
    subject: raw.subject ?? '',
    description: raw.description ?? '',
    status,
    priority: raw.priority ?? null,
    type: raw.type ?? null,
    assignee_id: raw.assignee_id,
    group_id: raw.group_id,
    organization_id: raw.organization_id,
    requester_id: raw.requester_id,
    tags: [...(raw.tags ?? [])],
    custom_fields: (raw.custom_fields ?? []).map((f) => ({ id: f.id, value: f.value ?? null })),
    created_at: raw.created_at,
    updated_at: raw.updated_at,
    via: { channel: raw.via?.channel ?? 'unknown' },
    requester,
    comments,
  };
}

function sortComments(comments: TicketComment[]): void {
  comments.sort((a, b) => instantOf(a.created_at) - instantOf(b.created_at) || a.id - b.id);
}

/**
 * A page of a larger export is valid input, but importing it alone silently drops the rest:
 * say so. Incremental exports mark the last page with `end_of_stream`; list responses with a
 * null `next_page`.
 */
function noteIncompleteExport(input: Record<string, unknown>, problems: Problems): void {
  if (input.end_of_stream === false) {
    problems.add('/end_of_stream', 'this export page is not the last (end_of_stream is false); later pages were not imported');
  } else if (!('end_of_stream' in input) && !('end_time' in input) && typeof input.next_page === 'string') {
    problems.add('/next_page', 'this list response has more pages (next_page is set); they were not imported');
  }
}

/** The instant of a time the schema already read as RFC 3339 (zendesk-schema.ts). */
function instantOf(text: string): number {
  return parseRfc3339(text) ?? Number.NaN;
}
