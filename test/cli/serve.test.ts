import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, requireBuilt, runCli, startServer, type RunningServer } from './built-cli.js';

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * A request with the path sent byte for byte: fetch() and URL would normalise `..` away before
 * the server ever saw it, which is exactly what an attacker's client does not do.
 */
function rawRequest(server: RunningServer, path: string, init: { method?: string; host?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: server.url.hostname,
        port: server.url.port,
        path,
        method: init.method ?? 'GET',
        headers: { host: init.host ?? server.url.host },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function cspDirectives(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '');
}

beforeAll(() => requireBuilt('dist/app/index.html'));

describe('clawproof serve: the built app', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(['--port', '0']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('listens on 127.0.0.1 and prints the real port when asked for port 0', () => {
    expect(server.url.hostname).toBe('127.0.0.1');
    expect(Number(server.url.port)).toBeGreaterThan(0);
    expect(server.url.pathname).toBe('/');
  });

  it('serves dist/app/index.html at / as UTF-8 HTML over real HTTP', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(readFileSync(join(REPO_ROOT, 'dist/app/index.html'), 'utf8'));
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const path of ['/', '/no-such-file']) {
      const response = await fetch(new URL(path, server.url));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      const csp = cspDirectives(response.headers.get('content-security-policy') ?? '');
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp.join(';')).not.toContain('unsafe-');
    }
  });

  it("sends the same CSP as index.html's meta tag, plus frame-ancestors", async () => {
    const response = await fetch(server.url);
    const html = await response.text();
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta, 'index.html has a CSP meta tag').toBeDefined();
    const header = cspDirectives(response.headers.get('content-security-policy') ?? '');
    expect(header).toEqual([...cspDirectives(meta ?? ''), "frame-ancestors 'none'"]);
  });

  it('serves every built asset with its MIME type and a long cache for hashed names', async () => {
    const assets = readdirSync(join(REPO_ROOT, 'dist/app/assets'));
    const expected: Record<string, string> = {
      js: 'text/javascript; charset=utf-8',
      css: 'text/css; charset=utf-8',
      svg: 'image/svg+xml',
    };
    expect(assets.some((name) => name.endsWith('.js'))).toBe(true);
    for (const name of assets) {
      const extension = name.split('.').pop() ?? '';
      const response = await fetch(new URL(`assets/${name}`, server.url));
      expect(response.status, name).toBe(200);
      if (expected[extension] !== undefined) expect(response.headers.get('content-type'), name).toBe(expected[extension]);
      expect(response.headers.get('cache-control'), name).toContain('immutable');
      expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(REPO_ROOT, 'dist/app/assets', name)))).toBe(true);
    }
  });

  it('answers 404 for files that do not exist and for folders, with no listing', async () => {
    for (const path of ['/no-such-file.js', '/assets/', '/assets']) {
      const response = await rawRequest(server, path);
      expect(response.status, path).toBe(404);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.body).not.toMatch(/index-|\.js|\.css/);
    }
  });

  it('answers HEAD with headers only and refuses other methods with 405', async () => {
    const head = await rawRequest(server, '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await rawRequest(server, '/', { method });
      expect(response.status, method).toBe(405);
      expect(response.headers['allow']).toBe('GET, HEAD');
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding) with 421', async () => {
    const rebound = await rawRequest(server, '/', { host: `attacker.example:${server.url.port}` });
    expect(rebound.status).toBe(421);
    const localhost = await rawRequest(server, '/', { host: `localhost:${server.url.port}` });
    expect(localhost.status).toBe(200);
  });

  it('says clearly and exits 1 when the port is already taken', async () => {
    const result = await runCli(['serve', '--port', server.url.port]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Port ${server.url.port} on 127.0.0.1 is already in use`);
  });

  it('stops cleanly with status 0 on SIGTERM', async () => {
    const other = await startServer(['--port', '0']);
    expect(await other.stop()).toBe(0);
  });
});

describe('clawproof serve --root: nothing outside the served folder is reachable', () => {
  const SECRET = 'secret-outside-the-served-folder';
  let folder: string;
  let server: RunningServer;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'clawproof-serve-'));
    const site = join(folder, 'site');
    mkdirSync(join(site, 'sub'), { recursive: true });
    mkdirSync(join(site, '.git'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>site</title>');
    writeFileSync(join(site, 'sub', 'page.txt'), 'inside');
    writeFileSync(join(site, '.env'), SECRET);
    writeFileSync(join(site, '.git', 'config'), SECRET);
    writeFileSync(join(folder, 'secret.txt'), SECRET);
    symlinkSync(join(folder, 'secret.txt'), join(site, 'escape.txt'));
    symlinkSync(folder, join(site, 'escape-dir'));
    server = await startServer(['--port', '0', '--root', site]);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves files inside the folder', async () => {
    const response = await rawRequest(server, '/sub/page.txt');
    expect(response.status).toBe(200);
    expect(response.body).toBe('inside');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it.each([
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/sub/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/sub/..\\..\\secret.txt',
    '/secret.txt%00.html',
    '/C:%5cWindows',
  ])('refuses the traversal %s without revealing the file', async (path) => {
    const response = await rawRequest(server, path);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
  });

  it('answers 400 for a path that is not valid percent-encoding', async () => {
    const response = await rawRequest(server, '/%E0%A4%A');
    expect(response.status).toBe(400);
  });

  it.each(['/escape.txt', '/escape-dir/secret.txt', '/.env', '/.git/config', '/sub/%2e/../.env'])(
    'does not follow symlinks out of the folder nor serve dot files: %s',
    async (path) => {
      const response = await rawRequest(server, path);
      expect([403, 404]).toContain(response.status);
      expect(response.body).not.toContain(SECRET);
    },
  );

  it('exits 1 with a clear message when the folder has no index.html', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'clawproof-empty-'));
    try {
      const result = await runCli(['serve', '--port', '0', '--root', empty]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('index.html is missing. Run `npm run build` first.');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
