/**
 * The fixed detector ids, their kinds, placeholder labels and specificity.
 *
 * Ids are part of the bundle format (policy rules map to them and findings name them), so an id,
 * once published, never changes meaning; new families get new ids (ruleset.ts says which ruleset
 * added each). Order here is the canonical listing order: the ids of ruleset 1 keep their places,
 * new secret ids come before `secret.generic`, new PII ids after `pii.iban`.
 */
export const DETECTOR_IDS = [
  'secret.aws',
  'secret.github',
  'secret.slack',
  'secret.stripe',
  'secret.private_key',
  'secret.jwt',
  'secret.google',
  'secret.openai',
  'secret.anthropic',
  'secret.gitlab',
  'secret.sendgrid',
  'secret.twilio',
  'secret.mailgun',
  'secret.mailchimp',
  'secret.npm',
  'secret.pypi',
  'secret.vault',
  'secret.huggingface',
  'secret.shopify',
  'secret.digitalocean',
  'secret.heroku',
  'secret.databricks',
  'secret.azure',
  'secret.atlassian',
  'secret.datadog',
  'secret.discord',
  'secret.doppler',
  'secret.linear',
  'secret.square',
  'secret.onepassword',
  'secret.kubernetes',
  'secret.generic',
  'pii.email',
  'pii.phone',
  'pii.card',
  'pii.iban',
  'pii.ssn',
] as const;

export type DetectorId = (typeof DETECTOR_IDS)[number];
export type DetectorKind = 'secret' | 'pii';

const ID_SET: ReadonlySet<string> = new Set(DETECTOR_IDS);

export function isDetectorId(value: unknown): value is DetectorId {
  return typeof value === 'string' && ID_SET.has(value);
}

export function detectorKind(id: DetectorId): DetectorKind {
  return id.startsWith('secret.') ? 'secret' : 'pii';
}

/** The typed word inside a placeholder: `[EMAIL_1]`, `[AWS_KEY_2]`, ... */
export const PLACEHOLDER_LABELS: Readonly<Record<DetectorId, string>> = {
  'secret.aws': 'AWS_KEY',
  'secret.github': 'GITHUB_TOKEN',
  'secret.slack': 'SLACK_TOKEN',
  'secret.stripe': 'STRIPE_KEY',
  'secret.private_key': 'PRIVATE_KEY',
  'secret.jwt': 'JWT',
  'secret.google': 'GOOGLE_KEY',
  'secret.openai': 'OPENAI_KEY',
  'secret.anthropic': 'ANTHROPIC_KEY',
  'secret.gitlab': 'GITLAB_TOKEN',
  'secret.sendgrid': 'SENDGRID_KEY',
  'secret.twilio': 'TWILIO_KEY',
  'secret.mailgun': 'MAILGUN_KEY',
  'secret.mailchimp': 'MAILCHIMP_KEY',
  'secret.npm': 'NPM_TOKEN',
  'secret.pypi': 'PYPI_TOKEN',
  'secret.vault': 'VAULT_TOKEN',
  'secret.huggingface': 'HUGGINGFACE_TOKEN',
  'secret.shopify': 'SHOPIFY_TOKEN',
  'secret.digitalocean': 'DIGITALOCEAN_TOKEN',
  'secret.heroku': 'HEROKU_KEY',
  'secret.databricks': 'DATABRICKS_TOKEN',
  'secret.azure': 'AZURE_SECRET',
  'secret.atlassian': 'ATLASSIAN_TOKEN',
  'secret.datadog': 'DATADOG_KEY',
  'secret.discord': 'DISCORD_TOKEN',
  'secret.doppler': 'DOPPLER_TOKEN',
  'secret.linear': 'LINEAR_KEY',
  'secret.square': 'SQUARE_TOKEN',
  'secret.onepassword': 'ONEPASSWORD_SECRET',
  'secret.kubernetes': 'K8S_SECRET',
  'secret.generic': 'SECRET',
  'pii.email': 'EMAIL',
  'pii.phone': 'PHONE',
  'pii.card': 'CARD',
  'pii.iban': 'IBAN',
  'pii.ssn': 'SSN',
};

/** Label of placeholders that stand for a whole field removed by `redactFields`. */
export const FIELD_PLACEHOLDER_LABEL = 'REDACTED_FIELD';

/**
 * When matches overlap, the most specific detector names the merged span: a format with a
 * checksum or fixed prefix says more about the value than a keyword-and-entropy guess.
 * Lower number = more specific. Ruleset 1's order is kept; vendor formats with a fixed prefix
 * come after Stripe, then the checksummed PII, the SSN (rules and a context word), email and
 * phone, a Kubernetes Secret's data values (known from the manifest around them), and last
 * the keyword-and-entropy guess.
 */
export const SPECIFICITY: Readonly<Record<DetectorId, number>> = {
  'secret.private_key': 0,
  'secret.jwt': 1,
  'secret.aws': 2,
  'secret.github': 3,
  'secret.slack': 4,
  'secret.stripe': 5,
  'secret.google': 6,
  'secret.openai': 7,
  'secret.anthropic': 8,
  'secret.gitlab': 9,
  'secret.sendgrid': 10,
  'secret.twilio': 11,
  'secret.mailgun': 12,
  'secret.mailchimp': 13,
  'secret.npm': 14,
  'secret.pypi': 15,
  'secret.vault': 16,
  'secret.huggingface': 17,
  'secret.shopify': 18,
  'secret.digitalocean': 19,
  'secret.heroku': 20,
  'secret.databricks': 21,
  'secret.azure': 22,
  'secret.atlassian': 23,
  'secret.datadog': 24,
  'secret.discord': 25,
  'secret.doppler': 26,
  'secret.linear': 27,
  'secret.square': 28,
  'secret.onepassword': 29,
  'pii.iban': 30,
  'pii.card': 31,
  'pii.ssn': 32,
  'pii.email': 33,
  'pii.phone': 34,
  'secret.kubernetes': 35,
  'secret.generic': 36,
};
