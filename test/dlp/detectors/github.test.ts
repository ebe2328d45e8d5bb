import { describe, expect, it } from 'vitest';
import { BASE62, Rng, fake, matches } from '../helpers.js';

const r = new Rng(2);

describe('secret.github', () => {
  it.each(['ghp', 'gho', 'ghu', 'ghs', 'ghr'] as const)('finds a classic %s_ token', (prefix) => {
    const token = fake.github(r, prefix);
    expect(matches('secret.github', `GITHUB_TOKEN=${token}\n`)).toEqual([token]);
    expect(matches('secret.github', `(${token})`)).toEqual([token]);
  });

  it('finds a fine-grained github_pat_ token', () => {
    const token = fake.githubFineGrained(r);
    expect(matches('secret.github', `use ${token} for CI`)).toEqual([token]);
  });

  it('finds a longer classic token whole (future formats)', () => {
    const token = `ghs_${r.chars(BASE62, 60)}`;
    expect(matches('secret.github', token)).toEqual([token]);
  });

  it.each([
    ['a 35-character body', `ghp_${'a'.repeat(35)}`],
    ['the bare prefix in prose', 'create a ghp_ token in settings'],
    ['a prefix glued to a word', `xghp_${'a1'.repeat(18)}`],
    ['an unknown type letter', `ghx_${'a1'.repeat(18)}`],
    ['a too short fine-grained token', `github_pat_${'a'.repeat(21)}`],
  ])('ignores %s', (_, text) => {
    expect(matches('secret.github', text)).toEqual([]);
  });
});
