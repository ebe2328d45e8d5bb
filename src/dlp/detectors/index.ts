import type { DetectorId } from '../detector-ids.js';
import type { Span } from '../types.js';
import { detectAws } from './aws.js';
import { detectCard } from './card.js';
import { detectEmail } from './email.js';
import { detectGeneric } from './generic.js';
import { detectGithub } from './github.js';
import { detectIban } from './iban.js';
import { detectJwt } from './jwt.js';
import { detectPhone } from './phone.js';
import { detectPrivateKey } from './private-key.js';
import { detectSlack } from './slack.js';
import { detectStripe } from './stripe.js';

/** Each detector: all its matches in a text, possibly overlapping each other and other detectors'. */
export const DETECTORS: Readonly<Record<DetectorId, (text: string) => Span[]>> = {
  'secret.aws': detectAws,
  'secret.github': detectGithub,
  'secret.slack': detectSlack,
  'secret.stripe': detectStripe,
  'secret.private_key': detectPrivateKey,
  'secret.jwt': detectJwt,
  'secret.generic': detectGeneric,
  'pii.email': detectEmail,
  'pii.phone': detectPhone,
  'pii.card': detectCard,
  'pii.iban': detectIban,
};
