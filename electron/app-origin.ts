/**
 * The app's own origin. The window loads the built app from `app://clawproof/`, served by the main
 * process from dist/app: not file:// (which would give the page every file on disk as same-origin
 * and no way to send headers) and never a dev server.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'clawproof';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: parsed like http (host, path, relative URLs, origin-based storage such as IndexedDB);
 * secure: a secure context, as https would be; supportFetchAPI: fetch() of the app's own files.
 * No service workers, no CSP bypass, no CORS from other origins, no extensions.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
} as const;

/**
 * The URL when it is exactly on the app's origin, otherwise undefined. Compares the parsed parts,
 * never prefixes, so `app://clawproof.evil/`, `app://clawproof@evil/` and `app://clawproof:1/`
 * are all outside.
 */
export function parseAppUrl(raw: unknown): URL | undefined {
  if (typeof raw !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const sameOrigin =
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === '';
  return sameOrigin ? url : undefined;
}

export function isAppUrl(raw: unknown): boolean {
  return parseAppUrl(raw) !== undefined;
}
