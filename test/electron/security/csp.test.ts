import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS, DESKTOP_CONTENT_SECURITY_POLICY } from '../../../electron/security/csp.js';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name !== undefined && name !== '') map.set(name, sources);
  }
  return map;
}

const policy = directives(DESKTOP_CONTENT_SECURITY_POLICY);

describe('the desktop Content-Security-Policy', () => {
  it("denies everything by default", () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it("allows no source but 'self' or 'none' in any directive: no hosts, schemes, inline or eval", () => {
    for (const [name, sources] of policy) {
      for (const source of sources) expect([name, source]).toEqual([name, expect.stringMatching(/^'(?:self|none)'$/u)]);
    }
  });

  it.each(['script-src', 'style-src', 'connect-src', 'img-src', 'font-src', 'worker-src'])('restricts %s to the app', (name) => {
    expect(policy.get(name)).toEqual(["'self'"]);
  });

  it.each(['object-src', 'base-uri', 'form-action', 'frame-ancestors'])('shuts %s', (name) => {
    expect(policy.get(name)).toEqual(["'none'"]);
  });

  it("is at least as strict as index.html's own policy: every directive of the page is in the header, unchanged", () => {
    const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html)?.[1];
    expect(meta).toBeDefined();
    for (const [name, sources] of directives(meta ?? '')) expect(policy.get(name)).toEqual(sources);
  });

  it('goes out on every app response with nosniff and no framing', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(APP_RESPONSE_HEADERS['X-Frame-Options']).toBe('DENY');
  });
});
