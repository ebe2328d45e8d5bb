/**
 * The simulated help desk's routing vocabulary as the bundle format defines it: the queues (Zendesk
 * groups), the agents in them, ticket statuses and priorities. The verifier needs it to know what an
 * applied `tickets.assign` by queue name does and which arguments are well-formed.
 *
 * Written here from the format's tables, not imported from the runtime: the auditor must not read
 * the audited system's code paths (a wrong table in the runtime would otherwise agree with itself).
 */

export interface HelpDeskQueue {
  readonly id: string;
  readonly groupId: number;
  /** The queue's display name, as the format's queue table gives it. */
  readonly name: string;
}

export interface HelpDeskAgent {
  readonly id: number;
  readonly queue: string;
}

export const HELP_DESK_QUEUES: readonly HelpDeskQueue[] = Object.freeze(
  [
    ['triage', 360001000100, 'Triage (unsorted)'],
    ['billing', 360001000101, 'Billing & Payments'],
    ['tech_support', 360001000102, 'Technical Support'],
    ['engineering_triage', 360001000103, 'Engineering Triage'],
    ['account_recovery', 360001000104, 'Account Recovery'],
    ['trust_safety', 360001000105, 'Trust & Safety'],
    ['logistics', 360001000106, 'Orders & Logistics'],
    ['product_feedback', 360001000107, 'Product Feedback'],
    ['retention', 360001000108, 'Retention'],
    ['tier1', 360001000109, 'Tier 1 General'],
    ['privacy', 360001000110, 'Privacy Office'],
  ].map(([id, groupId, name]) => Object.freeze({ id: id as string, groupId: groupId as number, name: name as string })),
);

export const HELP_DESK_AGENTS: readonly HelpDeskAgent[] = Object.freeze(
  [
    [421000000101, 'billing'],
    [421000000102, 'tech_support'],
    [421000000103, 'engineering_triage'],
    [421000000104, 'account_recovery'],
    [421000000105, 'trust_safety'],
    [421000000106, 'logistics'],
    [421000000107, 'retention'],
    [421000000108, 'tier1'],
    [421000000109, 'privacy'],
    [421000000110, 'product_feedback'],
  ].map(([id, queue]) => Object.freeze({ id: id as number, queue: queue as string })),
);

/** Zendesk's ticket statuses a call may set (`deleted` is only ever the effect of tickets.delete). */
export const SETTABLE_STATUSES: readonly string[] = Object.freeze(['new', 'open', 'pending', 'hold', 'solved', 'closed']);
export const PRIORITIES: readonly string[] = Object.freeze(['low', 'normal', 'high', 'urgent']);

export function queueById(id: unknown): HelpDeskQueue | undefined {
  return HELP_DESK_QUEUES.find((q) => q.id === id);
}

export function queueByGroupId(groupId: unknown): HelpDeskQueue | undefined {
  return HELP_DESK_QUEUES.find((q) => q.groupId === groupId);
}

export function agentById(id: unknown): HelpDeskAgent | undefined {
  return HELP_DESK_AGENTS.find((a) => a.id === id);
}

/**
 * The queue a group id names, for showing beside the id: its display name and queue id, or null
 * when the format's table does not list the group (then the id is all that is known).
 */
export function groupLabel(groupId: unknown): { readonly name: string; readonly queue: string } | null {
  const queue = queueByGroupId(groupId);
  return queue === undefined ? null : { name: queue.name, queue: queue.id };
}
