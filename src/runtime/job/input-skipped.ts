/**
 * job_start's `input_skipped`: what of the run's input the ticket import could not use, so that a
 * skipped ticket or comment is visible to whoever verifies the bundle, not only on the stderr of
 * the run. The list is capped (the count is not): a hostile export with a million bad comments
 * must not make the bundle, or the verifier's work, grow with it.
 */
import type { InputSkipped, InputSkippedItem } from '../../core/bundle/types.js';
import { runtimeError } from '../errors.js';

/** Most skipped items listed in the bundle; `count` still counts every one. */
export const MAX_INPUT_SKIPPED_LISTED = 100;
/** Longest source, pointer and reason recorded (longer ones are cut, marked with an ellipsis). */
export const MAX_INPUT_SKIPPED_SOURCE_CHARS = 255;
export const MAX_INPUT_SKIPPED_TEXT_CHARS = 1000;
const SKIPPED_KINDS: readonly InputSkippedItem['kind'][] = ['ticket', 'user', 'comment', 'input'];

export interface InputSkippedOption {
  /** Every skipped item, or the first of them. */
  readonly items: readonly InputSkippedItem[];
  /** How many were skipped in all; default items.length. */
  readonly count?: number;
}

export function inputSkippedJson(option: InputSkippedOption | undefined): InputSkipped {
  if (option === undefined) return { count: 0, items: [] };
  const items = option.items;
  if (!Array.isArray(items)) throw runtimeError('RUN_INPUT_INVALID', 'inputSkipped.items must be an array');
  const count = option.count ?? items.length;
  if (!Number.isSafeInteger(count) || count < items.length) {
    throw runtimeError('RUN_INPUT_INVALID', `inputSkipped.count must be a whole number of at least ${items.length} (the items listed), got ${String(count)}`);
  }
  return {
    count,
    items: items.slice(0, MAX_INPUT_SKIPPED_LISTED).map((item, i) => {
      for (const key of ['source', 'pointer', 'reason'] as const) {
        if (typeof item?.[key] !== 'string') throw runtimeError('RUN_INPUT_INVALID', `inputSkipped.items[${i}].${key} must be a string`);
      }
      if (!SKIPPED_KINDS.includes(item.kind)) throw runtimeError('RUN_INPUT_INVALID', `inputSkipped.items[${i}].kind must be one of ${SKIPPED_KINDS.join(', ')}`);
      return {
        source: cut(item.source, MAX_INPUT_SKIPPED_SOURCE_CHARS),
        kind: item.kind,
        pointer: cut(item.pointer, MAX_INPUT_SKIPPED_TEXT_CHARS),
        reason: cut(item.reason, MAX_INPUT_SKIPPED_TEXT_CHARS),
      };
    }),
  };
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never split a surrogate pair: the bundle is canonical JSON, where a lone surrogate is an error.
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
