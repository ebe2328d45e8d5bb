/**
 * The ticket as the runtime sees it: Zendesk's API ticket object, trimmed to the fields Clawproof
 * reads, plus the requester (resolved from sideloaded users) and the comments, so that one object
 * carries everything a run needs.
 */

export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketType = (typeof TICKET_TYPES)[number];

/** Zendesk custom field values: text, numeric, checkbox, drop-down (string) or multi-select (string[]). */
export type CustomFieldValue = string | number | boolean | null | string[];

export interface CustomField {
  id: number;
  value: CustomFieldValue;
}

/** The requester, from the sideloaded `users`; fields are null when the export did not include them. */
export interface Requester {
  id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface TicketComment {
  id: number;
  author_id: number;
  body: string;
  /** false for internal notes. */
  public: boolean;
  created_at: string;
}

export interface Ticket {
  id: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority | null;
  type: TicketType | null;
  assignee_id: number | null;
  group_id: number | null;
  organization_id: number | null;
  requester_id: number;
  tags: string[];
  custom_fields: CustomField[];
  /** ISO 8601 UTC, as Zendesk writes it (`2025-03-04T09:15:00Z`). */
  created_at: string;
  updated_at: string;
  via: { channel: string };
  requester: Requester;
  /** Oldest first. Zendesk repeats the description as the first comment. */
  comments: TicketComment[];
}
