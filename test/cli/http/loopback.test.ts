import { describe, expect, it } from 'vitest';
import { formatHostPort, isLoopbackHost, isLoopbackHostHeader } from '../../../src/cli/http/loopback.js';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])(
    'accepts the loopback address %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['0.0.0.0', '::', '128.0.0.1', '192.168.1.1', '10.0.0.1', '::2', '::ffff:10.0.0.1', 'example.com', 'localhost.evil.example', ''])(
    'refuses %j',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );
});

describe('isLoopbackHostHeader', () => {
  it.each(['127.0.0.1:4173', 'localhost:4173', 'localhost', '[::1]:4173'])('accepts %s', (header) => {
    expect(isLoopbackHostHeader(header)).toBe(true);
  });

  it.each([undefined, '', 'evil.example:4173', '127.0.0.1.nip.io:4173', 'a b', '127.0.0.1:4173@evil.example'])(
    'refuses %j',
    (header) => {
      expect(isLoopbackHostHeader(header)).toBe(false);
    },
  );
});

describe('formatHostPort', () => {
  it('brackets IPv6 addresses only', () => {
    expect(formatHostPort('127.0.0.1', 80)).toBe('127.0.0.1:80');
    expect(formatHostPort('::1', 80)).toBe('[::1]:80');
    expect(formatHostPort('localhost', 80)).toBe('localhost:80');
  });
});
