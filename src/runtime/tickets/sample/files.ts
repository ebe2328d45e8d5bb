/** The JSON shapes the generator writes (Zendesk API shapes, plus labels and planted values). */
import type { CustomFieldValue, TicketPriority, TicketStatus, TicketType } from '../types.js';
import type { PlantedValue, SampleLabel } from './types.js';

export interface ZendeskCommentJson {
  id: number;
  type: 'Comment';
  author_id: number;
  body: string;
  public: boolean;
  created_at: string;
}

export interface ZendeskTicketJson {
  url: string;
  id: number;
  external_id: string | null;
  via: { channel: string };
  created_at: string;
  updated_at: string;
  type: TicketType | null;
  subject: string;
  raw_subject: string;
  description: string;
  priority: TicketPriority | null;
  status: TicketStatus;
  recipient: string;
  requester_id: number;
  submitter_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  group_id: number | null;
  collaborator_ids: number[];
  tags: string[];
  custom_fields: { id: number; value: CustomFieldValue }[];
  brand_id: number;
  comments: ZendeskCommentJson[];
}

export interface ZendeskUserJson {
  id: number;
  url: string;
  name: string;
  email: string;
  phone: string | null;
  role: 'end-user' | 'agent';
  locale: string;
  organization_id: number | null;
  verified: boolean;
}

export interface SampleTicketsFile {
  note: string;
  generator: { script: string; seed: string; version: number };
  tickets: ZendeskTicketJson[];
  users: ZendeskUserJson[];
  labels: Record<string, SampleLabel>;
}

export interface PlantedFile {
  note: string;
  /** Ticket id -> values planted in that ticket (its text, requester or custom fields). */
  tickets: Record<string, PlantedValue[]>;
}

export const FAKE_DATA_NOTE =
  'Synthetic sample data. Every name, email address, phone number, postal address, card number, IBAN, ' +
  'password, token and key in this file is FAKE: randomly generated in a valid format by ' +
  'scripts/generate-sample-tickets.ts. No credential here was ever issued by any provider; emails use ' +
  'reserved domains (.example, example.com); phone numbers use ranges reserved for fiction where they exist.';
