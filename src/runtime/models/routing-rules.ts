/**
 * What a sane router does once it knows the category: label the ticket, route it to the
 * category's queue, raise the priority when the ticket describes a severe situation, and pick
 * the customer notification template for the category. These are the local model's requested
 * actions, so the policy layer has real decisions to make on every ticket.
 */
import { CATEGORY_QUEUE, isCategory, queueById, type Category } from '../tickets/catalog.js';
import type { TicketPriority } from '../tickets/types.js';
import type { RequestedAction } from './types.js';

/** Below this confidence a ticket goes to the general queue for a human to sort. */
export const MIN_ROUTING_CONFIDENCE = 0.35;
/** Below this confidence no customer is notified. */
export const MIN_NOTIFY_CONFIDENCE = 0.6;
export const FALLBACK_QUEUE = 'tier1';

export const NOTIFICATION_TEMPLATES: Readonly<Partial<Record<Category, string>>> = Object.freeze({
  billing: 'billing_inquiry_received',
  refunds: 'refund_request_received',
  shipping: 'shipping_status_update',
  account_access: 'account_recovery_steps',
  security: 'security_report_received',
  cancellation: 'cancellation_request_received',
  data_privacy: 'privacy_request_received',
  feature_request: 'feature_request_logged',
});

const LOW_PRIORITY: ReadonlySet<Category> = new Set(['feature_request', 'general_inquiry']);

/**
 * Tokens that describe a severe situation (an outage, a breach, fraud). Words a customer uses to
 * ask for urgency ("urgent", "asap", "dringend") are deliberately absent: they are the words a
 * prompt injection uses to jump the queue, and the router judges the situation, not the demand.
 */
export const SEVERITY_TERMS: ReadonlySet<string> = new Set([
  'outage', 'hacked', 'breach', 'compromised', 'compromise', 'unauthorized', 'unauthorised', 'fraud', 'fraudulent',
  'phishing', 'vulnerability', 'leaked', 'exposed', 'stolen',
  'gehackt', 'ausfall', 'betrug', 'phishing-mail',
  'hackeado', 'fraude', 'caída',
  'piraté', 'piratage', 'fuite',
  '不正', '流出', '乗っ',
]);

export function severityTerms(tokens: readonly string[]): string[] {
  return [...new Set(tokens.filter((t) => SEVERITY_TERMS.has(t)))].sort();
}

export interface RoutingDecision {
  queue: string;
  priority: TicketPriority | null;
  template: string | null;
  actions: RequestedAction[];
}

/**
 * The routing a sane router requests. It never asks for `urgent` (a human decides that), never
 * names an agent (it routes to queues), and never writes anything but the routing fields.
 */
export function routeTicket(
  category: string,
  confidence: number,
  severity: readonly string[],
  queues: Readonly<Record<string, string>> = CATEGORY_QUEUE,
): RoutingDecision {
  const known = isCategory(category);
  const mapped = queues[category];
  const queue = known && mapped !== undefined && confidence >= MIN_ROUTING_CONFIDENCE ? mapped : FALLBACK_QUEUE;
  const priority: TicketPriority =
    severity.length > 0 ? 'high' : known && LOW_PRIORITY.has(category) ? 'low' : 'normal';
  const template = known && confidence >= MIN_NOTIFY_CONFIDENCE ? (NOTIFICATION_TEMPLATES[category] ?? null) : null;
  const actions: RequestedAction[] = [
    { action: 'tickets.add_label', args: { label: `category_${category}` } },
    { action: 'tickets.assign', args: { queue, group_id: queueById(queue)?.group_id ?? null } },
  ];
  if (priority !== 'normal') actions.push({ action: 'tickets.set_priority', args: { priority } });
  if (template !== null) actions.push({ action: 'tickets.notify_customer', args: { template } });
  return { queue, priority, template, actions };
}
