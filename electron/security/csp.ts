import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/cli/http/security-headers.js';

/**
 * The desktop window gets exactly the policy the `clawproof serve` command sends: everything from
 * 'self' (here `app://clawproof`), nothing inline, no eval, no plugins, no framing, no form posts.
 * One policy for both shells, so a page that works in one cannot quietly need more in the other.
 */
export const DESKTOP_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;

/** Headers on every response of the app protocol, the CSP among them. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': DESKTOP_CONTENT_SECURITY_POLICY,
  'Cache-Control': 'no-cache',
};
