import { describe, expect, it } from 'vitest';
import { MAX_VIEW_TEXT, viewText } from '../../../src/runtime/models/view-text.js';

describe('viewText', () => {
  it('reads subject, description and comment bodies in order, not requester, tags or custom fields', () => {
    const view = {
      subject: 'S',
      description: 'D',
      comments: [{ body: 'C1' }, { body: 'C2' }],
      tags: ['t'],
      requester: { name: 'N', email: '[EMAIL_1]', phone: null },
      custom_fields: [{ id: 1, value: 'V' }],
    };
    expect(viewText(view)).toBe('S\n\nD\n\nC1\n\nC2');
  });

  it('skips members of the wrong type', () => {
    expect(viewText({ subject: 5, description: 'D', comments: [null, 'x', [], { body: 7 }, { body: 'ok' }] })).toBe('D\n\nok');
  });

  it('reads every string of a view without the expected fields, depth-bounded', () => {
    expect(viewText({ model_view: { text: 'hello', parts: ['a', { b: 'c' }] } })).toBe('hello\n\na\n\nc');
    let deep: unknown = 'too deep';
    for (let i = 0; i < 50; i++) deep = [deep];
    expect(viewText({ x: deep as string })).toBe('');
  });

  it('caps the text it returns', () => {
    expect(viewText({ description: 'x'.repeat(MAX_VIEW_TEXT + 10) })).toHaveLength(MAX_VIEW_TEXT);
  });
});
