import { describe, expect, it } from 'vitest';
import { parseRequestPath } from '../../../src/cli/http/request-path.js';

describe('parseRequestPath', () => {
  it('splits a plain path into decoded segments and drops the query and fragment', () => {
    expect(parseRequestPath('/assets/a%20b.js?v=1#x')).toEqual({ kind: 'file', segments: ['assets', 'a b.js'], directory: false });
  });

  it('marks paths ending in a slash as folders and maps / to the root', () => {
    expect(parseRequestPath('/')).toEqual({ kind: 'file', segments: [], directory: true });
    expect(parseRequestPath('/assets/')).toEqual({ kind: 'file', segments: ['assets'], directory: true });
  });

  it('ignores empty and "." segments, which cannot leave the folder', () => {
    expect(parseRequestPath('//a/./b')).toEqual({ kind: 'file', segments: ['a', 'b'], directory: false });
  });

  it.each(['/..', '/a/../../b', '/%2e%2e/b', '/%2E%2e/b', '/a/..?q'])('forbids the parent segment in %s', (target) => {
    expect(parseRequestPath(target).kind).toBe('forbidden');
  });

  it.each(['/a%2fb', '/a%2F..%2Fb', '/a%5cb', '/..%5cb', '/a%00.html', '/C:%5cx', '/c:x'])(
    'forbids separators, NUL and drive letters smuggled in one segment: %s',
    (target) => {
      expect(parseRequestPath(target).kind).toBe('forbidden');
    },
  );

  it.each(['/.env', '/.git/config', '/a/.hidden/b', '/%2egit/config'])('hides dot files and folders: %s', (target) => {
    expect(parseRequestPath(target)).toEqual({ kind: 'hidden' });
  });

  it.each([undefined, '', '*', 'http://example.com/', 'index.html'])('rejects the non-path target %j', (target) => {
    expect(parseRequestPath(target).kind).toBe('bad-request');
  });

  it.each(['/%', '/%zz', '/%E0%A4%A', '/%C0%AF', '/%ED%A0%80'])('rejects invalid percent-encoding or UTF-8: %s', (target) => {
    expect(parseRequestPath(target).kind).toBe('bad-request');
  });
});
