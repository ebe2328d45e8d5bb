import { describe, expect, it } from 'vitest';
import type { InputSkippedItem } from '../../../src/core/bundle/types.js';
import { canonicalJson } from '../../../src/core/canonical.js';
import { inputSkippedJson, MAX_INPUT_SKIPPED_LISTED, MAX_INPUT_SKIPPED_TEXT_CHARS } from '../../../src/runtime/job/input-skipped.js';

const item = (i: number, extra: Partial<InputSkippedItem> = {}): InputSkippedItem => ({
  source: 'export.json',
  kind: 'comment',
  pointer: `/tickets/${i}/comments/0`,
  reason: 'comment skipped: created_at: Invalid input',
  ...extra,
});

describe('inputSkippedJson (job_start.input_skipped)', () => {
  it('records nothing skipped as a count of 0, not as an absent member', () => {
    expect(inputSkippedJson(undefined)).toEqual({ count: 0, items: [] });
    expect(inputSkippedJson({ items: [] })).toEqual({ count: 0, items: [] });
  });

  it('lists at most 100 entries but keeps the full count', () => {
    const items = Array.from({ length: 250 }, (_, i) => item(i));
    const recorded = inputSkippedJson({ items, count: 300 });
    expect(recorded.count).toBe(300);
    expect(recorded.items).toHaveLength(MAX_INPUT_SKIPPED_LISTED);
    expect(recorded.items[99]).toEqual(item(99));
  });

  it('cuts long texts without splitting a surrogate pair, so the record stays canonical JSON', () => {
    const long = `${'x'.repeat(MAX_INPUT_SKIPPED_TEXT_CHARS - 2)}😀😀`;
    const recorded = inputSkippedJson({ items: [item(0, { reason: long, pointer: `/${'a'.repeat(5000)}` })] });
    const first = recorded.items[0]!;
    expect(first.reason.length).toBeLessThanOrEqual(MAX_INPUT_SKIPPED_TEXT_CHARS);
    expect(first.reason.endsWith('…')).toBe(true);
    expect(first.pointer.length).toBe(MAX_INPUT_SKIPPED_TEXT_CHARS);
    expect(() => canonicalJson(recorded)).not.toThrow();
  });

  it('refuses a count lower than the entries given, and malformed entries', () => {
    expect(() => inputSkippedJson({ items: [item(0), item(1)], count: 1 })).toThrow(/count must be a whole number of at least 2/);
    expect(() => inputSkippedJson({ items: [{ ...item(0), kind: 'page' as never }] })).toThrow(/kind must be one of/);
    expect(() => inputSkippedJson({ items: [{ ...item(0), reason: 7 as never }] })).toThrow(/reason must be a string/);
  });
});
