import { describe, expect, it } from 'vitest';
import { detectUrlCredentials } from '../../../src/dlp/detectors/url-credentials.js';
import { BASE62, Rng } from '../helpers.js';

const r = new Rng(23);
const found = (text: string) => detectUrlCredentials(text).map((s) => text.slice(s.start, s.end));

describe('URL credentials', () => {
  it.each([
    ['postgres://admin:$@db.example.net/app', 'S3cr3t!'],
    ['redis://:$@cache:6379/0', 'p4ssw0rd'],
    ['amqp://lumora:$@mq.internal:5672/', '!i#boNkVo&9a9u'],
    ['https://ci:$@registry.example.net/v2/', 'Kestrel_1609?'],
    ['mongodb+srv://sync:$@cluster0.example.net/prod', 'p@ss@word1'],
  ])('finds the password in %s', (template, password) => {
    expect(found(`DSN ${template.replace('$', password)} end`)).toEqual([password]);
  });

  it('finds a token used as the user name', () => {
    const token = r.chars(BASE62, 32);
    expect(found(`git clone https://${token}@git.example.net/a/b.git`)).toEqual([token]);
  });

  it.each([
    ['a masked password', 'https://user:***@example.com/'],
    ['a shell variable', 'postgres://app:${DB_PASSWORD}@db:5432/app'],
    ['a placeholder', 'redis://:<password>@cache:6379'],
    ['a plain user name', 'ssh://git@github.example.net/a/b.git'],
    ['a port and an address in the query', 'https://host:8080?from=jane@example.com'],
    ['an address in the query', 'https://example.net/?email=jane@example.com'],
  ])('ignores %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });
});
