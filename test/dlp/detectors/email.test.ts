import { describe, expect, it } from 'vitest';
import { matches } from '../helpers.js';

describe('pii.email', () => {
  it.each([
    'jane.doe@example.com',
    'JANE.DOE@EXAMPLE.COM',
    'j.doe+billing@mail.example.co.uk',
    'first_last-99@sub.domain.io',
    'müller@bücher.de',
    'o.lópez@correo.es',
    'x@y.museum',
  ])('finds %s', (email) => {
    expect(matches('pii.email', `Contact: ${email}, thanks.`)).toEqual([email]);
  });

  it.each([
    ['<$>', 'in angle brackets'],
    ['mailto:$', 'after mailto:'],
    ['($)', 'in parentheses'],
    ['"$"', 'in quotes'],
    ['$.', 'before a full stop'],
  ])('finds an address %s (%s)', (template) => {
    expect(matches('pii.email', template.replace('$', 'ana@example.org'))).toEqual(['ana@example.org']);
  });

  it('finds an ASCII address inside Japanese text without taking the surrounding characters', () => {
    expect(matches('pii.email', '連絡先はtaro.yamada@example.jpです。')).toEqual(['taro.yamada@example.jp']);
  });

  it.each([
    ['a retina image name', 'see logo@2x.png and icon@3x.webp'],
    ['a package version', 'npm i left-pad@1.3.0 and @scope/pkg@2.0.1'],
    ['a host without TLD', 'ssh root@localhost'],
    ['a mention', 'thanks @jane for the help'],
    ['a lone at-sign', 'meet me @ 5pm'],
    ['an address cut before its TLD', 'jane@example.'],
  ])('ignores %s', (_, text) => {
    expect(matches('pii.email', text)).toEqual([]);
  });
});
