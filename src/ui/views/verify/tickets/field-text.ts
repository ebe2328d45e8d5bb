/** How a routing field's value reads in a diff: ids with the queue or agent they name. */
import type { RoutingField } from '../../../../verify/diff/effects.js';
import { agentById, groupLabel, queueById } from '../../../../verify/diff/help-desk.js';

export const FIELD_LABELS: Record<RoutingField, string> = {
  status: 'Status',
  priority: 'Priority',
  type: 'Type',
  assignee_id: 'Assignee',
  group_id: 'Group (queue)',
  tags: 'Tags',
  internal_notes: 'Internal notes',
  notifications: 'Notifications',
};

/** A scalar value as shown: the raw value, and what it names when the format's tables know it. */
export interface ValueText {
  readonly raw: string;
  /** The queue a group id or an agent id belongs to; null when unknown (the id is then shown alone). */
  readonly names: string | null;
}

export function valueText(field: string, value: unknown): ValueText {
  if (value === null || value === undefined) return { raw: '—', names: null };
  if (Array.isArray(value)) return { raw: value.length === 0 ? '(none)' : value.map(String).join(', '), names: null };
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  if (field === 'group_id') return { raw, names: groupLabel(value)?.name ?? null };
  if (field === 'assignee_id') {
    const agent = agentById(value);
    const queue = agent === undefined ? undefined : queueById(agent.queue);
    return { raw, names: queue === undefined ? null : `agent in ${queue.name}` };
  }
  return { raw, names: null };
}

/** One line of text for a value, e.g. `360001000101 (Billing & Payments)`. */
export function fieldValue(field: string, value: unknown): string {
  const { raw, names } = valueText(field, value);
  return names === null ? raw : `${raw} (${names})`;
}

/**
 * Where `text` differs from `other`: the part between their common prefix and common suffix, so
 * two 12-digit ids that differ in two digits show those two digits. The whole text when they share
 * nothing; an empty middle when all of `text` is shared (equal, or the start or end of `other`).
 */
export function differingPart(text: string, other: string): { readonly head: string; readonly middle: string; readonly tail: string } {
  const a = [...text];
  const b = [...other];
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  return { head: a.slice(0, head).join(''), middle: a.slice(head, a.length - tail).join(''), tail: a.slice(a.length - tail).join('') };
}
