/**
 * DLP rule patterns a WPC may name, and the detector groups each one switches on.
 *
 * The WPC names *what* must not reach a model (`api_key_like`, `email`); the dlp layer owns *how*
 * to find it (detectors with these ids). Keeping the mapping here, as data, lets the runtime and
 * the verifier derive the same detector set from the same WPC.
 */
import { deepFreeze } from './freeze.js';

/** Vendor API keys and tokens with a format of their own (ruleset 2 added all but the first four). */
const VENDOR_TOKEN_IDS = [
  'secret.aws',
  'secret.github',
  'secret.slack',
  'secret.stripe',
] as const;
const VENDOR_TOKEN_IDS_2 = [
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
] as const;

/** In src/dlp's DETECTOR_IDS order (test/policy checks the two lists agree). */
export const SECRET_DETECTOR_IDS = [
  ...VENDOR_TOKEN_IDS,
  'secret.private_key',
  'secret.jwt',
  ...VENDOR_TOKEN_IDS_2,
  'secret.kubernetes',
  'secret.generic',
] as const;

export const PII_DETECTOR_IDS = ['pii.email', 'pii.phone', 'pii.card', 'pii.iban', 'pii.ssn'] as const;

export const DETECTOR_IDS = [...SECRET_DETECTOR_IDS, ...PII_DETECTOR_IDS] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

export const DLP_RULE_TYPES = ['secret', 'pii'] as const;
export type DlpRuleType = (typeof DLP_RULE_TYPES)[number];

export interface DlpPatternInfo {
  /** The rule `type` this pattern belongs to; a rule pairing it with the other type is an error. */
  readonly type: DlpRuleType;
  readonly detectors: readonly DetectorId[];
  readonly description: string;
}

export const DLP_PATTERN_NAMES = [
  'api_key_like',
  'aws_access_key',
  'github_token',
  'slack_token',
  'stripe_key',
  'private_key',
  'jwt',
  'any_secret',
  'email',
  'phone',
  'credit_card',
  'iban',
  'any_pii',
] as const;
export type DlpPatternName = (typeof DLP_PATTERN_NAMES)[number];

const API_KEYS: readonly DetectorId[] = [...VENDOR_TOKEN_IDS, ...VENDOR_TOKEN_IDS_2, 'secret.generic'];

export const DLP_PATTERNS: Readonly<Record<DlpPatternName, DlpPatternInfo>> = deepFreeze({
  api_key_like: { type: 'secret', detectors: API_KEYS, description: 'API keys and tokens of known providers (AWS, GitHub, Slack, Stripe, Google, OpenAI, Anthropic, GitLab and the other vendor formats), and generic high-entropy credentials' },
  aws_access_key: { type: 'secret', detectors: ['secret.aws'], description: 'AWS access key ids and secret keys' },
  github_token: { type: 'secret', detectors: ['secret.github'], description: 'GitHub personal access and app tokens' },
  slack_token: { type: 'secret', detectors: ['secret.slack'], description: 'Slack tokens and webhook URLs' },
  stripe_key: { type: 'secret', detectors: ['secret.stripe'], description: 'Stripe secret and restricted keys' },
  private_key: { type: 'secret', detectors: ['secret.private_key'], description: 'PEM, OpenPGP and PuTTY private keys and age identities' },
  jwt: { type: 'secret', detectors: ['secret.jwt'], description: 'JSON Web Tokens' },
  any_secret: { type: 'secret', detectors: SECRET_DETECTOR_IDS, description: 'every secret detector' },
  email: { type: 'pii', detectors: ['pii.email'], description: 'email addresses, plain or obfuscated' },
  phone: { type: 'pii', detectors: ['pii.phone'], description: 'phone numbers' },
  credit_card: { type: 'pii', detectors: ['pii.card'], description: 'payment card numbers (Luhn-checked)' },
  iban: { type: 'pii', detectors: ['pii.iban'], description: 'IBANs (checksum-checked)' },
  any_pii: { type: 'pii', detectors: PII_DETECTOR_IDS, description: 'every PII detector' },
});

/** Detector ids in the fixed order of DETECTOR_IDS (so normalised policies compare equal). */
export function sortDetectorIds(ids: Iterable<DetectorId>): DetectorId[] {
  const wanted = new Set(ids);
  return DETECTOR_IDS.filter((id) => wanted.has(id));
}
