/**
 * The version of the detection ruleset: the detector ids and the rules behind them.
 *
 * A bundle records the ruleset its views were redacted with, so that a stricter ruleset later
 * does not turn old bundles invalid: a verifier can tell "this view leaks under the rules it was
 * made with" from "a newer rule finds more". Bump the version whenever a rule finds more or
 * something else (a new id, a looser bar, a new shape); a change that only finds less (an
 * allowlisted example key) bumps it too, since views made under it may then show that value.
 */
import type { DetectorId } from './detector-ids.js';

export const DLP_RULESET_VERSION = '2';

/** The ids each ruleset version had (each later version keeps every earlier id). */
export const RULESET_DETECTOR_IDS: Readonly<Record<string, readonly DetectorId[]>> = {
  '1': [
    'secret.aws', 'secret.github', 'secret.slack', 'secret.stripe', 'secret.private_key', 'secret.jwt',
    'secret.generic', 'pii.email', 'pii.phone', 'pii.card', 'pii.iban',
  ],
  '2': [
    'secret.aws', 'secret.github', 'secret.slack', 'secret.stripe', 'secret.private_key', 'secret.jwt',
    'secret.google', 'secret.openai', 'secret.anthropic', 'secret.gitlab', 'secret.sendgrid', 'secret.twilio',
    'secret.mailgun', 'secret.mailchimp', 'secret.npm', 'secret.pypi', 'secret.vault', 'secret.huggingface',
    'secret.shopify', 'secret.digitalocean', 'secret.heroku', 'secret.databricks', 'secret.azure',
    'secret.atlassian', 'secret.datadog', 'secret.discord', 'secret.doppler', 'secret.linear', 'secret.square',
    'secret.onepassword', 'secret.kubernetes', 'secret.generic', 'pii.email', 'pii.phone', 'pii.card', 'pii.iban',
    'pii.ssn',
  ],
};
