import { describe, expect, it } from 'vitest';
import { Rng, fake, matches } from '../helpers.js';

const r = new Rng(3);

describe('secret.slack', () => {
  it.each(['xoxb', 'xoxp', 'xoxa', 'xoxr'] as const)('finds a %s- token', (prefix) => {
    const token = fake.slack(r, prefix);
    expect(matches('secret.slack', `SLACK_TOKEN: ${token}`)).toEqual([token]);
  });

  it('finds an xapp- token including its 64-hex secret part', () => {
    const token = fake.slackApp(r);
    expect(matches('secret.slack', `app token ${token} here`)).toEqual([token]);
  });

  it('finds an incoming-webhook URL whole', () => {
    const url = fake.slackWebhook(r);
    expect(matches('secret.slack', `post to ${url} please`)).toEqual([url]);
    const bare = url.replace('https://', '');
    expect(matches('secret.slack', `post to ${bare}.`)).toEqual([bare]);
  });

  it.each([
    ['a bare prefix', 'use an xoxb- token'],
    ['a too short token', 'xoxb-1234'],
    ['a prefix glued to a word', `axoxb-${'1'.repeat(20)}`],
    ['the Slack help site', 'see https://slack.com/help/articles/123 and hooks.slack.com/apps'],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.slack', text)).toEqual([]);
  });
});
