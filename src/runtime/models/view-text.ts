/**
 * The text a model reads from a view: subject, description and comment bodies, in that order.
 * Tags, requester and custom fields are not read: they are metadata (or PII the policy may have
 * replaced by placeholders), not what the customer wrote about.
 *
 * A view is untrusted input: wrong types are skipped, and a view without the expected fields is
 * read for all of its string values (bounded), so a model never throws on a strange view.
 */
import type { JsonObject, JsonValue } from '../../core/json.js';

/** Cap on the text read from one view (the seed WPC sends at most 6000 characters). */
export const MAX_VIEW_TEXT = 100_000;
const MAX_DEPTH = 16;

function stringsIn(value: JsonValue | undefined, out: string[], depth: number): void {
  if (depth > MAX_DEPTH || value === undefined || value === null) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out, depth + 1);
  else if (typeof value === 'object') for (const key of Object.keys(value)) stringsIn(value[key], out, depth + 1);
}

export function viewText(view: JsonObject): string {
  const parts: string[] = [];
  if (typeof view.subject === 'string') parts.push(view.subject);
  if (typeof view.description === 'string') parts.push(view.description);
  if (Array.isArray(view.comments)) {
    for (const comment of view.comments) {
      if (typeof comment === 'object' && comment !== null && !Array.isArray(comment) && typeof comment.body === 'string') {
        parts.push(comment.body);
      }
    }
  }
  if (parts.length === 0) stringsIn(view, parts, 0);
  const text = parts.join('\n\n');
  return text.length > MAX_VIEW_TEXT ? text.slice(0, MAX_VIEW_TEXT) : text;
}
