import { describe, expect, it } from 'vitest';
import { listEntries, minus } from '../../../src/verify/diff/list-delta.js';

describe('listEntries', () => {
  it('marks tags kept in both, removed from the first and added by the second', () => {
    expect(listEntries(['email_inbound', 'plan_pro', 'vip'], ['category_billing', 'email_inbound', 'plan_pro'])).toEqual([
      { value: 'email_inbound', mark: 'kept' },
      { value: 'plan_pro', mark: 'kept' },
      { value: 'vip', mark: 'removed' },
      { value: 'category_billing', mark: 'added' },
    ]);
  });

  it('counts repeats: a second identical notification is added, not kept', () => {
    expect(listEntries(['notify:a'], ['notify:a', 'notify:a'])).toEqual([
      { value: 'notify:a', mark: 'kept' },
      { value: 'notify:a', mark: 'added' },
    ]);
    expect(listEntries(['notify:a', 'notify:a'], ['notify:a']).map((e) => e.mark)).toEqual(['kept', 'removed']);
  });

  it('marks everything kept when nothing changed, and nothing at all for two empty lists', () => {
    expect(listEntries(['a', 'b'], ['a', 'b']).every((e) => e.mark === 'kept')).toBe(true);
    expect(listEntries([], [])).toEqual([]);
  });
});

describe('minus', () => {
  it('takes one entry away per entry of the second list', () => {
    expect(minus(['a', 'a', 'b'], ['a'])).toEqual(['a', 'b']);
    expect(minus(['a'], ['a', 'a'])).toEqual([]);
  });
});
