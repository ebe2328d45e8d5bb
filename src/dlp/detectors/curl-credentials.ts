/**
 * Credentials in a curl command line (gitleaks' curl-auth-user and curl-auth-header rules):
 *   - `-u` / `--user` USER:PASSWORD: the password (or, for `-u TOKEN:`, the token), quoted or not;
 *   - `-H` / `--header` with an Authorization, Proxy-Authorization, *-Token, *-Key or *-Secret
 *     header: its value after any auth scheme, at 8 characters or more;
 * where the command starts with the word `curl` at most MAX_COMMAND characters before, across
 * continuation lines (a shell's "\" at the line end). Shell variables and placeholders
 * (`$TOKEN`, `${API_KEY}`, `<token>`, `YOUR_API_KEY`) are not secrets and are left alone.
 */
import type { Span } from '../types.js';
import { lineEndWithin } from './context.js';
import { isTemplateValue } from './template-values.js';

export const MAX_COMMAND = 2000;
const CURL = /(?<![A-Za-z0-9_-])curl(?![A-Za-z0-9_-])/g;
const USER = /(?:^|[ \t])(?:-u|--user)(?:=|[ \t]+)(?:"([^"\n]{1,256})"|'([^'\n]{1,256})'|([^\s"']{1,256}))/dg;
const HEADER =
  /(?:^|[ \t])(?:-H|--header)(?:=|[ \t]+)(["'])[ \t]*(?:authorization|proxy-authorization|[a-z0-9-]*(?:token|key|secret|auth))[ \t]*:[ \t]*(?:(?:bearer|basic|token|apikey|api-key|bot|sso-key)[ \t]+)?([^"'\s]{8,1024})[ \t]*\1/dgi;

/** The command text from each `curl` to the end of its (continued) line, bounded. */
function commands(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  CURL.lastIndex = 0;
  for (let m = CURL.exec(text); m !== null; m = CURL.exec(text)) {
    let end = m.index;
    const limit = Math.min(text.length, m.index + MAX_COMMAND);
    for (;;) {
      end = lineEndWithin(text, end, limit - end);
      if (end >= limit || !/\\\r?$/.test(text.slice(Math.max(m.index, end - 2), end))) break;
      end++;
    }
    out.push({ start: m.index, end });
    CURL.lastIndex = Math.max(CURL.lastIndex, end);
  }
  return out;
}

function secretSpan(offset: number, at: readonly [number, number] | undefined, value: string): Span | undefined {
  if (at === undefined || value.length === 0 || isTemplateValue(value) || new Set(value).size < 2) return undefined;
  return { start: offset + at[0], end: offset + at[1] };
}

export function detectCurlCredentials(text: string): Span[] {
  const out: Span[] = [];
  for (const c of commands(text)) {
    const command = text.slice(c.start, c.end).replace(/\\\r?\n/g, (s) => ' '.repeat(s.length));
    USER.lastIndex = 0;
    for (let m = USER.exec(command); m !== null; m = USER.exec(command)) {
      const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
      const credential = m[group] ?? '';
      const at = m.indices?.[group];
      if (at === undefined) continue;
      const colon = credential.indexOf(':');
      if (colon === -1) continue; // curl asks for the password
      const password = credential.slice(colon + 1);
      const span =
        password.length > 0
          ? secretSpan(c.start, [at[0] + colon + 1, at[1]], password)
          : secretSpan(c.start, [at[0], at[0] + colon], credential.slice(0, colon));
      if (span !== undefined) out.push(span);
    }
    HEADER.lastIndex = 0;
    for (let m = HEADER.exec(command); m !== null; m = HEADER.exec(command)) {
      const span = secretSpan(c.start, m.indices?.[2], m[2] ?? '');
      if (span !== undefined) out.push(span);
    }
  }
  return out;
}
