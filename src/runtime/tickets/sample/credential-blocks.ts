/**
 * A pasted credential as it shows up in a ticket: the text block (config lines, a log excerpt,
 * a PEM, a bare token) and the planted values inside it, for the leak tests.
 */
import {
  fakeApiKey,
  fakeAwsKeyPair,
  fakeGithubToken,
  fakeJwt,
  fakeOpenSshPrivateKeyPem,
  fakeP256PrivateKeyPem,
  fakePassword,
  fakeSlackBotToken,
  fakeSlackWebhook,
  fakeStripeKey,
} from './credentials.js';
import type { Prng } from './prng.js';
import type { CredentialContext } from './templates/types.js';
import type { PlantedValue } from './types.js';

export const CREDENTIAL_KINDS = [
  'aws',
  'github',
  'slack_token',
  'slack_webhook',
  'stripe',
  'private_key',
  'jwt',
  'password',
  'api_key',
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export interface CredentialBlock {
  readonly context: CredentialContext;
  readonly block: string;
  readonly planted: PlantedValue[];
}

/** Credentials that read naturally in an account-access ticket (a customer's own password). */
export const ACCOUNT_CREDENTIALS: readonly CredentialKind[] = ['password'];

export function credentialBlock(prng: Prng, kind: CredentialKind, issuedAt: number): CredentialBlock {
  switch (kind) {
    case 'aws': {
      const { accessKeyId, secretAccessKey } = fakeAwsKeyPair(prng);
      return {
        context: 'config',
        block: `AWS_ACCESS_KEY_ID=${accessKeyId}\nAWS_SECRET_ACCESS_KEY=${secretAccessKey}\nAWS_DEFAULT_REGION=${prng.pick(['eu-west-1', 'us-east-1', 'ap-northeast-1'])}\nLUMORA_EXPORT_BUCKET=s3://lumora-exports-${prng.chars('abcdefghijklmnopqrstuvwxyz', 6)}`,
        planted: [
          { kind: 'secret.aws', value: accessKeyId },
          { kind: 'secret.aws', value: secretAccessKey },
        ],
      };
    }
    case 'github': {
      const token = fakeGithubToken(prng);
      return { context: 'token', block: token, planted: [{ kind: 'secret.github', value: token }] };
    }
    case 'slack_token': {
      const token = fakeSlackBotToken(prng);
      return { context: 'token', block: token, planted: [{ kind: 'secret.slack', value: token }] };
    }
    case 'slack_webhook': {
      const url = fakeSlackWebhook(prng);
      return {
        context: 'config',
        block: `notifications:\n  slack_webhook: ${url}\n  channel: "#device-alerts"`,
        planted: [{ kind: 'secret.slack', value: url }],
      };
    }
    case 'stripe': {
      const key = fakeStripeKey(prng);
      return {
        context: 'config',
        block: `STRIPE_SECRET_KEY=${key}\nLUMORA_BILLING_SYNC=enabled`,
        planted: [{ kind: 'secret.stripe', value: key }],
      };
    }
    case 'private_key': {
      const pem = prng.chance(50) ? fakeP256PrivateKeyPem(prng) : fakeOpenSshPrivateKeyPem(prng, `gateway-${prng.int(1, 99)}@lumora`);
      return { context: 'key', block: pem, planted: [{ kind: 'secret.private_key', value: pem }] };
    }
    case 'jwt': {
      const jwt = fakeJwt(prng, `svc-${prng.chars('0123456789abcdef', 8)}`, issuedAt);
      return {
        context: 'log',
        block: `GET /v2/devices?limit=50 HTTP/1.1\nHost: api.lumora.example\nAuthorization: Bearer ${jwt}\n\nHTTP/1.1 403 Forbidden\n{"error":"insufficient_scope"}`,
        planted: [{ kind: 'secret.jwt', value: jwt }],
      };
    }
    case 'password': {
      const password = fakePassword(prng);
      return { context: 'password', block: password, planted: [{ kind: 'secret.generic', value: password }] };
    }
    case 'api_key': {
      const key = fakeApiKey(prng);
      return {
        context: 'config',
        block: `lumora:\n  endpoint: https://api.lumora.example/v2\n  api_key: ${key}\n  timeout_ms: 30000`,
        planted: [{ kind: 'secret.generic', value: key }],
      };
    }
  }
}
