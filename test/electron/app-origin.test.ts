import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, parseAppUrl } from '../../electron/app-origin.js';

describe('parseAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/`,
    `${APP_ORIGIN}/assets/index-abc.js`,
    `${APP_ORIGIN}/index.html#/verify`,
    `${APP_ORIGIN}/x?y=1`,
  ])(
    'accepts %s on the app origin',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
    },
  );

  it('returns the parsed URL, path included', () => {
    expect(parseAppUrl(`${APP_ORIGIN}/assets/a.js?v=1`)?.pathname).toBe('/assets/a.js');
  });

  it.each([
    'app://clawproof.evil/',
    'app://evil.clawproof/',
    'app://clawproof@evil/',
    'app://user:pass@clawproof/',
    'app://clawproof:8080/',
    'app://CLAWPROOF/',
    'app://clawprooff/',
    'app:///clawproof/index.html',
    'app:clawproof/index.html',
    'apps://clawproof/',
    'https://clawproof/',
    'http://clawproof/index.html',
    'file:///clawproof/index.html',
    'devtools://devtools/bundled/inspector.html',
    'blob:app://clawproof/123e4567-e89b-12d3-a456-426614174000',
    'data:text/html,<p>hi</p>',
    'javascript:alert(1)',
    '',
    'not a url',
  ])('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, new URL(APP_ENTRY_URL)])('refuses the non-string %j', (value) => {
    expect(parseAppUrl(value)).toBeUndefined();
  });
});
