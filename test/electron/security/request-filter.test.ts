import { describe, expect, it } from 'vitest';
import { isRequestAllowed } from '../../../electron/security/request-filter.js';

const production = { allowDevtools: false };
const development = { allowDevtools: true };

describe('isRequestAllowed', () => {
  it.each(['app://clawproof/index.html', 'app://clawproof/assets/index-Dk3j2mQx.js', 'app://clawproof/assets/font.woff2'])(
    'lets the app load its own file %s',
    (url) => {
      expect(isRequestAllowed(url, production)).toBe(true);
    },
  );

  it.each([
    'https://fonts.googleapis.com/css2?family=Inter',
    'http://localhost:5173/@vite/client',
    'http://127.0.0.1:4173/',
    'ws://localhost:5173/',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/hosts',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://clawproof/0b7a4c2e-0000-4000-8000-000000000000',
    'app://clawproof.example.com/x.js',
    'app://other/index.html',
    'chrome-extension://abcdefghijklmnop/x.js',
    'not a url',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url, production)).toBe(false);
    expect(isRequestAllowed(url, development)).toBe(false);
  });

  it('allows the DevTools front end in development only', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(isRequestAllowed(url, development)).toBe(true);
    expect(isRequestAllowed(url, production)).toBe(false);
  });

  it('does not take a devtools lookalike for DevTools', () => {
    expect(isRequestAllowed('https://devtools/bundled/x.js', development)).toBe(false);
    expect(isRequestAllowed('http://example.com/devtools://x', development)).toBe(false);
  });

  it.each([undefined, null, 1, {}])('cancels the non-string %j', (url) => {
    expect(isRequestAllowed(url, development)).toBe(false);
  });
});
