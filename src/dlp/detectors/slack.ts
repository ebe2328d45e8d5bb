/**
 * secret.slack: Slack tokens (xoxb- bot, xoxp- user, xoxa- app, xoxr- refresh, xoxe- rotating,
 * xoxo-/xoxs- legacy, xapp- app-level) and incoming-webhook / workflow URLs, whose path is the secret.
 * The whole token, dashes included, is the span: secretlint's pattern stops after the third
 * segment of an xapp- token and would leave its 64-hex secret part in the text.
 */
import type { Span } from '../types.js';
import { prefixedTokenSpans, type PrefixedRule } from './prefixed-token.js';

const SLACK_TOKEN: PrefixedRule = {
  prefix: '(?:xox[abeoprs]|xapp)-',
  body: 'A-Za-z0-9-',
  min: 9,
  max: 1000,
  check: (body) => /^[A-Za-z0-9]/.test(body),
};
const SLACK_WEBHOOK: PrefixedRule = {
  prefix: '(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/',
  ignoreCase: true,
  body: 'A-Za-z0-9_/+-',
  min: 8,
  max: 1000,
};

export function detectSlack(text: string): Span[] {
  return [...prefixedTokenSpans(SLACK_TOKEN, text), ...prefixedTokenSpans(SLACK_WEBHOOK, text)];
}
