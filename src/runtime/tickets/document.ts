/**
 * The two projections of a ticket that leave the ticket system: the model input document (what
 * redaction runs over before anything reaches a model) and the routing state (what a bundle
 * records as a ticket's before-state, and what routing actions change).
 */
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { CustomFieldValue, Ticket, TicketPriority, TicketStatus, TicketType } from './types.js';

/**
 * The model input document: { subject, description, comments: [{ body }], tags,
 * requester: { name, email, phone }, custom_fields: [{ id, value }] }.
 *
 * Zendesk repeats the description as the ticket's first comment; that comment is left out so
 * the same text is not sent (and counted against max_chars_sent_to_model) twice. Internal notes
 * are kept: they are part of the ticket the router reads, and redaction covers them like the rest.
 * Ids, timestamps and authors are left out: they say nothing about the category and only
 * widen what leaves the system.
 */
export function ticketToDocument(ticket: Ticket): JsonObject {
  const comments = ticket.comments.filter(
    (comment, index) => !(index === 0 && comment.body === ticket.description),
  );
  return {
    subject: ticket.subject,
    description: ticket.description,
    comments: comments.map((comment) => ({ body: comment.body })),
    tags: [...ticket.tags],
    requester: {
      name: ticket.requester.name,
      email: ticket.requester.email,
      phone: ticket.requester.phone,
    },
    custom_fields: ticket.custom_fields.map((field) => ({ id: field.id, value: customFieldJson(field.value) })),
  };
}

function customFieldJson(value: CustomFieldValue): JsonValue {
  return Array.isArray(value) ? [...value] : value;
}

/** The fields routing actions read and write; nothing else of the ticket. */
export type RoutingState = {
  id: number;
  status: TicketStatus;
  priority: TicketPriority | null;
  type: TicketType | null;
  group_id: number | null;
  assignee_id: number | null;
  /** Zendesk tags are a set: sorted, without duplicates. */
  tags: string[];
};

/**
 * The routing state of a ticket, for bundle before-states.
 *
 * Custom fields are left out entirely, values and ids: no routing action writes them, and their
 * values are where customers' PII lives (the Zendesk seed WPC redacts `custom_fields.*`), so a
 * bundle that must not carry raw PII cannot carry them. Requester, subject and text are left out
 * for the same reason.
 */
export function routingState(ticket: Ticket): RoutingState {
  return {
    id: ticket.id,
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    group_id: ticket.group_id,
    assignee_id: ticket.assignee_id,
    tags: [...new Set(ticket.tags)].sort(compareCodeUnits),
  };
}

// Code-unit order, the order RFC 8785 sorts keys in: locale-independent, so every producer agrees.
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
