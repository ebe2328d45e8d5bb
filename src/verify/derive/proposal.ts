/**
 * The proposal a receipted model response gives, by the rules of docs/FORMATS.md ("Proof bundle",
 * `proposal`): which responses give one at all, the cuts, the first 32 actions and the
 * oversized-arguments rule.
 *
 * Written from the format, independently of the runtime's executor: the verifier recomputes what
 * the harness should have recorded from what the PROXY signed (the response behind a receipt's
 * response_hash), so a harness cannot invent, drop or reword what the model asked for.
 */
import { canonicalJson } from '../../core/canonical.js';
import type { JsonObject, JsonValue } from '../../core/json.js';
import type { Proposal, ProposedAction } from '../../core/bundle/types.js';

/** Output fields every proposal needs, whatever the WPC's required_fields add. */
export const BASE_REQUIRED_FIELDS = ['category', 'confidence', 'recommended_queue', 'rationale'] as const;
export const LABEL_TEXT_CUT = 64;
export const RATIONALE_CUT = 1000;
export const ACTIONS_KEPT = 32;
/** Longer than any well-formed action name, so a cut name stays malformed. */
export const ACTION_TEXT_CUT = 160;
/** Most UTF-16 code units of one action's arguments as RFC 8785 text. */
export const ARGS_TEXT_LIMIT = 2000;
export const OVERSIZED_ARGUMENTS: JsonObject = Object.freeze({ oversized_arguments_dropped: true }) as JsonObject;

export type DerivedProposal = { readonly ok: true; readonly proposal: Proposal } | { readonly ok: false; readonly reason: string };

export function deriveProposal(response: JsonObject, requiredFields: readonly string[]): DerivedProposal {
  if (typeof response['error'] === 'string') return { ok: false, reason: `the response is the error "${cut(response['error'], 64)}"` };
  for (const field of new Set<string>([...BASE_REQUIRED_FIELDS, ...requiredFields])) {
    if (!Object.hasOwn(response, field) || response[field] === null) return { ok: false, reason: `the response has no ${field}` };
  }
  const category = response['category'];
  const confidence = response['confidence'];
  const queue = response['recommended_queue'];
  const rationale = response['rationale'];
  if (typeof category !== 'string' || category === '') return { ok: false, reason: 'its category is not a non-empty string' };
  if (typeof confidence !== 'number' || confidence < 0 || confidence > 1) return { ok: false, reason: 'its confidence is not a number from 0 to 1' };
  if (typeof queue !== 'string' || queue === '') return { ok: false, reason: 'its recommended_queue is not a non-empty string' };
  if (typeof rationale !== 'string') return { ok: false, reason: 'its rationale is not a string' };
  const requested = response['requested_actions'] ?? [];
  if (!Array.isArray(requested)) return { ok: false, reason: 'its requested_actions is not an array' };
  return {
    ok: true,
    proposal: {
      category: cut(category, LABEL_TEXT_CUT),
      confidence,
      recommended_queue: cut(queue, LABEL_TEXT_CUT),
      rationale: cut(rationale, RATIONALE_CUT),
      priority: optionalText(response['priority'] ?? response['suggested_priority']),
      notification_template: optionalText(response['notification_template']),
      actions: requested.slice(0, ACTIONS_KEPT).map(proposedAction),
    },
  };
}

function proposedAction(entry: JsonValue): ProposedAction {
  const object = isObject(entry) ? entry : {};
  const action = typeof object['action'] === 'string' ? cut(object['action'], ACTION_TEXT_CUT) : '';
  const raw = object['args'];
  const args = isObject(raw) ? raw : {};
  return { action, args: canonicalJson(args).length > ARGS_TEXT_LIMIT ? { ...OVERSIZED_ARGUMENTS } : args };
}

function optionalText(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? cut(value, LABEL_TEXT_CUT) : null;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first `max` UTF-16 code units, or `max - 1` when unit `max - 1` is a high surrogate. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
