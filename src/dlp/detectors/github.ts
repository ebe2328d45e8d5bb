/**
 * secret.github: GitHub tokens. Classic tokens are a type prefix (ghp_ personal, gho_ OAuth,
 * ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh) and 36 base62 characters;
 * fine-grained personal tokens are github_pat_ and 82 characters of [A-Za-z0-9_].
 * Longer bodies are accepted too, so a future longer format is still caught.
 */
import type { Span } from '../types.js';
import { regexSpans } from './spans.js';

const GITHUB_TOKEN = /(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,244})(?![A-Za-z0-9_])/g;

export function detectGithub(text: string): Span[] {
  return regexSpans(GITHUB_TOKEN, text);
}
