/**
 * The effect rules the verifier replays: which arguments each ticket action takes, and what an
 * APPLIED call does to a ticket's routing state (docs/FORMATS.md, "Verification semantics",
 * "Effect rules").
 *
 * Written from the format, independently of the runtime's executor: if both shared one function,
 * a bug in it would make every bundle agree with itself. Tests run real bundles through both.
 */
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { RoutingState, TicketId } from '../../core/bundle/types.js';
import { canonicalActionName } from '../../policy/index.js';
import { PRIORITIES, SETTABLE_STATUSES, agentById, queueByGroupId, queueById, type HelpDeskQueue } from './help-desk.js';

const LABEL = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const TEMPLATE = /^[a-z0-9][a-z0-9_]{0,63}$/;

type Rule = (value: JsonValue) => boolean;

const isLabel: Rule = (v) => typeof v === 'string' && LABEL.test(v);
const isTemplate: Rule = (v) => typeof v === 'string' && TEMPLATE.test(v);
const isPriority: Rule = (v) => typeof v === 'string' && PRIORITIES.includes(v);
const isStatus: Rule = (v) => typeof v === 'string' && SETTABLE_STATUSES.includes(v);
const isQueue: Rule = (v) => queueById(v) !== undefined;
const isGroup: Rule = (v) => typeof v === 'number' && queueByGroupId(v) !== undefined;
const isAgent: Rule = (v) => typeof v === 'number' && agentById(v) !== undefined;
const isPositiveInteger: Rule = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

interface Shape {
  readonly args: Readonly<Record<string, Rule>>;
  readonly required?: readonly string[];
  /** At least one of these must be present. */
  readonly oneOf?: readonly string[];
}

/** Argument shapes of the catalogued ticket actions; actions outside this table take any arguments and change no ticket. */
const SHAPES: Readonly<Record<string, Shape>> = {
  'tickets.read': { args: {} },
  'users.read': { args: {} },
  'tickets.add_label': { args: { label: isLabel }, required: ['label'] },
  'tickets.add_internal_note': { args: {} },
  'tickets.assign': { args: { queue: isQueue, group_id: isGroup, assignee_id: isAgent }, oneOf: ['queue', 'group_id', 'assignee_id'] },
  'tickets.set_priority': { args: { priority: isPriority }, required: ['priority'] },
  'tickets.notify_customer': { args: { template: isTemplate }, required: ['template'] },
  'tickets.set_status': { args: { status: isStatus }, required: ['status'] },
  'tickets.close': { args: {} },
  'tickets.delete': { args: {} },
  'tickets.merge': { args: { target_ticket_id: isPositiveInteger }, required: ['target_ticket_id'] },
  'tickets.public_reply': { args: { template: isTemplate }, required: ['template'] },
};

/**
 * Why a call of `action` with `args` on ticket `ticketId` is malformed, or null when it is
 * well-formed. A malformed call is refused (INVALID_CALL) and never applied. A malformed action
 * NAME is the policy evaluator's business, not this function's.
 */
export function callProblem(action: string, args: JsonObject, ticketId: TicketId): string | null {
  const name = canonicalActionName(action);
  if (name === null) return null;
  const shape = SHAPES[name];
  if (shape === undefined) return null;
  for (const [key, value] of Object.entries(args)) {
    // A call may name its own ticket, never another one (tool overreach).
    if (key === 'ticket_id') {
      if (value !== ticketId) return `it names ticket ${JSON.stringify(value)} while processing ticket ${ticketId}`;
      continue;
    }
    const rule = shape.args[key];
    if (rule === undefined) return `${name} takes no argument ${JSON.stringify(key)}`;
    if (!rule(value)) return `${name} argument ${key} has a value outside its vocabulary`;
  }
  const missing = (shape.required ?? []).find((key) => !Object.hasOwn(args, key));
  if (missing !== undefined) return `${name} needs argument ${missing}`;
  if (shape.oneOf !== undefined && !shape.oneOf.some((key) => Object.hasOwn(args, key))) {
    return `${name} needs one of ${shape.oneOf.join(', ')}`;
  }
  if (name === 'tickets.assign' && assignTargets(args).size > 1) return 'tickets.assign names more than one queue';
  return null;
}

/** The queues an assign call names, by queue id, by group id and through the agent's queue. */
function assignTargets(args: JsonObject): Set<string> {
  const named = new Set<string>();
  const byQueue = queueById(args.queue);
  const byGroup = queueByGroupId(args.group_id);
  const agent = agentById(args.assignee_id);
  if (byQueue !== undefined) named.add(byQueue.id);
  if (byGroup !== undefined) named.add(byGroup.id);
  if (agent !== undefined) named.add(agent.queue);
  return named;
}

function assignQueue(args: JsonObject): HelpDeskQueue | undefined {
  const [only] = assignTargets(args);
  return only === undefined ? undefined : queueById(only);
}

/**
 * The routing state after an applied, well-formed call (callProblem returned null). Pure: the
 * input state is not changed.
 */
export function applyCall(state: RoutingState, action: string, args: JsonObject): RoutingState {
  const next: RoutingState = { ...state, tags: [...state.tags], notifications: [...state.notifications] };
  switch (canonicalActionName(action)) {
    case 'tickets.add_label':
      next.tags = withTag(next.tags, String(args.label));
      break;
    case 'tickets.add_internal_note':
      next.internal_notes += 1;
      break;
    case 'tickets.assign': {
      // Assigning a queue sets its group; the agent is the one named, or nobody.
      const queue = assignQueue(args);
      if (queue !== undefined) next.group_id = queue.groupId;
      next.assignee_id = typeof args.assignee_id === 'number' ? args.assignee_id : null;
      break;
    }
    case 'tickets.set_priority':
      next.priority = String(args.priority);
      break;
    case 'tickets.set_status':
      next.status = String(args.status);
      break;
    case 'tickets.close':
    case 'tickets.merge':
      next.status = 'closed';
      break;
    case 'tickets.delete':
      next.status = 'deleted';
      break;
    case 'tickets.notify_customer':
      next.notifications.push(`notify:${String(args.template)}`);
      break;
    case 'tickets.public_reply':
      next.notifications.push(`reply:${String(args.template)}`);
      break;
    default:
      // Reads, and actions outside the ticket (users, organizations, macros), change no routing field.
      break;
  }
  return next;
}

/** Tags are a set kept in UTF-16 code-unit order (the order RFC 8785 sorts member names in). */
function withTag(tags: readonly string[], tag: string): string[] {
  if (tags.includes(tag)) return [...tags];
  return [...tags, tag].sort(compareCodeUnits);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const ROUTING_FIELDS = ['status', 'priority', 'type', 'assignee_id', 'group_id', 'tags', 'internal_notes', 'notifications'] as const;
export type RoutingField = (typeof ROUTING_FIELDS)[number];

/** Fields whose values differ between two states (arrays compared element by element). */
export function changedFields(a: RoutingState, b: RoutingState): RoutingField[] {
  return ROUTING_FIELDS.filter((field) => !sameValue(a[field], b[field]));
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}
