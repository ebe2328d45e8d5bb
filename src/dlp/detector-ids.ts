/**
 * The fixed detector ids, their kinds, placeholder labels and specificity.
 *
 * Ids are part of the bundle format (policy rules map to them and findings name them), so an id,
 * once published, never changes meaning. Order here is the canonical listing order.
 */
export const DETECTOR_IDS = [
  'secret.aws',
  'secret.github',
  'secret.slack',
  'secret.stripe',
  'secret.private_key',
  'secret.jwt',
  'secret.generic',
  'pii.email',
  'pii.phone',
  'pii.card',
  'pii.iban',
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
  'secret.generic': 'SECRET',
  'pii.email': 'EMAIL',
  'pii.phone': 'PHONE',
  'pii.card': 'CARD',
  'pii.iban': 'IBAN',
};

/** Label of placeholders that stand for a whole field removed by `redactFields`. */
export const FIELD_PLACEHOLDER_LABEL = 'REDACTED_FIELD';

/**
 * When matches overlap, the most specific detector names the merged span: a format with a
 * checksum or fixed prefix says more about the value than a keyword-and-entropy guess.
 * Lower number = more specific.
 */
export const SPECIFICITY: Readonly<Record<DetectorId, number>> = {
  'secret.private_key': 0,
  'secret.jwt': 1,
  'secret.aws': 2,
  'secret.github': 3,
  'secret.slack': 4,
  'secret.stripe': 5,
  'pii.iban': 6,
  'pii.card': 7,
  'pii.email': 8,
  'pii.phone': 9,
  'secret.generic': 10,
};
