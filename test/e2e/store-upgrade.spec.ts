/**
 * A newer Clawproof opening in a second tab while an older one holds the Library open. The
 * "newer" app is the real app built in a TEST-ONLY Vite mode that declares one schema version more
 * (support/next-schema-build.ts, src/ui/lib/app-store.ts); it is served to one page from the app's
 * own origin, so both tabs share the real IndexedDB of one browser context.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fixtureBundles, openVerify, ROOT, screenshot, seriousAxeFindings, verdictBanner, verifyDemo } from './support/app-page.js';
import { buildNextSchemaApp, serveNextSchema } from './support/next-schema-build.js';
import { nativeVersion, readRow } from './support/raw-indexeddb.js';
import { SCHEMA_VERSIONS } from '../../src/store/db.js';

/** IndexedDB's version of this build's schema, and of the test-only newer one (Dexie's times 10). */
const CURRENT = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version * 10;
const NEXT = CURRENT + 10;

const { good } = fixtureBundles();
const bundle = good.find((b) => b.name === 'tiny-example.clawproof') ?? good[0];
/** What the test-only upgrade writes, and a string no production file may contain. */
const UPGRADE_MARK = 'e2eNextSchemaUpgrade';

let nextApp = '';
test.beforeAll(async () => {
  test.setTimeout(120_000);
  nextApp = await buildNextSchemaApp();
});
test.afterAll(async () => {
  if (nextApp !== '') await rm(nextApp, { recursive: true, force: true });
});

const scripts = (dir: string): string[] => readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, 'assets', f), 'utf8'));
const library = (page: Page) => page.getByRole('list', { name: 'Bundles in the library' });
const updatedNotice = (page: Page) => page.getByRole('alert').filter({ hasText: 'Clawproof was updated in another tab' });
const waitingNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'Waiting for another Clawproof tab' });

test('the production build carries no trace of the test-only schema version', () => {
  expect(scripts(join(ROOT, 'dist', 'app')).filter((text) => text.includes(UPGRADE_MARK))).toEqual([]);
  expect(scripts(nextApp).some((text) => text.includes(UPGRADE_MARK))).toBe(true);
});

test('the older tab lets go and asks for a reload; the newer one upgrades and opens every stored bundle', async ({ context, page: older }, testInfo) => {
  test.skip(bundle === undefined, 'needs a good demo bundle');
  await openVerify(older);
  await verifyDemo(older, bundle!);
  await expect(older).toHaveURL(/#\/verify\/sha256:/);
  expect(await nativeVersion(older)).toBe(CURRENT);

  const newer = await context.newPage();
  await serveNextSchema(newer, nextApp);
  await newer.goto('/#/library');
  await expect(library(newer).getByRole('link')).toHaveText([bundle!.name]);
  expect(await nativeVersion(newer)).toBe(NEXT);
  expect(await readRow(newer, 'settings', UPGRADE_MARK)).toEqual({ key: UPGRADE_MARK, value: String(NEXT / 10) });
  await expect(waitingNotice(newer)).toHaveCount(0);
  await expect(updatedNotice(newer)).toHaveCount(0);

  // The older tab closed its connection (else the upgrade above would still be waiting) and says what to do.
  await expect(updatedNotice(older)).toContainText('Reload this page to carry on with the new version; nothing stored was lost.');
  await screenshot(older, testInfo, 'older-tab-superseded');
  expect(await seriousAxeFindings(older)).toEqual([]);
  // Its report stays on screen; what needs the library says why it cannot, instead of reopening it under the old schema.
  await expect(verdictBanner(older)).toHaveAttribute('data-verdict', 'valid');
  await older.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(older.getByRole('alert').filter({ hasText: 'Something went wrong with the library' })).toContainText(
    'a newer version of Clawproof opened in another tab and upgraded the library, so this tab let go of it. Reload this page',
  );

  // The newer tab works with the library as usual.
  await library(newer).getByRole('link', { name: bundle!.name }).click();
  await expect(verdictBanner(newer)).toHaveAttribute('data-verdict', 'valid');
  await expect(newer.getByTestId('from-cache')).toBeVisible();

  // Reloading the older tab loads the app the server now serves (the newer one), and it carries on.
  await serveNextSchema(older, nextApp);
  await updatedNotice(older).getByRole('button', { name: 'Reload this page' }).click();
  await expect(older.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(library(older).getByRole('link')).toHaveText([bundle!.name]);
  await expect(updatedNotice(older)).toHaveCount(0);
});

test('a tab that does not let go: the newer one says it is waiting, and carries on once released', async ({ context, page: older }, testInfo) => {
  test.skip(bundle === undefined, 'needs a good demo bundle');
  await openVerify(older);
  await verifyDemo(older, bundle!);
  // A connection at the current schema that ignores versionchange, as a tab in the middle of
  // something or a build without the handler would: opened with the raw API, never closed by itself.
  await older.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('clawproof');
        request.onsuccess = () => {
          (window as unknown as { __holder: IDBDatabase }).__holder = request.result;
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
  );

  const newer = await context.newPage();
  await serveNextSchema(newer, nextApp);
  await newer.goto('/#/library');
  await expect(waitingNotice(newer)).toContainText('Close or reload the other Clawproof tabs; this page carries on by itself as soon as they let go.');
  await expect(newer.getByRole('status').filter({ hasText: 'Reading the library…' })).toBeVisible();
  await screenshot(newer, testInfo, 'newer-tab-waiting');
  expect(await seriousAxeFindings(newer)).toEqual([]);
  // The app's own connection in the older tab let go at once; only the raw one holds on.
  await expect(updatedNotice(older)).toBeVisible();

  await older.evaluate(() => (window as unknown as { __holder: IDBDatabase }).__holder.close());
  await expect(waitingNotice(newer)).toHaveCount(0);
  await expect(library(newer).getByRole('link')).toHaveText([bundle!.name]);
  expect(await nativeVersion(newer)).toBe(NEXT);
});
