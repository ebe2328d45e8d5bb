import { describe, expect, it } from 'vitest';
import { findAssignments } from '../../../src/dlp/detectors/assignments.js';

const pairs = (text: string) => findAssignments(text).map((a) => [a.name, text.slice(a.value.start, a.value.end)]);

describe('assignments', () => {
  it('read a name, a sign and a quoted or bare value', () => {
    expect(pairs('db_password = "Sommer 2024"; api-key: abc123')).toEqual([
      ['db_password', 'Sommer 2024'],
      ['api-key', 'abc123'],
    ]);
  });

  it('take the value from the next line when nothing follows the sign', () => {
    expect(pairs('Password:\n  Summer2024!\nThanks')).toEqual([['Password', 'Summer2024!']]);
    expect(pairs('client_secret:\n  "abc123"\n')).toEqual([['client_secret', 'abc123']]);
    // A next line that is a sentence is not a value.
    expect(pairs('Steps to reproduce:\nopen the app and log in')).toEqual([]);
  });

  it('follow a long machine value over a line break, in quotes or not', () => {
    const key = '0123456789abcdef0123456789abcdef';
    expect(pairs(`token: ${key.slice(0, 20)}\n    ${key.slice(20)}\nnext`)).toEqual([['token', `${key.slice(0, 20)}\n    ${key.slice(20)}`]]);
    expect(pairs(`api_key = "${key.slice(0, 20)}\n  ${key.slice(20)}"`)).toEqual([['api_key', `${key.slice(0, 20)}\n  ${key.slice(20)}`]]);
    // A short value ending its line does not swallow the next one.
    expect(pairs('pw: abc\n12345678ab')).toEqual([['pw', 'abc']]);
  });

  it('read a two-column table row as an assignment', () => {
    expect(pairs('| name | value |\n|---|---|\n| DB_PASSWORD | Sommer2024! |')).toEqual([
      ['name', 'value'],
      ['DB_PASSWORD', 'Sommer2024!'],
    ]);
  });

  it('are read once per text (all detectors share them)', () => {
    const text = 'token: abc123 and key=xyz';
    expect(findAssignments(text)).toBe(findAssignments(text));
  });
});
