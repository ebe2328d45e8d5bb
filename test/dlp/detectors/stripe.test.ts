import { describe, expect, it } from 'vitest';
import { Rng, fake, matches } from '../helpers.js';

const r = new Rng(4);

describe('secret.stripe', () => {
  it.each([
    ['sk', 'live'],
    ['sk', 'test'],
    ['rk', 'live'],
    ['rk', 'test'],
  ] as const)('finds a %s_%s_ key', (kind, mode) => {
    const key = fake.stripe(r, kind, mode);
    expect(matches('secret.stripe', `STRIPE_KEY=${key}`)).toEqual([key]);
  });

  it('finds a webhook signing secret', () => {
    const secret = fake.stripeWebhook(r);
    expect(matches('secret.stripe', `endpoint secret ${secret}.`)).toEqual([secret]);
  });

  it.each([
    ['a publishable key (public by design)', `pk_live_${'a1B2'.repeat(6)}`],
    ['a too short key', 'sk_live_abc123'],
    ['an unknown mode', `sk_prod_${'a1B2'.repeat(6)}`],
    ['a key glued to a word', `ask_live_${'a1B2'.repeat(6)}`],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.stripe', text)).toEqual([]);
  });
});
