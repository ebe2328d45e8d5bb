import { describe, expect, it } from 'vitest';
import { QUEUES } from '../../../src/runtime/tickets/catalog.js';
import { HELP_DESK_QUEUES, groupLabel } from '../../../src/verify/diff/help-desk.js';

describe('groupLabel', () => {
  it('names the queue of a group id the format lists', () => {
    expect(groupLabel(360001000101)).toEqual({ name: 'Billing & Payments', queue: 'billing' });
    expect(groupLabel(360001000110)).toEqual({ name: 'Privacy Office', queue: 'privacy' });
  });

  it('knows no name for a group outside the table, nor for a value that is not a group id', () => {
    // The tampered fixture ticket-after-edited assigns this group: the id is all there is to show.
    expect(groupLabel(360001000199)).toBeNull();
    expect(groupLabel('360001000101')).toBeNull();
    expect(groupLabel(null)).toBeNull();
  });

  it("has the runtime catalogue's queues, group ids and names (written separately, from the format)", () => {
    expect(HELP_DESK_QUEUES.map((q) => [q.id, q.groupId, q.name])).toEqual(QUEUES.map((q) => [q.id, q.group_id, q.name]));
  });
});
