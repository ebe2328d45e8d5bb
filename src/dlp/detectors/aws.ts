/**
 * secret.aws: AWS access key ids and secret access keys.
 *
 * Key ids have a fixed 4-character prefix (AKIA long-term, ASIA temporary STS, ABIA/ACCA service,
 * A3T legacy) and 16 more upper-case alphanumerics. A secret access key is 40 base64-like
 * characters with no prefix, so it is only recognised in an assignment to a name that says what
 * it is (as gitleaks and secretlint do); the span is the value only.
 */
import type { Span } from '../types.js';
import { regexSpans } from './spans.js';

const ACCESS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g;

const SEP = String.raw`[_\-. ]?`;
const SECRET_NAME = String.raw`(?:(?:aws${SEP})?secret${SEP}access${SEP}key|aws${SEP}secret${SEP}key)`;
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`(?<![A-Za-z0-9])${SECRET_NAME}["']?[ \t]*(?::=|=>|=|:)[ \t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
  'dgi',
);

export function detectAws(text: string): Span[] {
  return [...regexSpans(ACCESS_KEY_ID, text), ...regexSpans(SECRET_ASSIGNMENT, text, 1)];
}
