import { isAppUrl } from '../app-origin.js';

export interface RequestFilterOptions {
  /** Development builds only: the DevTools front end loads from devtools://. */
  readonly allowDevtools: boolean;
}

/**
 * `session.webRequest.onBeforeRequest`: the offline promise, enforced. Every request the window
 * makes must be for the app's own origin; http(s), ws(s), ftp, file:, data:, blob: and any other
 * scheme are cancelled before Chromium sends or reads anything. The CSP says the same from inside
 * the page; this holds even if the page's policy were weakened.
 */
export function isRequestAllowed(url: unknown, options: RequestFilterOptions): boolean {
  if (isAppUrl(url)) return true;
  return options.allowDevtools && typeof url === 'string' && isDevtoolsUrl(url);
}

function isDevtoolsUrl(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'devtools:';
  } catch {
    return false;
  }
}
