import { describe, expect, it } from 'vitest';
import { routingState, ticketToDocument } from '../../../src/runtime/tickets/document.js';
import type { Ticket } from '../../../src/runtime/tickets/types.js';

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 7,
    subject: 'Refund please',
    description: 'I returned it on Monday.',
    status: 'open',
    priority: 'normal',
    type: 'question',
    assignee_id: 421000000101,
    group_id: 360001000100,
    organization_id: 361000000001,
    requester_id: 55,
    tags: ['web_widget', 'vip', 'email_inbound', 'vip'],
    custom_fields: [
      { id: 360020000005, value: '+1 415 555 0101' },
      { id: 360020000006, value: ['4.12', '4.13'] },
    ],
    created_at: '2025-03-03T07:00:00Z',
    updated_at: '2025-03-03T08:00:00Z',
    via: { channel: 'web' },
    requester: { id: 55, name: 'Mia Chen', email: 'mia.chen@example.com', phone: '+14155550101' },
    comments: [
      { id: 1, author_id: 55, body: 'I returned it on Monday.', public: true, created_at: '2025-03-03T07:00:00Z' },
      { id: 2, author_id: 9, body: 'Customer is on an annual plan.', public: false, created_at: '2025-03-03T07:30:00Z' },
      { id: 3, author_id: 55, body: 'Any news?', public: true, created_at: '2025-03-03T08:00:00Z' },
    ],
    ...overrides,
  };
}

describe('ticketToDocument', () => {
  it('gives exactly the model input fields, with comments after the description and internal notes kept', () => {
    expect(ticketToDocument(ticket())).toEqual({
      subject: 'Refund please',
      description: 'I returned it on Monday.',
      comments: [{ body: 'Customer is on an annual plan.' }, { body: 'Any news?' }],
      tags: ['web_widget', 'vip', 'email_inbound', 'vip'],
      requester: { name: 'Mia Chen', email: 'mia.chen@example.com', phone: '+14155550101' },
      custom_fields: [
        { id: 360020000005, value: '+1 415 555 0101' },
        { id: 360020000006, value: ['4.12', '4.13'] },
      ],
    });
  });

  it('keeps a first comment that differs from the description', () => {
    const t = ticket({ description: 'Edited description' });
    expect(ticketToDocument(t).comments).toHaveLength(3);
  });

  it('drops only the first comment when a later one repeats the description', () => {
    const t = ticket();
    t.comments.push({ id: 4, author_id: 55, body: t.description, public: true, created_at: '2025-03-03T09:00:00Z' });
    expect(ticketToDocument(t).comments).toEqual([
      { body: 'Customer is on an annual plan.' },
      { body: 'Any news?' },
      { body: 'I returned it on Monday.' },
    ]);
  });

  it('leaves out ids, authors, timestamps and routing fields', () => {
    const text = JSON.stringify(ticketToDocument(ticket()));
    for (const absent of ['421000000101', '360001000100', '2025-03-03', '"author_id"', '"status"', '"id":7']) {
      expect(text).not.toContain(absent);
    }
  });

  it('does not share arrays with the ticket (redacting the document cannot edit the ticket)', () => {
    const t = ticket();
    const doc = ticketToDocument(t);
    (doc.tags as string[]).push('x');
    ((doc.custom_fields as { value: string[] }[])[1]?.value as string[]).push('9.9');
    expect(t.tags).toHaveLength(4);
    expect(t.custom_fields[1]?.value).toEqual(['4.12', '4.13']);
  });
});

describe('routingState', () => {
  it('holds the routing fields only, with tags as a sorted set', () => {
    expect(routingState(ticket())).toEqual({
      id: 7,
      status: 'open',
      priority: 'normal',
      type: 'question',
      group_id: 360001000100,
      assignee_id: 421000000101,
      tags: ['email_inbound', 'vip', 'web_widget'],
    });
  });

  it('carries no text, requester data or custom field values', () => {
    const text = JSON.stringify(routingState(ticket()));
    for (const absent of ['Mia', 'mia.chen', '555', 'Refund', 'returned', '360020000005']) expect(text).not.toContain(absent);
  });

  it('sorts tags by code unit, not by locale', () => {
    expect(routingState(ticket({ tags: ['b', 'B', 'a', 'ä', 'A'] })).tags).toEqual(['A', 'B', 'a', 'b', 'ä']);
  });
});
