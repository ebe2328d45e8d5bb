/**
 * secret.github: GitHub tokens. Classic tokens are a type prefix (ghp_ personal, gho_ OAuth,
 * ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh) and 36 base62 characters;
 * fine-grained personal tokens are github_pat_ and 82 characters of [A-Za-z0-9_].
 * Longer bodies are accepted too, so a future longer format is still caught. A token wrapped
 * over lines is followed onto the next (prefixed-token.ts).
 */
import type { Span } from '../types.js';
import { prefixedTokenSpans, type PrefixedRule } from './prefixed-token.js';

export const GITHUB_RULES: readonly PrefixedRule[] = [
  { prefix: 'gh[pousr]_', body: 'A-Za-z0-9', min: 36, max: 251, after: '_' },
  { prefix: 'github_pat_', body: 'A-Za-z0-9_', min: 22, max: 244 },
];

export function detectGithub(text: string): Span[] {
  return GITHUB_RULES.flatMap((rule) => prefixedTokenSpans(rule, text));
}
