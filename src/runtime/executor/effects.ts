/**
 * Tool calls on a ticket: the arguments each action takes, and what an APPLIED call does to the
 * ticket's routing state. A verifier replays exactly these effects to check that every
 * after-state equals its before-state plus the applied calls (docs/FORMATS.md, "Effects").
 *
 * Arguments come from a model and are untrusted. Each action takes a closed set of arguments;
 * anything else (unknown keys, values outside the vocabulary, another ticket's id: tool overreach)
 * makes the call malformed, and a malformed call is never applied.
 */
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { RoutingState, TicketId } from '../../core/bundle/types.js';
import { canonicalActionName } from '../../policy/index.js';
import { AGENTS, QUEUES, type Queue } from '../tickets/catalog.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets/types.js';

/** Labels (Zendesk tags): lowercase word characters and hyphens, 1 to 64 characters. */
export const LABEL_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** Notification and reply templates are named, never free text. */
export const TEMPLATE_PATTERN = /^[a-z0-9][a-z0-9_]{0,63}$/;

type ArgRule = (value: JsonValue) => string | null;

const oneOf =
  (values: readonly (string | number)[], what: string): ArgRule =>
  (value) =>
    (typeof value === 'string' || typeof value === 'number') && values.includes(value) ? null : `${what} must be one of ${values.join(', ')}`;
const matching =
  (pattern: RegExp, what: string): ArgRule =>
  (value) =>
    typeof value === 'string' && pattern.test(value) ? null : `${what} must match ${String(pattern)}`;
const positiveInteger: ArgRule = (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? null : 'must be a positive integer';

interface ArgSchema {
  /** Allowed keys and their rules; `ticket_id` is allowed on every ticket action (checked apart). */
  readonly keys: Readonly<Record<string, ArgRule>>;
  /** Keys of which at least one must be present (assign: a queue, a group or an agent). */
  readonly atLeastOne?: readonly string[];
  readonly required?: readonly string[];
  /** A check across keys, run once each key passed its own rule. */
  readonly check?: (args: JsonObject) => string | null;
}

const QUEUE_IDS = QUEUES.map((q) => q.id);
const GROUP_IDS = QUEUES.map((q) => q.group_id);
const AGENT_IDS = AGENTS.map((a) => a.id);

/** The queue an assign call names: by queue id, by group id, or by the agent's queue. */
function assignQueue(args: JsonObject): Queue | undefined {
  if (typeof args.queue === 'string') return QUEUES.find((q) => q.id === args.queue);
  if (typeof args.group_id === 'number') return QUEUES.find((q) => q.group_id === args.group_id);
  const agent = AGENTS.find((a) => a.id === args.assignee_id);
  return agent === undefined ? undefined : QUEUES.find((q) => q.id === agent.queue);
}

/** queue, group_id and the agent's queue, when more than one is given, must name the same queue. */
function assignTargetsAgree(args: JsonObject): string | null {
  const named = new Set<string>();
  if (typeof args.queue === 'string') named.add(args.queue);
  if (typeof args.group_id === 'number') named.add(QUEUES.find((q) => q.group_id === args.group_id)!.id);
  if (typeof args.assignee_id === 'number') named.add(AGENTS.find((a) => a.id === args.assignee_id)!.queue);
  return named.size > 1 ? `queue, group_id and assignee_id name different queues (${[...named].join(', ')})` : null;
}

/** Argument schemas of the catalogued ticket actions (canonical names). */
export const ARG_SCHEMAS: Readonly<Record<string, ArgSchema>> = {
  'tickets.read': { keys: {} },
  'users.read': { keys: {} },
  'tickets.add_label': { keys: { label: matching(LABEL_PATTERN, 'label') }, required: ['label'] },
  'tickets.add_internal_note': { keys: {} },
  'tickets.assign': {
    keys: { queue: oneOf(QUEUE_IDS, 'queue'), group_id: oneOf(GROUP_IDS, 'group_id'), assignee_id: oneOf(AGENT_IDS, 'assignee_id') },
    atLeastOne: ['queue', 'group_id', 'assignee_id'],
    check: assignTargetsAgree,
  },
  'tickets.set_priority': { keys: { priority: oneOf(TICKET_PRIORITIES, 'priority') }, required: ['priority'] },
  'tickets.notify_customer': { keys: { template: matching(TEMPLATE_PATTERN, 'template') }, required: ['template'] },
  'tickets.set_status': { keys: { status: oneOf(TICKET_STATUSES, 'status') }, required: ['status'] },
  'tickets.close': { keys: {} },
  'tickets.delete': { keys: {} },
  'tickets.merge': { keys: { target_ticket_id: positiveInteger }, required: ['target_ticket_id'] },
  'tickets.public_reply': { keys: { template: matching(TEMPLATE_PATTERN, 'template') }, required: ['template'] },
};

/** Why `args` do not fit `action` on ticket `ticketId`, or null when they do. */
export function argsProblem(action: string, args: JsonObject, ticketId: TicketId): string | null {
  const name = canonicalActionName(action);
  if (name === null) return null; // a malformed name is the policy's INVALID_CALL, not an argument problem
  const schema = ARG_SCHEMAS[name];
  // Actions outside the ticket (users.write, macros.write, uncatalogued ones) change no routing
  // state; their arguments are recorded as given.
  if (schema === undefined) return null;
  for (const [key, value] of Object.entries(args)) {
    if (key === 'ticket_id') {
      if (value !== ticketId) return `ticket_id ${JSON.stringify(value)} is not the ticket being processed (${ticketId}): a call may touch only its own ticket`;
      continue;
    }
    const rule = schema.keys[key];
    if (rule === undefined) return `unknown argument ${JSON.stringify(key)}`;
    const problem = rule(value);
    if (problem !== null) return problem;
  }
  for (const key of schema.required ?? []) if (!Object.hasOwn(args, key)) return `argument ${key} is required`;
  if (schema.atLeastOne !== undefined && !schema.atLeastOne.some((k) => Object.hasOwn(args, k))) {
    return `one of ${schema.atLeastOne.join(', ')} is required`;
  }
  return schema.check?.(args) ?? null;
}

/** Routing state after an applied call. The call must have passed argsProblem. */
export function applyEffect(state: RoutingState, action: string, args: JsonObject): RoutingState {
  const next: RoutingState = { ...state, tags: [...state.tags], notifications: [...state.notifications] };
  switch (canonicalActionName(action)) {
    case 'tickets.add_label':
      next.tags = addTag(next.tags, args.label as string);
      break;
    case 'tickets.add_internal_note':
      next.internal_notes += 1;
      break;
    case 'tickets.assign':
      // Assigning to a queue (group) clears the agent unless the call names one in that queue.
      next.group_id = assignQueue(args)!.group_id;
      next.assignee_id = typeof args.assignee_id === 'number' ? args.assignee_id : null;
      break;
    case 'tickets.set_priority':
      next.priority = args.priority as string;
      break;
    case 'tickets.notify_customer':
      next.notifications.push(`notify:${args.template as string}`);
      break;
    case 'tickets.public_reply':
      next.notifications.push(`reply:${args.template as string}`);
      break;
    case 'tickets.set_status':
      next.status = args.status as string;
      break;
    case 'tickets.close':
    case 'tickets.merge':
      next.status = 'closed';
      break;
    case 'tickets.delete':
      next.status = 'deleted';
      break;
    default:
      // Reads and actions outside the ticket leave its routing state as it was.
      break;
  }
  return next;
}

/** Tags are a set in code-unit order (the order RFC 8785 sorts keys in: every producer agrees). */
export function addTag(tags: readonly string[], tag: string): string[] {
  if (tags.includes(tag)) return [...tags];
  return [...tags, tag].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
