import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importZendeskExport } from '../../../src/runtime/tickets/zendesk-import.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

const minimal = (extra: Record<string, unknown> = {}) => ({
  id: 1,
  status: 'new',
  requester_id: 10,
  created_at: '2025-01-01T00:00:00Z',
  updated_at: '2025-01-01T00:00:00Z',
  ...extra,
});

describe('importZendeskExport: accepted shapes', () => {
  it('reads a tickets list with sideloaded users and ignores the many fields it does not use', () => {
    const { tickets, problems } = importZendeskExport(fixture('tickets-list-with-users.json'));
    expect(problems).toEqual([]);
    expect(tickets.map((t) => t.id)).toEqual([35436, 35437]);
    const [first, second] = tickets;
    expect(first).toEqual({
      id: 35436,
      subject: 'Help, my printer is on fire!',
      description: 'The fire is very colorful. Call me at +1 415 555 0132.',
      status: 'open',
      priority: 'high',
      type: 'incident',
      assignee_id: 235323,
      group_id: 98738,
      organization_id: 509974,
      requester_id: 20978392,
      tags: ['enterprise', 'other_tag'],
      custom_fields: [
        { id: 27642, value: '745' },
        { id: 27648, value: 'yes' },
        { id: 27650, value: ['alpha', 'beta'] },
        { id: 27651, value: true },
        { id: 27652, value: 12.5 },
        { id: 27653, value: null },
      ],
      created_at: '2025-03-04T09:15:00Z',
      updated_at: '2025-03-04T11:02:17Z',
      via: { channel: 'web' },
      requester: { id: 20978392, name: 'Ruth Okonkwo', email: 'ruth.okonkwo@example.com', phone: '+14155550132' },
      comments: [],
    });
    // A null subject is an empty one; a requester missing from `users` keeps its id only.
    expect(second?.subject).toBe('');
    expect(second?.requester).toEqual({ id: 11111111, name: null, email: null, phone: null });
  });

  it('reads a time-based incremental export: deleted tickets skipped, a repeated ticket keeps its latest update', () => {
    const { tickets, problems } = importZendeskExport(fixture('incremental-export-time.json'));
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ id: 501, status: 'pending', priority: 'high', tags: ['refund', 'escalated'] });
    expect(tickets[0]?.requester).toEqual({ id: 9001, name: 'Pat Lee', email: 'pat.lee@example.net', phone: null });
    expect(problems).toEqual([
      { pointer: '/tickets/1/status', message: 'ticket 502 skipped: it was deleted (status "deleted")' },
      { pointer: '/tickets/0', message: 'duplicate of ticket 501; the copy updated last was kept' },
    ]);
  });

  it('orders by instant, so a time with an offset counts for when it happened', () => {
    // 10:30+02:00 is 08:30Z: the copy written 09:00Z is the later update, although it reads earlier.
    const later = minimal({ status: 'open', updated_at: '2025-03-04T09:00:00Z' });
    const earlier = minimal({ status: 'pending', updated_at: '2025-03-04T10:30:00+02:00' });
    const { tickets, problems } = importZendeskExport({ tickets: [later, earlier] });
    expect(tickets.map((t) => t.status)).toEqual(['open']);
    expect(problems).toEqual([{ pointer: '/tickets/1', message: 'duplicate of ticket 1; the copy updated last was kept' }]);
  });

  it('reads a cursor-based export page with embedded comments, sorted oldest first, and says the page is not the last', () => {
    const { tickets, problems } = importZendeskExport(fixture('incremental-export-cursor.json'));
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.comments.map((c) => [c.id, c.public])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(tickets[0]?.comments[0]).toEqual({
      id: 1,
      author_id: 8001,
      body: 'Password reset email never arrives.',
      public: true,
      created_at: '2025-04-10T14:20:00Z',
    });
    expect(problems).toEqual([
      {
        pointer: '/end_of_stream',
        message: 'this export page is not the last (end_of_stream is false); later pages were not imported',
      },
    ]);
  });

  it('reads a single ticket with a top-level comments list matched by ticket_id', () => {
    const { tickets, problems } = importZendeskExport(fixture('single-ticket-with-comments.json'));
    expect(tickets).toHaveLength(1);
    const ticket = tickets[0];
    expect(ticket).toMatchObject({ id: 42, status: 'hold', priority: 'low', type: 'task', group_id: 360001000106 });
    // Kept as written; routingState is where tags become a set.
    expect(ticket?.tags).toEqual(['lang_de', 'vip', 'lang_de']);
    expect(ticket?.created_at).toBe('2025-05-01T10:00:00+02:00');
    expect(ticket?.comments.map((c) => c.id)).toEqual([900, 901]);
    expect(problems).toEqual([{ pointer: '/comments/2/ticket_id', message: 'comment 902 skipped: no imported ticket 43' }]);
  });

  it('keeps one copy of a comment that is both embedded and listed at top level', () => {
    const comment = { id: 5, author_id: 10, body: 'hi', public: true, created_at: '2025-01-01T00:00:00Z' };
    const { tickets, problems } = importZendeskExport({
      tickets: [minimal({ comments: [comment] })],
      comments: [{ ...comment, ticket_id: 1 }],
    });
    expect(problems).toEqual([]);
    expect(tickets[0]?.comments).toHaveLength(1);
  });

  it('falls back to plain_body when a comment has no body', () => {
    const { tickets } = importZendeskExport({
      ticket: minimal({ comments: [{ id: 5, author_id: 10, plain_body: 'plain', public: false, created_at: '2025-01-01T00:00:00Z' }] }),
    });
    expect(tickets[0]?.comments[0]?.body).toBe('plain');
  });

  it('warns that a list response with next_page set has more pages', () => {
    const { tickets, problems } = importZendeskExport({ tickets: [minimal()], next_page: 'https://x.zendesk.com/api/v2/tickets.json?page=2' });
    expect(tickets).toHaveLength(1);
    expect(problems).toEqual([
      { pointer: '/next_page', message: 'this list response has more pages (next_page is set); they were not imported' },
    ]);
  });
});

describe('importZendeskExport: bad input', () => {
  it.each([null, undefined, 42, 'tickets', [], [{ id: 1 }], true])('reports %j as not an export instead of throwing', (input) => {
    const { tickets, problems } = importZendeskExport(input);
    expect(tickets).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.pointer).toBe('');
  });

  it('reports an object without tickets', () => {
    expect(importZendeskExport({ users: [] }).problems).toEqual([
      { pointer: '', message: 'no "tickets" or "ticket" member: not a Zendesk tickets response or export' },
    ]);
  });

  it('reports a "tickets" member that is not an array', () => {
    expect(importZendeskExport({ tickets: { id: 1 } }).problems).toEqual([{ pointer: '/tickets', message: 'expected an array of tickets' }]);
  });

  it('skips each bad ticket with the pointer of what failed and keeps the good ones', () => {
    const { tickets, problems } = importZendeskExport(fixture('bad-tickets.json'));
    expect(tickets.map((t) => t.id)).toEqual([1, 9]);
    const pointers = problems.map((p) => p.pointer);
    expect(pointers).toEqual([
      '/users/0/id',
      '/tickets/1/id',
      '/tickets/2/status',
      '/tickets/3/subject',
      '/tickets/4/created_at',
      '/tickets/5/tags/1',
      '/tickets/6/custom_fields/0/value',
      '/tickets/7',
      '/tickets/8',
      '/tickets/9/requester_id',
      '/tickets/10/comments/1/body',
      '/tickets/11/priority',
    ]);
    for (const p of problems) expect(p.message).toMatch(/skipped: /);
    // The user with the valid id still resolves the requester.
    expect(tickets[0]?.requester.name).toBe('Valid User');
    // Ticket 9 lost its bad comment only.
    expect(tickets[1]?.comments.map((c) => c.id)).toEqual([1]);
  });

  it('rejects values of the wrong type for fields it uses even when Zendesk would never send them', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ id: 1.5 }, '/ticket/id'],
      [{ id: -3 }, '/ticket/id'],
      [{ id: 2 ** 60 }, '/ticket/id'],
      [{ assignee_id: 'me' }, '/ticket/assignee_id'],
      [{ type: 'bug' }, '/ticket/type'],
      [{ via: { channel: 7 } }, '/ticket/via/channel'],
      [{ updated_at: '2025-13-45T99:99:99Z' }, '/ticket/updated_at'],
      // RFC 3339 needs a real date and time; Date.parse would roll these into the next day or month.
      [{ updated_at: '2025-02-30T10:00:00Z' }, '/ticket/updated_at'],
      [{ created_at: '2025-01-01T24:00:00Z' }, '/ticket/created_at'],
      [{ created_at: '2016-12-31T23:59:60Z' }, '/ticket/created_at'],
      [{ created_at: '2025-01-01T10:00:00+24:00' }, '/ticket/created_at'],
      [{ description: { text: 'x' } }, '/ticket/description'],
    ];
    for (const [patch, pointer] of cases) {
      const { tickets, problems } = importZendeskExport({ ticket: minimal(patch) });
      expect(tickets, JSON.stringify(patch)).toEqual([]);
      expect(problems[0]?.pointer, JSON.stringify(patch)).toBe(pointer);
    }
  });

  it('escapes JSON Pointer tokens per RFC 6901', () => {
    const { problems } = importZendeskExport({ ticket: minimal({ custom_fields: [{ id: 1, value: { 'a/b~c': 1 } }] }) });
    expect(problems[0]?.pointer).toBe('/ticket/custom_fields/0/value');
  });

  it('survives hostile members: prototype keys, deep nesting in unused fields, huge unused arrays', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const input = JSON.parse(
      `{"tickets":[{"__proto__":{"polluted":true},"id":1,"status":"new","requester_id":10,` +
        `"created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z"}]}`,
    ) as { tickets: Record<string, unknown>[] };
    (input.tickets[0] as Record<string, unknown>).metadata = deep;
    (input.tickets[0] as Record<string, unknown>).collaborator_ids = new Array(200_000).fill(1);
    const { tickets, problems } = importZendeskExport(input);
    expect(problems).toEqual([]);
    expect(tickets).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(tickets[0] as object)).not.toContain('metadata');
  });
});

describe('importZendeskExport: caps', () => {
  it('imports at most maxTickets and says how many were left out', () => {
    const many = Array.from({ length: 5 }, (_, i) => minimal({ id: i + 1 }));
    const { tickets, problems } = importZendeskExport({ tickets: many }, { maxTickets: 3 });
    expect(tickets.map((t) => t.id)).toEqual([1, 2, 3]);
    expect(problems).toEqual([{ pointer: '/tickets/3', message: 'only the first 3 of 5 tickets were imported' }]);
  });

  it('rejects a ticket whose description is longer than maxTextChars', () => {
    const { tickets, problems } = importZendeskExport({ ticket: minimal({ description: 'x'.repeat(101) }) }, { maxTextChars: 100 });
    expect(tickets).toEqual([]);
    expect(problems[0]?.pointer).toBe('/ticket/description');
  });

  it('keeps at most maxCommentsPerTicket comments', () => {
    const comments = Array.from({ length: 4 }, (_, i) => ({
      id: i + 1,
      author_id: 10,
      body: `c${i}`,
      public: true,
      created_at: '2025-01-01T00:00:00Z',
    }));
    const { tickets, problems } = importZendeskExport({ ticket: minimal({ comments }) }, { maxCommentsPerTicket: 2 });
    expect(tickets[0]?.comments.map((c) => c.id)).toEqual([1, 2]);
    expect(problems).toEqual([{ pointer: '/ticket/comments/2', message: 'only the first 2 comments of ticket 1 were kept' }]);
  });

  it('lists at most maxProblems problems and then says how many more there were', () => {
    const bad = Array.from({ length: 10 }, () => 'not a ticket');
    const { problems } = importZendeskExport({ tickets: bad }, { maxProblems: 3 });
    expect(problems).toHaveLength(4);
    expect(problems[3]).toEqual({ pointer: '', message: '7 more problems not listed' });
  });
});

describe('importZendeskExport: skipped items', () => {
  it('lists each ticket, user and comment not imported once, whatever the number of problems it has', () => {
    const { skipped, skippedCount, problems } = importZendeskExport(fixture('bad-tickets.json'));
    expect(problems.length).toBeGreaterThanOrEqual(skipped.length);
    expect(skipped.map((s) => [s.kind, s.pointer])).toEqual([
      ['user', '/users/0'],
      ['ticket', '/tickets/1'],
      ['ticket', '/tickets/2'],
      ['ticket', '/tickets/3'],
      ['ticket', '/tickets/4'],
      ['ticket', '/tickets/5'],
      ['ticket', '/tickets/6'],
      ['ticket', '/tickets/7'],
      ['ticket', '/tickets/8'],
      ['ticket', '/tickets/9'],
      ['comment', '/tickets/10/comments/1'],
      ['ticket', '/tickets/11'],
    ]);
    expect(skippedCount).toBe(12);
    expect(skipped.find((s) => s.pointer === '/tickets/4')?.reason).toMatch(/^ticket skipped: created_at: /);
  });

  it('counts a comment without created_at (the comment is dropped, its ticket kept)', () => {
    const comment = { id: 5, author_id: 10, body: 'hello', public: true };
    const { tickets, skipped, skippedCount } = importZendeskExport({ ticket: minimal({ comments: [comment] }) });
    expect(tickets.map((t) => t.comments.length)).toEqual([0]);
    expect(skipped).toEqual([{ kind: 'comment', pointer: '/ticket/comments/0', reason: expect.stringMatching(/^comment skipped: created_at: /), count: 1 }]);
    expect(skippedCount).toBe(1);
  });

  it('counts deleted tickets, superseded copies and comments of tickets that were not imported', () => {
    const older = minimal({ id: 2, updated_at: '2025-01-01T00:00:00Z' });
    const newer = minimal({ id: 2, updated_at: '2025-02-01T00:00:00Z' });
    const loose = { id: 7, ticket_id: 99, author_id: 10, body: 'x', public: true, created_at: '2025-01-01T00:00:00Z' };
    const { skipped } = importZendeskExport({ tickets: [minimal({ status: 'deleted' }), older, newer], comments: [loose] });
    expect(skipped.map((s) => [s.kind, s.pointer])).toEqual([
      ['ticket', '/tickets/0'],
      ['ticket', '/tickets/1'],
      ['comment', '/comments/0'],
    ]);
  });

  it('counts a range cut off by a cap as all its items, in one entry', () => {
    const many = Array.from({ length: 5 }, (_, i) => minimal({ id: i + 1 }));
    const { skipped, skippedCount } = importZendeskExport({ tickets: many }, { maxTickets: 3 });
    expect(skipped).toEqual([{ kind: 'ticket', pointer: '/tickets/3', reason: 'only the first 3 of 5 tickets were imported', count: 2 }]);
    expect(skippedCount).toBe(2);
  });

  it('keeps counting past maxProblems entries', () => {
    const bad = Array.from({ length: 10 }, () => 'not a ticket');
    const { skipped, skippedCount } = importZendeskExport({ tickets: bad }, { maxProblems: 3 });
    expect(skipped).toHaveLength(3);
    expect(skippedCount).toBe(10);
  });

  it('skips nothing for a clean export, and notes a partial export without counting items', () => {
    expect(importZendeskExport(fixture('tickets-list-with-users.json'))).toMatchObject({ skipped: [], skippedCount: 0 });
    const page = importZendeskExport({ tickets: [minimal()], next_page: 'https://x.zendesk.com/api/v2/tickets.json?page=2' });
    expect([page.problems.length, page.skippedCount]).toEqual([1, 0]);
  });
});
