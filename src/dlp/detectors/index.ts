import type { DetectorId } from '../detector-ids.js';
import type { Span } from '../types.js';
import { detectAws } from './aws.js';
import { detectCard } from './card.js';
import { detectEmail } from './email.js';
import { detectGeneric } from './generic.js';
import { detectGithub } from './github.js';
import { detectIban } from './iban.js';
import { detectJwt } from './jwt.js';
import { detectKubernetes } from './kubernetes.js';
import { detectPhone } from './phone.js';
import { detectPrivateKey } from './private-key.js';
import { detectSlack } from './slack.js';
import { detectSsn } from './ssn.js';
import { detectStripe } from './stripe.js';
import * as vendor from './vendor-tokens.js';

/** Each detector: all its matches in a text, possibly overlapping each other and other detectors'. */
export const DETECTORS: Readonly<Record<DetectorId, (text: string) => Span[]>> = {
  'secret.aws': detectAws,
  'secret.github': detectGithub,
  'secret.slack': detectSlack,
  'secret.stripe': detectStripe,
  'secret.private_key': detectPrivateKey,
  'secret.jwt': detectJwt,
  'secret.google': vendor.detectGoogle,
  'secret.openai': vendor.detectOpenai,
  'secret.anthropic': vendor.detectAnthropic,
  'secret.gitlab': vendor.detectGitlab,
  'secret.sendgrid': vendor.detectSendgrid,
  'secret.twilio': vendor.detectTwilio,
  'secret.mailgun': vendor.detectMailgun,
  'secret.mailchimp': vendor.detectMailchimp,
  'secret.npm': vendor.detectNpm,
  'secret.pypi': vendor.detectPypi,
  'secret.vault': vendor.detectVault,
  'secret.huggingface': vendor.detectHuggingface,
  'secret.shopify': vendor.detectShopify,
  'secret.digitalocean': vendor.detectDigitalocean,
  'secret.heroku': vendor.detectHeroku,
  'secret.databricks': vendor.detectDatabricks,
  'secret.azure': vendor.detectAzure,
  'secret.atlassian': vendor.detectAtlassian,
  'secret.datadog': vendor.detectDatadog,
  'secret.discord': vendor.detectDiscord,
  'secret.doppler': vendor.detectDoppler,
  'secret.linear': vendor.detectLinear,
  'secret.square': vendor.detectSquare,
  'secret.onepassword': vendor.detectOnepassword,
  'secret.kubernetes': detectKubernetes,
  'secret.generic': detectGeneric,
  'pii.email': detectEmail,
  'pii.phone': detectPhone,
  'pii.card': detectCard,
  'pii.iban': detectIban,
  'pii.ssn': detectSsn,
};
