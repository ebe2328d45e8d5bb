import { describe, expect, it } from 'vitest';
import type { DetectorId } from '../../../src/dlp/detector-ids.js';
import { Rng, matches } from '../helpers.js';
import { gen } from '../redaction-corpus/values.js';

const r = new Rng(22);

/** Each vendor id, and generated values in each of its formats (test/dlp/redaction-corpus/values.ts). */
const FORMATS: readonly [DetectorId, string, () => string][] = [
  ['secret.google', 'an API key', () => gen.googleKey(r)],
  ['secret.google', 'an OAuth client secret', () => gen.googleOther(r, 0)],
  ['secret.google', 'an OAuth access token', () => gen.googleOther(r, 1)],
  ...[0, 1, 2, 3, 4].map((i): [DetectorId, string, () => string] => ['secret.openai', `key format ${i}`, () => gen.openai(r, i)]),
  ['secret.anthropic', 'an API key', () => gen.anthropic(r, 0)],
  ['secret.anthropic', 'an admin key', () => gen.anthropic(r, 2)],
  ...[0, 1, 2, 3, 4, 5].map((i): [DetectorId, string, () => string] => ['secret.gitlab', `token type ${i}`, () => gen.gitlab(r, i)]),
  ['secret.sendgrid', 'an API key', () => gen.sendgrid(r)],
  ['secret.twilio', 'an API key SID', () => gen.twilioSid(r)],
  ['secret.mailgun', 'a 32-8-8 key', () => gen.mailgun(r, 1)],
  ['secret.mailchimp', 'an API key', () => gen.mailchimp(r, 13)],
  ['secret.npm', 'an access token', () => gen.npm(r)],
  ['secret.pypi', 'a pypi.org token', () => gen.pypi(r, 0)],
  ['secret.pypi', 'a test.pypi.org token', () => gen.pypi(r, 3)],
  ['secret.vault', 'a service token', () => gen.vault(r, 0)],
  ['secret.vault', 'a batch token', () => gen.vault(r, 3)],
  ['secret.huggingface', 'a user token', () => gen.huggingface(r, 0)],
  ['secret.huggingface', 'an organisation token', () => gen.huggingface(r, 3)],
  ...[0, 1, 2, 3].map((i): [DetectorId, string, () => string] => ['secret.shopify', `token type ${i}`, () => gen.shopify(r, i)]),
  ...[0, 1, 2].map((i): [DetectorId, string, () => string] => ['secret.digitalocean', `token type ${i}`, () => gen.digitalocean(r, i)]),
  ['secret.heroku', 'a v2 API key', () => gen.herokuV2(r)],
  ['secret.databricks', 'a token', () => gen.databricks(r, 0)],
  ['secret.databricks', 'a token with a suffix', () => gen.databricks(r, 2)],
  ['secret.azure', 'a client secret', () => gen.azure(r)],
  ['secret.atlassian', 'an API token', () => gen.atlassian(r, 0)],
  ['secret.atlassian', 'a Bitbucket app password', () => gen.atlassian(r, 2)],
  ['secret.discord', 'a bot token', () => gen.discordBot(r)],
  ['secret.discord', 'a webhook URL', () => gen.discordWebhook(r)],
  ...[0, 1, 2, 3].map((i): [DetectorId, string, () => string] => ['secret.doppler', `token type ${i}`, () => gen.doppler(r, i)]),
  ['secret.linear', 'an API key', () => gen.linear(r, 0)],
  ['secret.linear', 'an OAuth token', () => gen.linear(r, 3)],
  ...[0, 1, 2].map((i): [DetectorId, string, () => string] => ['secret.square', `token type ${i}`, () => gen.square(r, i)]),
  ['secret.onepassword', 'a Secret Key', () => gen.onepassword(r, 0)],
  ['secret.onepassword', 'a service account token', () => gen.onepassword(r, 1)],
];

describe('vendor tokens', () => {
  it.each(FORMATS)('%s finds %s on its own, in prose and quoted', (id, _, make) => {
    const token = make();
    expect(matches(id, token)).toEqual([token]);
    expect(matches(id, `Hi, our key is ${token}. Thanks`)).toEqual([token]);
    expect(matches(id, `{"token": "${token}"}`)).toEqual([token]);
  });

  it.each(FORMATS)('%s finds every one of 200 random values of %s (no entropy floor or length bound too tight)', (id, _, make) => {
    const missed: string[] = [];
    for (let i = 0; i < 200; i++) {
      const token = make();
      if (matches(id, `key ${token} end`).join() !== token) missed.push(token);
    }
    expect(missed).toEqual([]);
  });

  it('finds every one of 2000 random AWS key ids (a 16-character body may have little variety)', () => {
    const missed: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = gen.awsKeyId(r, i);
      if (matches('secret.aws', `key ${id} end`).join() !== id) missed.push(id);
    }
    expect(missed).toEqual([]);
  });

  it.each(FORMATS.filter(([, what]) => what !== 'a webhook URL'))('%s leaves %s alone when it is glued to a word', (id, _, make) => {
    expect(matches(id, `x${make()}`)).toEqual([]);
  });

  it.each([
    ['secret.npm', `npm_${'X'.repeat(36)}`],
    ['secret.gitlab', `glpat-${'x'.repeat(20)}`],
    ['secret.openai', `sk-${'a'.repeat(48)}`],
    ['secret.openai', 'sk-proj-... (truncated in the screenshot)'],
    ['secret.huggingface', `hf_${'abcdefghij'.repeat(3)}abcd`],
    ['secret.shopify', `shpat_${'0'.repeat(32)}`],
    ['secret.google', 'AIza is the prefix of Google API keys'],
    ['secret.twilio', 'SKU 12345, SKI resort'],
    ['secret.mailchimp', 'list 3f9a2c-us14'],
    ['secret.discord', 'see eyes.on.the.prize and MTIz.short.token'],
    ['secret.onepassword', 'A3-ABCDEF is how the key starts'],
  ] as const)('%s leaves a look-alike alone: %s', (id, text) => {
    expect(matches(id, text)).toEqual([]);
  });

  it('finds a Discord bot token only when its first part decodes to a numeric id', () => {
    const token = gen.discordBot(r);
    expect(matches('secret.discord', token)).toEqual([token]);
    const [, ts, mac] = token.split('.');
    expect(matches('secret.discord', `${'QUJDREVGR0hJSktMTU5PUFFSU1Q'}.${ts}.${mac}`)).toEqual([]);
  });

  it('finds a Mailgun "key-" key only where Mailgun is named', () => {
    const key = gen.mailgun(r, 0);
    expect(matches('secret.mailgun', `MAILGUN_API_KEY=${key}`)).toEqual([key]);
    expect(matches('secret.mailgun', `curl --user "api:${key}" https://api.example.net`)).toEqual([key]);
    expect(matches('secret.mailgun', `cache entry ${key}`)).toEqual([]);
  });

  it('finds a legacy Heroku key (a UUID) only after the word Heroku and a key word', () => {
    const uuid = gen.uuid(r);
    expect(matches('secret.heroku', `Our Heroku API key is ${uuid}`)).toEqual([uuid]);
    expect(matches('secret.heroku', `Clé API Heroku : ${uuid}`)).toEqual([uuid]);
    expect(matches('secret.heroku', `Heroku app id ${uuid}`)).toEqual([]);
    expect(matches('secret.heroku', `Idempotency-Key: ${uuid}`)).toEqual([]);
  });

  it('finds a legacy Atlassian token (24 mixed characters) only where Jira, Confluence or Atlassian is named', () => {
    const token = gen.atlassianLegacy(r);
    expect(matches('secret.atlassian', `The Jira automation uses ${token}.`)).toEqual([token]);
    expect(matches('secret.atlassian', `The build uses ${token}.`)).toEqual([]);
  });

  it('finds a GCP service-account key id, in the JSON file and in prose', () => {
    const id = gen.gcpKeyId(r);
    expect(matches('secret.google', `{"type": "service_account", "private_key_id": "${id}"}`)).toEqual([id]);
    expect(matches('secret.google', `private_key_id ${id}`)).toEqual([id]);
    expect(matches('secret.google', `commit ${id}`)).toEqual([]);
  });
});
