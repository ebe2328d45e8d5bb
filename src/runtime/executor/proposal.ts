/**
 * A model response -> the Proposal the harness records (phase 1). The response is untrusted:
 * fields of the wrong type make it unusable (the harness may call again, within the per-ticket
 * cap); strings are cut to fixed lengths so a model cannot bloat a bundle; requested actions are
 * kept as asked (the policy gate, not this code, decides what happens to them).
 */
import { canonicalJson } from '../../core/canonical.js';
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { Proposal, ProposedAction } from '../../core/bundle/types.js';

export const MAX_LABEL_TEXT = 64;
export const MAX_RATIONALE = 1000;
export const MAX_ACTIONS = 32;
/** Longer than any well-formed action name (128), so a cut name is still recognisably malformed. */
export const MAX_ACTION_TEXT = 160;
/** Most UTF-16 code units of the RFC 8785 text of one action's arguments. */
export const MAX_ARGS_CHARS = 2000;

/** Output fields every proposal needs, whatever the WPC lists. */
export const BASE_REQUIRED_FIELDS = ['category', 'confidence', 'recommended_queue', 'rationale'] as const;

export type ProposalResult = { readonly ok: true; readonly proposal: Proposal } | { readonly ok: false; readonly reason: string };

export function proposalFromResponse(response: JsonObject, requiredFields: readonly string[]): ProposalResult {
  if (typeof response.error === 'string') return { ok: false, reason: `the proxy delivered no usable response (${response.error})` };
  for (const field of new Set([...BASE_REQUIRED_FIELDS, ...requiredFields])) {
    if (!Object.hasOwn(response, field) || response[field] === null) return { ok: false, reason: `the response has no ${field}` };
  }
  const { category, confidence, recommended_queue: queue, rationale } = response;
  if (typeof category !== 'string' || category === '') return { ok: false, reason: 'category must be a non-empty string' };
  if (typeof confidence !== 'number' || confidence < 0 || confidence > 1) return { ok: false, reason: 'confidence must be a number from 0 to 1' };
  if (typeof queue !== 'string' || queue === '') return { ok: false, reason: 'recommended_queue must be a non-empty string' };
  if (typeof rationale !== 'string') return { ok: false, reason: 'rationale must be a string' };
  const requested = response.requested_actions ?? [];
  if (!Array.isArray(requested)) return { ok: false, reason: 'requested_actions must be an array' };
  return {
    ok: true,
    proposal: {
      category: cut(category, MAX_LABEL_TEXT),
      confidence,
      recommended_queue: cut(queue, MAX_LABEL_TEXT),
      rationale: cut(rationale, MAX_RATIONALE),
      // `suggested_priority` is what the bundled models call it.
      priority: optionalText(response.priority ?? response.suggested_priority),
      notification_template: optionalText(response.notification_template),
      actions: requested.slice(0, MAX_ACTIONS).map(proposedAction),
    },
  };
}

function proposedAction(entry: JsonValue): ProposedAction {
  const record = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : {};
  const action = typeof record.action === 'string' ? cut(record.action, MAX_ACTION_TEXT) : '';
  const rawArgs = record.args;
  let args: JsonObject = typeof rawArgs === 'object' && rawArgs !== null && !Array.isArray(rawArgs) ? rawArgs : {};
  // Oversized arguments are not recorded; the marker key makes the call malformed, so it is never applied.
  if (canonicalJson(args).length > MAX_ARGS_CHARS) args = { oversized_arguments_dropped: true };
  return { action, args };
}

function optionalText(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? cut(value, MAX_LABEL_TEXT) : null;
}

/** The first `max` UTF-16 code units, never splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}
