import { realpath } from 'node:fs/promises';
import { contentTypeFor } from '../../src/cli/http/mime-types.js';
import { parseRequestPath } from '../../src/cli/http/request-path.js';
import { resolveFile } from '../../src/cli/http/resolve-file.js';
import { readBounded } from '../../src/node/read-bounded.js';
import { parseAppUrl } from '../app-origin.js';
import { APP_RESPONSE_HEADERS } from '../security/csp.js';

export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export type AppFileResponder = (request: AppRequest) => Promise<Response>;

/** Largest file of the built app served (its biggest bundle is a few MiB); a larger one is a 500. */
export const MAX_APP_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The handler behind `protocol.handle('app', ...)`: serves the built app's files, read-only, from
 * `root` (dist/app). Only regular files inside the folder after symlinks, never a listing, never
 * a dot file, with the type from the file's extension (and nosniff) and the CSP on every answer.
 */
export async function createAppFileResponder(root: string): Promise<AppFileResponder> {
  const realRoot = await realpath(root);
  // A read error (the file vanished, permissions) is an answer, not an unhandled rejection.
  return (request) => respond(realRoot, request).catch(() => text(500, 'The file could not be read.'));
}

async function respond(root: string, request: AppRequest): Promise<Response> {
  const url = parseAppUrl(request.url);
  // Another host on the app's scheme (app://elsewhere/) names nothing the app ships.
  if (url === undefined) return text(404, 'Not found.');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return text(405, 'Only GET and HEAD are supported.', { Allow: 'GET, HEAD' });
  }

  const target = parseRequestPath(url.pathname);
  switch (target.kind) {
    case 'bad-request':
      return text(400, target.reason);
    case 'forbidden':
      return text(403, target.reason);
    case 'hidden':
      return text(404, 'Not found.');
    case 'file':
      break;
  }

  const file = await resolveFile(root, target.segments, target.directory);
  if (file === undefined) return text(404, 'Not found.');
  const { path } = file;
  const body = request.method === 'HEAD' ? null : await readBounded(path, { maxBytes: MAX_APP_FILE_BYTES, what: 'app file', pipes: false });
  return new Response(body, {
    status: 200,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': contentTypeFor(path) },
  });
}

function text(status: number, message: string, extra: Readonly<Record<string, string>> = {}): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { ...APP_RESPONSE_HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
