import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppFileResponder, type AppFileResponder } from '../../../electron/protocol/app-files.js';
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../../../electron/security/csp.js';

let base: string;
let respond: AppFileResponder;

const get = (url: string) => respond({ url, method: 'GET' });

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'clawproof-protocol-'));
  const root = join(base, 'app');
  await mkdir(join(root, 'assets'), { recursive: true });
  await mkdir(join(root, 'docs'));
  await mkdir(join(root, '.git'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'assets', 'index-Ab12Cd34.js'), 'export {};');
  await writeFile(join(root, 'assets', 'style.css'), 'body{}');
  await writeFile(join(root, 'assets', 'blob.unknownext'), 'x');
  await writeFile(join(root, 'docs', 'index.html'), '<p>docs</p>');
  await writeFile(join(root, '.git', 'config'), '[core]');
  await writeFile(join(root, '.env'), 'SECRET=1');
  await writeFile(join(base, 'outside.txt'), 'outside the app folder');
  await symlink(join(base, 'outside.txt'), join(root, 'assets', 'escape.txt'));
  await symlink(join(root, 'assets', 'style.css'), join(root, 'assets', 'alias.css'));
  respond = await createAppFileResponder(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the app:// protocol responder', () => {
  it('serves index.html for the origin root, as HTML with the CSP', async () => {
    const response = await get('app://clawproof/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it.each([
    ['app://clawproof/assets/index-Ab12Cd34.js', 'text/javascript; charset=utf-8', 'export {};'],
    ['app://clawproof/assets/style.css?v=2', 'text/css; charset=utf-8', 'body{}'],
    ['app://clawproof/assets/blob.unknownext', 'application/octet-stream', 'x'],
    ['app://clawproof/docs/', 'text/html; charset=utf-8', '<p>docs</p>'],
    ['app://clawproof/docs', 'text/html; charset=utf-8', '<p>docs</p>'],
    ['app://clawproof/assets/alias.css', 'text/css; charset=utf-8', 'body{}'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it.each([
    'app://clawproof/%2e%2e/outside.txt',
    'app://clawproof/assets/%2E%2E/%2E%2E/outside.txt',
    'app://clawproof/../outside.txt',
  ])(
    'keeps %s inside the folder (URL parsing resolves the dots against the root)',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('outside the app folder');
    },
  );

  it.each([
    'app://clawproof/assets/..%2f..%2foutside.txt',
    'app://clawproof/assets/..%5c..%5coutside.txt',
    'app://clawproof/C:%5cWindows%5cwin.ini',
    'app://clawproof/index.html%00.png',
  ])('refuses the traversal %s without reading outside the folder', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the app folder');
  });

  it('does not follow a symlink out of the folder', async () => {
    const response = await get('app://clawproof/assets/escape.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the app folder');
  });

  it.each(['app://clawproof/.env', 'app://clawproof/.git/config', 'app://clawproof/assets/.hidden'])(
    'hides dot files: %s',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );

  it.each(['app://clawproof/missing.js', 'app://clawproof/index.html/', 'app://clawproof/assets/'])(
    'answers 404 for %s (no listings, no file as a folder)',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );

  it.each(['app://other/index.html', 'app://clawproof.evil/index.html', 'https://clawproof/index.html'])(
    'serves nothing for another origin: %s',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );

  it('answers 400 for a path that is not valid percent-encoding', async () => {
    expect((await get('app://clawproof/%E0%A4%A.js')).status).toBe(400);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s with 405 and Allow', async (method) => {
    const response = await respond({ url: 'app://clawproof/index.html', method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await respond({ url: 'app://clawproof/index.html', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('sends the CSP on error answers too', async () => {
    const response = await get('app://clawproof/missing.js');
    expect(response.headers.get('content-security-policy')).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});
