import { describe, expect, it } from 'vitest';
import { differingPart, fieldValue, valueText } from '../../../../src/ui/views/verify/tickets/field-text.js';
import { partNumber } from '../../../../src/ui/views/verify/tickets/part-number.js';

describe('valueText', () => {
  it('puts the queue name beside a group id the format lists, and the id alone otherwise', () => {
    expect(valueText('group_id', 360001000101)).toEqual({ raw: '360001000101', names: 'Billing & Payments' });
    expect(valueText('group_id', 360001000199)).toEqual({ raw: '360001000199', names: null });
    expect(fieldValue('group_id', 360001000105)).toBe('360001000105 (Trust & Safety)');
  });

  it("names an agent's queue, and shows other values plainly", () => {
    expect(valueText('assignee_id', 421000000101)).toEqual({ raw: '421000000101', names: 'agent in Billing & Payments' });
    expect(valueText('assignee_id', 1)).toEqual({ raw: '1', names: null });
    expect(fieldValue('status', 'open')).toBe('open');
    expect(fieldValue('group_id', null)).toBe('—');
    expect(fieldValue('tags', [])).toBe('(none)');
  });
});

describe('differingPart', () => {
  it('singles out the digits two group ids differ in', () => {
    expect(differingPart('360001000101', '360001000199')).toEqual({ head: '3600010001', middle: '01', tail: '' });
    expect(differingPart('360001000199', '360001000101')).toEqual({ head: '3600010001', middle: '99', tail: '' });
  });

  it('keeps a common end out of the difference, without overlapping the common start', () => {
    expect(differingPart('high', 'higher')).toEqual({ head: 'high', middle: '', tail: '' });
    expect(differingPart('aXa', 'aa')).toEqual({ head: 'a', middle: 'X', tail: 'a' });
    expect(differingPart('normal', 'urgent')).toEqual({ head: '', middle: 'normal', tail: '' });
  });
});

describe('partNumber', () => {
  it('counts records and receipts from one', () => {
    expect(partNumber('/records/6')).toBe(7);
    expect(partNumber('/receipts/0')).toBe(1);
    expect(partNumber('/tickets/0/after/group_id')).toBeNull();
  });
});
