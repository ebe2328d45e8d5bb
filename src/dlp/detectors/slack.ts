/**
 * secret.slack: Slack tokens (xoxb- bot, xoxp- user, xoxa- app, xoxr- refresh, xoxe- rotating,
 * xoxo-/xoxs- legacy, xapp- app-level) and incoming-webhook / workflow URLs, whose path is the secret.
 * The whole token, dashes included, is the span: secretlint's pattern stops after the third
 * segment of an xapp- token and would leave its 64-hex secret part in the text.
 */
import type { Span } from '../types.js';
import { regexSpans } from './spans.js';

const SLACK_TOKEN = /(?<![A-Za-z0-9])(?:xox[abeoprs]|xapp)-[A-Za-z0-9][A-Za-z0-9-]{8,}(?![A-Za-z0-9])/g;
const SLACK_WEBHOOK =
  /(?<![A-Za-z0-9])(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/+-]{8,}/gi;

export function detectSlack(text: string): Span[] {
  return [...regexSpans(SLACK_TOKEN, text), ...regexSpans(SLACK_WEBHOOK, text)];
}
