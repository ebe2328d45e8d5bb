/**
 * Stand-in for the DLP step when training and evaluating on the sample set: replaces each
 * planted secret and pattern-detectable PII value with a placeholder of the shape redaction
 * writes (`[EMAIL_1]`), so the classifier is trained on what it will be shown at run time.
 * Names and postal addresses are left as they are, as pattern DLP leaves them.
 */
import type { JsonObject, JsonValue } from '../../../core/json.js';
import { PLACEHOLDER_LABELS } from '../../../dlp/detector-ids.js';
import type { PlantedKind, PlantedValue } from './types.js';

/** The labels redaction writes; names and addresses have none (pattern DLP leaves them). */
const LABELS: Readonly<Partial<Record<PlantedKind, string>>> = PLACEHOLDER_LABELS;

export function maskPlanted(document: JsonObject, planted: readonly PlantedValue[]): JsonObject {
  const counters = new Map<string, number>();
  const replacements: { value: string; placeholder: string }[] = [];
  for (const p of planted) {
    const label = LABELS[p.kind];
    if (label === undefined || p.value.length === 0) continue;
    const n = (counters.get(label) ?? 0) + 1;
    counters.set(label, n);
    replacements.push({ value: p.value, placeholder: `[${label}_${n}]` });
  }
  // Longest first: a value that contains another (a config block holding a key) wins.
  replacements.sort((a, b) => b.value.length - a.value.length);
  const mask = (value: JsonValue): JsonValue => {
    if (typeof value === 'string') {
      let s = value;
      for (const r of replacements) s = s.split(r.value).join(r.placeholder);
      return s;
    }
    if (Array.isArray(value)) return value.map(mask);
    if (value !== null && typeof value === 'object') {
      const out: JsonObject = {};
      for (const key of Object.keys(value)) out[key] = mask(value[key] as JsonValue);
      return out;
    }
    return value;
  };
  return mask(document) as JsonObject;
}
