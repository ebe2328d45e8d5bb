/**
 * secret.aws: AWS access key ids and secret access keys.
 *
 * Key ids have a fixed 4-character prefix (AKIA long-term, ASIA temporary STS, ABIA/ACCA service,
 * A3T legacy) and 16 more upper-case alphanumerics, written whole, wrapped over a line, or read
 * out in groups of four ("AKIA 2E3T …" with single spaces or dashes).
 *
 * A secret access key is 40 base64 characters with no prefix, so the shape alone says little
 * (gitleaks and secretlint only look at assignments). It is recognised
 *   - in an assignment to a name that says what it is (`aws_secret_access_key = …`), or
 *   - bare, in prose ("the secret key is …", "Schlüssel: …"), when it mixes upper case, lower
 *     case and digits, reaches 4.0 bits per character (random base64 of 40 is about 4.9; a git
 *     SHA is lower-case hex and fails the mix), and a context word (aws, amazon, iam, s3, secret
 *     key, access key, or an access key id) stands at most 120 characters before it on its line
 *     or the line before.
 * The span is the value only. AWS's documented example keys are not reported (allowlist.ts).
 */
import { shannonEntropy } from '../entropy.js';
import type { Span } from '../types.js';
import { spansAfterContext } from './context.js';
import { prefixedTokenSpans, type PrefixedRule } from './prefixed-token.js';
import { regexSpans } from './spans.js';

const KEY_ID_PREFIX = '(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])';
const KEY_ID: PrefixedRule = { prefix: KEY_ID_PREFIX, body: 'A-Z0-9', min: 16, max: 16 };
const KEY_ID_GROUPED = new RegExp(`(?<![A-Za-z0-9])${KEY_ID_PREFIX}(?:([ -])[A-Z0-9]{4})(?:\\1[A-Z0-9]{4}){3}(?![A-Za-z0-9])`, 'g');

const SEP = String.raw`[_\-. ]?`;
const SECRET_NAME = String.raw`(?:(?:aws${SEP})?secret${SEP}access${SEP}key|aws${SEP}secret${SEP}key)`;
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`(?<![A-Za-z0-9])${SECRET_NAME}["']?[ \t]*(?::=|=>|=|:)[ \t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
  'dgi',
);

const BARE_SECRET = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
export const BARE_SECRET_MIN_ENTROPY = 4.0;
export const AWS_CONTEXT_WINDOW = 120;
const AWS_CONTEXT = new RegExp(
  [
    String.raw`\b(?:aws|amazon|iam|s3|sts)\b`,
    String.raw`secret[ _.-]?(?:access[ _.-]?)?key`,
    String.raw`access[ _.-]?key`,
    String.raw`\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`,
    String.raw`geheime[rn]? schlüssel|zugriffsschlüssel|clave (?:secreta|de acceso)|clé (?:secrète|d'accès)`,
    'シークレット(?:アクセス)?キー|アクセスキー',
  ].join('|'),
  'gi',
);

function looksLikeSecretKey(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && shannonEntropy(value) >= BARE_SECRET_MIN_ENTROPY;
}

// Searched from the context words (rare) rather than from every 40-character word (common).
function bareSecrets(text: string): Span[] {
  return spansAfterContext(text, AWS_CONTEXT, BARE_SECRET, AWS_CONTEXT_WINDOW, 40).filter((s) => looksLikeSecretKey(text.slice(s.start, s.end)));
}

export function detectAws(text: string): Span[] {
  return [
    ...prefixedTokenSpans(KEY_ID, text),
    ...regexSpans(KEY_ID_GROUPED, text).filter((s) => /[0-9]/.test(text.slice(s.start + 4, s.end))),
    ...regexSpans(SECRET_ASSIGNMENT, text, 1),
    ...bareSecrets(text),
  ];
}
