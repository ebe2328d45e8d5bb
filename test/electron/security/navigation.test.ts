import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender } from '../../../electron/security/navigation.js';

describe('isAllowedNavigation', () => {
  it.each(['app://clawproof/index.html', 'app://clawproof/', 'app://clawproof/index.html#/library'])(
    'lets the page move within the app: %s',
    (url) => {
      expect(isAllowedNavigation(url)).toBe(true);
    },
  );

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4173/',
    'file:///etc/passwd',
    'file:///home/auditor/bundle.clawproof',
    'javascript:alert(document.domain)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'blob:app://clawproof/0b7a4c2e-0000-4000-8000-000000000000',
    'devtools://devtools/bundled/devtools_app.html',
    'chrome://settings',
    'app://clawproof.attacker.example/',
    'app://clawproof@attacker.example/',
    'ws://127.0.0.1/',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const trusted = { frameUrl: 'app://clawproof/index.html', isMainFrame: true, fromAppWindow: true };

  it('trusts the top frame of the app window showing the app', () => {
    expect(isTrustedSender(trusted)).toBe(true);
  });

  it('refuses a sub-frame, even one on the app origin', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
  });

  it('refuses another window', () => {
    expect(isTrustedSender({ ...trusted, fromAppWindow: false })).toBe(false);
  });

  it.each([null, undefined, '', 'https://example.com/', 'file:///tmp/x.html', 'app://clawproof.evil/'])(
    'refuses a frame at %j',
    (frameUrl) => {
      expect(isTrustedSender({ ...trusted, frameUrl })).toBe(false);
    },
  );
});
