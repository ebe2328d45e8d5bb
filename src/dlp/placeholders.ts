/**
 * Placeholders and the truncation marker: the only text redaction writes into a view.
 *
 * Both start with '[' and end with ']', and no detector ever matches '[' or ']' outside a
 * quoted value (where a placeholder-shaped value is refused), so re-scanning a view never
 * detects them and a placeholder cannot become part of a detected value together with its
 * neighbours.
 */
import { FIELD_PLACEHOLDER_LABEL, PLACEHOLDER_LABELS, type DetectorId } from './detector-ids.js';
import { canonicalEmail } from './detectors/email-obfuscated.js';

/** Marks the point where a string of the view was cut to honour maxChars. */
export const TRUNCATION_MARKER = '[TRUNCATED]';

/** Any placeholder or the marker, anywhere in a text: '[' + upper-case word + ']'. */
export const PLACEHOLDER_SHAPE = /\[[A-Z][A-Z0-9_]*\]/;

export function formatPlaceholder(label: string, n: number): string {
  return `[${label}_${n}]`;
}

/** Label of placeholders that stand for source text that already had the shape of one. */
export const LITERAL_PLACEHOLDER_LABEL = 'LITERAL';

/**
 * Source text shaped like redaction output: a placeholder of a label redaction writes (any
 * detector's, REDACTED_FIELD, LITERAL) or the truncation marker. Redaction replaces such text by a
 * `[LITERAL_n]` placeholder with a finding of its own, so that every placeholder in a view is one a
 * finding accounts for, and a view cut by truncation is the only one holding the marker: what a
 * verifier re-derives from the view cannot be confused by a customer who typed `[EMAIL_1]`.
 */
export const LITERAL_TOKEN = new RegExp(
  `\\[(?:${[...Object.values(PLACEHOLDER_LABELS), FIELD_PLACEHOLDER_LABEL, LITERAL_PLACEHOLDER_LABEL].join('|')})_[1-9][0-9]*\\]|\\[TRUNCATED\\]`,
  'g',
);

/** Spans of `text` shaped like redaction output (LITERAL_TOKEN). */
export function literalSpans(text: string): { start: number; end: number }[] {
  return [...text.matchAll(LITERAL_TOKEN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

export function placeholderLabel(detector: DetectorId | 'field' | 'literal'): string {
  if (detector === 'literal') return LITERAL_PLACEHOLDER_LABEL;
  return detector === 'field' ? FIELD_PLACEHOLDER_LABEL : PLACEHOLDER_LABELS[detector];
}

/**
 * What counts as "the same value" for placeholder reuse: spellings of one email, card, IBAN,
 * SSN or phone number that differ only in case or separators (or, for an email, in how its '@'
 * and dots are written: "jane [at] example [dot] com") get one placeholder. Secrets compare
 * exactly. The key lives only in memory while redacting; it is never output.
 */
export function identityKey(detector: DetectorId, value: string): string {
  switch (detector) {
    case 'pii.email':
      return canonicalEmail(value);
    case 'pii.phone':
      return value.replace(/[^0-9+]/g, '');
    case 'pii.card':
    case 'pii.ssn':
      return value.replace(/[^0-9]/g, '');
    case 'pii.iban':
      return value.replace(/[\s-]/g, '').toUpperCase();
    default:
      return value;
  }
}
