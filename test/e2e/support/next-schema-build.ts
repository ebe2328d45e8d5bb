/**
 * TEST ONLY: "a newer Clawproof" for the upgrade test. The app built in the Vite mode
 * NEXT_SCHEMA_TEST_MODE declares one schema version more than the production build (see
 * src/ui/lib/app-store.ts); `serveNextSchema` makes one page load that build from the app's own
 * origin, so it shares the real IndexedDB of the tabs that run the production build.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { contentTypeFor } from '../../../src/cli/http/mime-types.js';
import { SECURITY_HEADERS } from '../../../src/cli/http/security-headers.js';
import { NEXT_SCHEMA_TEST_MODE } from '../../../src/ui/lib/test-modes.js';
import { ROOT } from './app-page.js';

/** Builds the app in the test mode into a fresh temp folder and returns the folder. */
export async function buildNextSchemaApp(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'clawproof-next-schema-'));
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    mode: NEXT_SCHEMA_TEST_MODE,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/**
 * From now on `page` gets the app's files from `dir` (the newer build), with the headers the
 * real server sends; anything the build lacks still comes from the server.
 */
export async function serveNextSchema(page: Page, dir: string): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const file = normalize(join(dir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return route.continue();
    await route.fulfill({ path: file, headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file), 'cache-control': 'no-store' } });
  });
}
