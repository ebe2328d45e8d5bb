import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/core/json.js';
import { placer } from '../../../src/verify/checks/leak-place.js';

const DOC: JsonObject = { a: [{ 'b/s~x': { c: 'v' }, z: 1 }], 'secret name': 'x', m: 'y' };

describe('placer', () => {
  it('keeps every pointer when no member name is flagged', () => {
    expect(placer(DOC, [])('/a/0/b~1s~0x/c')).toEqual({ pointer: '/a/0/b~1s~0x/c', member: '' });
  });

  it('stops a place at or under a flagged name at the object holding it, naming the member by position', () => {
    const place = placer(DOC, ['/a/0/b~1s~0x', '/secret name']);
    expect(place('/a/0/b~1s~0x')).toEqual({ pointer: '/a/0', member: 'member 1 of 2 in document order, whose name is not repeated here' });
    expect(place('/a/0/b~1s~0x/c')).toEqual(place('/a/0/b~1s~0x'));
    // Root members in document order: "a", "m", "secret name".
    expect(place('/secret name')).toEqual({ pointer: '', member: 'member 3 of 3 in document order, whose name is not repeated here' });
    expect(place('/a/0/z')).toEqual({ pointer: '/a/0/z', member: '' });
    // A name that merely starts like a flagged one is not under it.
    expect(placer({ ab: 1, a: 2 }, ['/a'])('/ab')).toEqual({ pointer: '/ab', member: '' });
  });

  it('stops at the outermost flagged name when flagged names nest', () => {
    const doc: JsonObject = { outer: { inner: 'v' } };
    expect(placer(doc, ['/outer/inner', '/outer'])('/outer/inner')).toEqual({ pointer: '', member: 'member 1 of 1 in document order, whose name is not repeated here' });
  });
});
