/**
 * Credentials in a URL's userinfo (RFC 3986 section 3.2.1, scheme://user:password@host):
 *   - the password, with or without a user (`redis://:p4ss@cache:6379`), up to the last '@'
 *     before the path, so a password holding an unescaped '@', '#' or '?' is covered whole (RFC
 *     3986 wants them percent-encoded; people paste them raw);
 *   - a user part with no password that is itself a token (`https://<token>@github.com/…`), when
 *     it clears the key bar.
 * Not matched: a password that is one repeated character (`***`, `x`), a template or variable
 * (`${DB_PASSWORD}`, `$PASS`, `<password>`, `%s`, `{{ .Values.pw }}`), which hold no secret, and a
 * port followed by a query ("host:8080?from=a@b" has no userinfo).
 */
import type { Span } from '../types.js';
import { passesKeyBar } from './secret-bars.js';
import { isTemplateValue } from './template-values.js';

// Anchored on "://" with the scheme (RFC 3986 section 3.1) read back in a lookbehind.
const URL_AUTHORITY = /:\/\/(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)([^\s/[\]"'<>`]{1,512})/dg;
const PORT_THEN_QUERY = /^[0-9]{1,5}(?:[?#]|$)/;

function isSecretValue(value: string): boolean {
  return value.length > 0 && new Set(value).size > 1 && !isTemplateValue(value) && !PORT_THEN_QUERY.test(value);
}

export function detectUrlCredentials(text: string): Span[] {
  const out: Span[] = [];
  URL_AUTHORITY.lastIndex = 0;
  for (let m = URL_AUTHORITY.exec(text); m !== null; m = URL_AUTHORITY.exec(text)) {
    const authority = m[1] ?? '';
    const at = authority.lastIndexOf('@');
    if (at <= 0) continue;
    const start = m.indices?.[1]?.[0] ?? 0;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = colon === -1 ? userinfo : userinfo.slice(0, colon);
    if (/[?#]/.test(user)) continue; // a query or fragment, not userinfo
    if (colon === -1) {
      if (passesKeyBar(userinfo)) out.push({ start, end: start + at });
    } else if (isSecretValue(userinfo.slice(colon + 1))) {
      out.push({ start: start + colon + 1, end: start + at });
    }
  }
  return out;
}
