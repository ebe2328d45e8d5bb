import { createReadStream, type Stats } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isLoopbackHostHeader } from './loopback.js';
import { contentTypeFor } from './mime-types.js';
import { parseRequestPath } from './request-path.js';
import { resolveFile } from './resolve-file.js';
import { applySecurityHeaders } from './security-headers.js';

export interface StaticServerOptions {
  /** Folder to serve; must already exist. Only regular files inside it (after symlinks) are served. */
  readonly root: string;
  /** When false, requests must name a loopback host in their Host header (DNS-rebinding guard). */
  readonly allowRemote: boolean;
}

/** A read-only HTTP server for a built single-page app: GET and HEAD, no listings, no uploads. */
export async function createStaticServer(options: StaticServerOptions): Promise<Server> {
  const root = await realpath(options.root);
  return createServer((request, response) => {
    handle(request, response, root, options.allowRemote).catch(() => {
      if (!response.headersSent) sendText(response, request, 500, 'Internal server error.');
      else response.destroy();
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, root: string, allowRemote: boolean): Promise<void> {
  applySecurityHeaders(response);

  if (!allowRemote && !isLoopbackHostHeader(request.headers.host)) {
    sendText(response, request, 421, 'This server only answers requests addressed to localhost.');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, request, 405, 'Only GET and HEAD are supported.');
    return;
  }

  const target = parseRequestPath(request.url);
  switch (target.kind) {
    case 'bad-request':
      sendText(response, request, 400, target.reason);
      return;
    case 'forbidden':
      sendText(response, request, 403, target.reason);
      return;
    case 'hidden':
      sendText(response, request, 404, 'Not found.');
      return;
    case 'file':
      break;
  }

  const file = await resolveFile(root, target.segments, target.directory);
  if (file === undefined) {
    sendText(response, request, 404, 'Not found.');
    return;
  }
  await sendFile(request, response, file.path, file.stats, relative(root, file.path));
}


async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  stats: Stats,
  relativePath: string,
): Promise<void> {
  response.statusCode = 200;
  response.setHeader('Content-Type', contentTypeFor(path));
  response.setHeader('Content-Length', stats.size);
  response.setHeader('Cache-Control', cacheControlFor(relativePath));
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(createReadStream(path), response);
}

/** Vite's content-hashed files in assets/ never change; everything else is revalidated. */
function cacheControlFor(relativePath: string): string {
  return /^assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(relativePath)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

function sendText(response: ServerResponse, request: IncomingMessage, status: number, text: string): void {
  const body = `${text}\n`;
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.setHeader('Cache-Control', 'no-store');
  response.end(request.method === 'HEAD' ? undefined : body);
}


