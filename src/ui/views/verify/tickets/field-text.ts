/** How a routing field's value reads in a diff: ids with the queue or agent they name. */
import type { RoutingField } from '../../../../verify/diff/effects.js';
import { agentById, queueByGroupId } from '../../../../verify/diff/help-desk.js';

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

export function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
  if (field === 'group_id') {
    const queue = queueByGroupId(value);
    return queue === undefined ? String(value) : `${String(value)} (${queue.id})`;
  }
  if (field === 'assignee_id') {
    const agent = agentById(value);
    return agent === undefined ? String(value) : `${String(value)} (${agent.queue} agent)`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}
