/**
 * The simulated help desk's fixed shape: ticket categories, the queues (Zendesk groups) they route
 * to, the agents in those groups, and the custom fields the sample tickets use. The sample
 * generator, the models and the runtime all read routing targets from here, so a queue id in a
 * model's output always names a group the executor can apply.
 */

export const CATEGORIES = [
  'billing',
  'refunds',
  'technical_issue',
  'account_access',
  'shipping',
  'bug_report',
  'feature_request',
  'security',
  'cancellation',
  'general_inquiry',
  'data_privacy',
] as const;

export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

export interface Queue {
  /** Stable id used in model outputs and labels. */
  readonly id: string;
  readonly name: string;
  /** The Zendesk group that backs the queue. */
  readonly group_id: number;
}

export const QUEUES: readonly Queue[] = Object.freeze([
  { id: 'triage', name: 'Triage (unsorted)', group_id: 360001000100 },
  { id: 'billing', name: 'Billing & Payments', group_id: 360001000101 },
  { id: 'tech_support', name: 'Technical Support', group_id: 360001000102 },
  { id: 'engineering_triage', name: 'Engineering Triage', group_id: 360001000103 },
  { id: 'account_recovery', name: 'Account Recovery', group_id: 360001000104 },
  { id: 'trust_safety', name: 'Trust & Safety', group_id: 360001000105 },
  { id: 'logistics', name: 'Orders & Logistics', group_id: 360001000106 },
  { id: 'product_feedback', name: 'Product Feedback', group_id: 360001000107 },
  { id: 'retention', name: 'Retention', group_id: 360001000108 },
  { id: 'tier1', name: 'Tier 1 General', group_id: 360001000109 },
  { id: 'privacy', name: 'Privacy Office', group_id: 360001000110 },
].map((q) => Object.freeze(q)));

/** Where each category is routed. Refunds share the billing queue, as in most help desks. */
export const CATEGORY_QUEUE: Readonly<Record<Category, string>> = Object.freeze({
  billing: 'billing',
  refunds: 'billing',
  technical_issue: 'tech_support',
  account_access: 'account_recovery',
  shipping: 'logistics',
  bug_report: 'engineering_triage',
  feature_request: 'product_feedback',
  security: 'trust_safety',
  cancellation: 'retention',
  general_inquiry: 'tier1',
  data_privacy: 'privacy',
});

export function queueById(id: string): Queue | undefined {
  return QUEUES.find((q) => q.id === id);
}

export function queueByGroupId(groupId: number): Queue | undefined {
  return QUEUES.find((q) => q.group_id === groupId);
}

export interface Agent {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly queue: string;
}

/** Agents of the simulated help desk (all fictional; emails on the reserved .example TLD). */
export const AGENTS: readonly Agent[] = Object.freeze([
  { id: 421000000101, name: 'Dana Whitfield', email: 'dana.whitfield@helpdesk.example', queue: 'billing' },
  { id: 421000000102, name: 'Marcus Okoye', email: 'marcus.okoye@helpdesk.example', queue: 'tech_support' },
  { id: 421000000103, name: 'Priya Raman', email: 'priya.raman@helpdesk.example', queue: 'engineering_triage' },
  { id: 421000000104, name: 'Jonas Brandt', email: 'jonas.brandt@helpdesk.example', queue: 'account_recovery' },
  { id: 421000000105, name: 'Sofia Marquez', email: 'sofia.marquez@helpdesk.example', queue: 'trust_safety' },
  { id: 421000000106, name: 'Kenji Mori', email: 'kenji.mori@helpdesk.example', queue: 'logistics' },
  { id: 421000000107, name: 'Claire Dubois', email: 'claire.dubois@helpdesk.example', queue: 'retention' },
  { id: 421000000108, name: 'Derek Vance', email: 'derek.vance@helpdesk.example', queue: 'tier1' },
  { id: 421000000109, name: 'Amara Nwosu', email: 'amara.nwosu@helpdesk.example', queue: 'privacy' },
  { id: 421000000110, name: 'Tom Heller', email: 'tom.heller@helpdesk.example', queue: 'product_feedback' },
].map((a) => Object.freeze(a)));

/** Custom fields of the sample help desk. */
export const CUSTOM_FIELDS = Object.freeze({
  orderNumber: 360020000001,
  accountId: 360020000002,
  productArea: 360020000003,
  plan: 360020000004,
  /** A free-text field customers fill with a call-back number: PII in a custom field. */
  contactPhone: 360020000005,
  affectedVersions: 360020000006,
});
