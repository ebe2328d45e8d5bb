/**
 * secret.generic: credentials known by their context rather than their format.
 *
 *   - Assignments (assignments.ts) whose name says they hold a secret (secret-names.ts), when the
 *     value clears the bar for its kind (secret-bars.ts): "password: Summer2024!", "X-Api-Key:
 *     AbC123dEf456GhI789", "Passwort:\n  Sommer2024!". A password whose value is not one word
 *     may be a passphrase ("passphrase: correct horse battery staple", password-phrases.ts). The
 *     span is the value only: the model still sees "password: [SECRET_1]".
 *   - Passwords without a sign ("my password is Summer2024!", password-phrases.ts).
 *   - URL userinfo passwords, with or without a user (url-credentials.ts).
 *   - curl's -u and auth headers (curl-credentials.ts), and HTTP Basic credentials (basic-auth.ts).
 *
 * An assignment whose value lies inside a value already found adds nothing and is skipped; values
 * nested in one run are judged from one table (class Values), so a chain "token=token=…" stays
 * linear.
 */
import { PLACEHOLDER_SHAPE } from '../placeholders.js';
import type { Span } from '../types.js';
import { findAssignments } from './assignments.js';
import { detectBasicAuth } from './basic-auth.js';
import { detectCurlCredentials } from './curl-credentials.js';
import { detectPasswordPhrases, passphraseEnd } from './password-phrases.js';
import { Values } from './secret-bars.js';
import { secretKindOf, type SecretKind } from './secret-names.js';
import { detectUrlCredentials } from './url-credentials.js';

export {
  ENTROPY_TOLERANCE,
  KEY_MIN_ENTROPY,
  KEY_MIN_LENGTH,
  PASSWORD_MIN_ENTROPY,
  PASSWORD_MIN_LENGTH,
  passesKeyBar,
  passesPasswordBar,
} from './secret-bars.js';
export { secretKindOf, type SecretKind } from './secret-names.js';

function assignmentSpans(text: string): Span[] {
  const out: Span[] = [];
  // Chains such as "token=token=…" repeat one name many times.
  const kinds = new Map<string, SecretKind | undefined>();
  let values: Values | undefined;
  let last: Span = { start: 0, end: 0 };
  for (const { name, value } of findAssignments(text)) {
    if (value.start >= last.start && value.end <= last.end) continue; // already inside a found value
    const kind = kinds.has(name) ? kinds.get(name) : secretKindOf(name);
    kinds.set(name, kind);
    if (kind === undefined) continue;
    if (value.quoted && PLACEHOLDER_SHAPE.test(text.slice(value.start, value.end))) continue; // a view's own placeholder
    if (values === undefined || values.end !== value.end || values.start > value.start) {
      values = new Values(text, value.start, value.end);
    }
    if (values.passes(kind, value.start)) {
      last = { start: value.start, end: value.end };
      out.push(last);
    } else if (kind === 'password' && !value.quoted) {
      const end = passphraseEnd(text, value.start);
      if (end !== -1) {
        last = { start: value.start, end };
        out.push(last);
      }
    }
  }
  return out;
}

export function detectGeneric(text: string): Span[] {
  return [
    ...assignmentSpans(text),
    ...detectPasswordPhrases(text),
    ...detectUrlCredentials(text),
    ...detectCurlCredentials(text),
    ...detectBasicAuth(text),
  ];
}
