import { describe, expect, it } from 'vitest';
import {
  ACTION_CATALOG,
  actionKind,
  canonicalActionName,
  isActionName,
  lookupAction,
  PROPOSAL_NOTE_ACTION,
} from '../../src/policy/actions.js';

describe('action names', () => {
  it('treats `:` and `.` as the same separator', () => {
    expect(canonicalActionName('tickets:assign')).toBe('tickets.assign');
    expect(canonicalActionName('tickets.assign')).toBe('tickets.assign');
    expect(lookupAction('tickets:add_internal_note')).toBe(lookupAction('tickets.add_internal_note'));
  });

  it.each(['Tickets.assign', 'tickets', 'tickets.', '.assign', 'tickets..assign', 'tickets.*', ' tickets.read', 'tickets.read ', 'tickets/assign', '1tickets.read', ''])(
    'rejects the malformed name %j',
    (name) => {
      expect(isActionName(name)).toBe(false);
      expect(canonicalActionName(name)).toBeNull();
    },
  );

  it('rejects non-strings and over-long names', () => {
    expect(canonicalActionName(42)).toBeNull();
    expect(canonicalActionName(null)).toBeNull();
    expect(canonicalActionName(`tickets.${'a'.repeat(121)}`)).toBeNull();
    expect(canonicalActionName(`tickets.${'a'.repeat(120)}`)).not.toBeNull();
  });
});

describe('action catalog', () => {
  it.each([
    ['tickets.read', 'read'],
    ['users.read', 'read'],
    ['tickets.add_label', 'annotate'],
    ['tickets.add_internal_note', 'annotate'],
    ['tickets.assign', 'write'],
    ['tickets.set_priority', 'write'],
    ['tickets.notify_customer', 'write'],
    ['tickets.set_status', 'write'],
    ['tickets.close', 'write'],
    ['tickets.delete', 'write'],
    ['tickets.merge', 'write'],
    ['tickets.public_reply', 'write'],
    ['users.write', 'write'],
    ['organizations.write', 'write'],
    ['macros.write', 'write'],
  ])('classifies %s as %s', (name, kind) => {
    expect(lookupAction(name)?.kind).toBe(kind);
    expect(actionKind(name.replace('.', ':'))).toBe(kind);
  });

  it('treats an action it does not know as a write (fail closed)', () => {
    expect(lookupAction('tickets.escalate')).toBeUndefined();
    expect(actionKind('tickets.escalate')).toBe('write');
  });

  it('stores every entry in canonical form, once', () => {
    const names = ACTION_CATALOG.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(canonicalActionName(name)).toBe(name);
  });

  it('records proposals with an annotate action', () => {
    expect(actionKind(PROPOSAL_NOTE_ACTION)).toBe('annotate');
  });

  it('cannot be edited at run time', () => {
    expect(Object.isFrozen(ACTION_CATALOG)).toBe(true);
    expect(Object.isFrozen(ACTION_CATALOG[0])).toBe(true);
  });
});
