/**
 * Tool actions: their spelling, their canonical form and what kind of effect they have.
 *
 * The two seed WPCs spell one action two ways (`tickets.assign`, `tickets:assign`). Both name the
 * same action; comparing spellings instead of actions would let `tickets:assign` slip past a deny
 * of `tickets.assign`, so every comparison uses the canonical dotted form.
 */

/**
 * read: no effect on the ticket system. annotate: phase 1 of the two-phase commit, internal and
 * reversible (labels, internal notes). write: phase 2, irreversible or customer-visible.
 */
export type ActionKind = 'read' | 'annotate' | 'write';

export interface ActionInfo {
  /** Canonical dotted name. */
  readonly name: string;
  readonly kind: ActionKind;
  readonly description: string;
}

/**
 * Lowercase segments joined by `.` or `:`, at least `resource.verb`. No wildcards and no case
 * folding: a name that does not match exactly is not an action (it cannot alias a catalogued one).
 */
export const ACTION_NAME_PATTERN = /^[a-z][a-z0-9_]*(?:[.:][a-z][a-z0-9_]*)+$/;
export const MAX_ACTION_NAME_LENGTH = 128;

/** The annotation that records a phase-1 proposal; proposing a write needs this action. */
export const PROPOSAL_NOTE_ACTION = 'tickets.add_internal_note';

export const ACTION_CATALOG: readonly ActionInfo[] = Object.freeze(
  [
    { name: 'tickets.read', kind: 'read', description: 'read a ticket and its comments' },
    { name: 'users.read', kind: 'read', description: 'read a user (requester) record' },
    { name: 'tickets.add_label', kind: 'annotate', description: 'add a label (tag) to a ticket' },
    { name: 'tickets.add_internal_note', kind: 'annotate', description: 'add an internal note, not visible to the customer' },
    { name: 'tickets.assign', kind: 'write', description: 'assign the ticket to a queue or agent' },
    { name: 'tickets.set_priority', kind: 'write', description: 'change the ticket priority' },
    { name: 'tickets.notify_customer', kind: 'write', description: 'send a notification to the customer' },
    { name: 'tickets.set_status', kind: 'write', description: 'change the ticket status' },
    { name: 'tickets.close', kind: 'write', description: 'close the ticket' },
    { name: 'tickets.delete', kind: 'write', description: 'delete the ticket' },
    { name: 'tickets.merge', kind: 'write', description: 'merge the ticket into another' },
    { name: 'tickets.public_reply', kind: 'write', description: 'post a public reply to the customer' },
    { name: 'users.write', kind: 'write', description: 'modify a user record' },
    { name: 'organizations.write', kind: 'write', description: 'modify an organization record' },
    { name: 'macros.write', kind: 'write', description: 'create or modify a macro' },
  ].map((entry) => Object.freeze(entry as ActionInfo)),
);

const catalogByName: ReadonlyMap<string, ActionInfo> = new Map(ACTION_CATALOG.map((a) => [a.name, a]));

/** True when `value` is a well-formed action name in either spelling. */
export function isActionName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ACTION_NAME_LENGTH && ACTION_NAME_PATTERN.test(value);
}

/** The canonical dotted form (`tickets:assign` -> `tickets.assign`), or null for a malformed name. */
export function canonicalActionName(name: unknown): string | null {
  return isActionName(name) ? name.replace(/:/g, '.') : null;
}

/** The catalog entry for an action in either spelling, or undefined when it is not catalogued. */
export function lookupAction(name: string): ActionInfo | undefined {
  const canonical = canonicalActionName(name);
  return canonical === null ? undefined : catalogByName.get(canonical);
}

/** The kind of an action. Anything not in the catalog is a write: an unknown effect fails closed. */
export function actionKind(name: string): ActionKind {
  return lookupAction(name)?.kind ?? 'write';
}
