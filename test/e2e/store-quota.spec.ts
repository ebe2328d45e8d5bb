/**
 * A full disk, for real: Chromium's own quota check refuses the write with QuotaExceededError.
 * Nothing in IndexedDB is patched; the origin's quota is set through DevTools
 * (Storage.overrideQuotaForOrigin).
 *
 * What was found getting there (Chromium 156): the quota is read when the origin first uses
 * IndexedDB in a browser context and then cached, so an override set after the app opened its
 * database has no effect on its writes (why an earlier forced-error version of this test thought
 * the override did nothing); and a write is admitted on its uncompressed size, while usage grows
 * by the compressed size. So the override is set before the app loads, to the usage two small
 * bundles take (measured in a context of its own) plus 1 MB, and the write that must fail is a
 * bundle of several MB.
 */
import { readFileSync, statSync } from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { bundleOfTickets } from './support/app-large-bundle.js';
import { fixtureBundles, openVerify, screenshot, verdictBanner, verifyDemo, verifyFile, type FixtureBundle } from './support/app-page.js';
import { countRows } from './support/raw-indexeddb.js';

const { good } = fixtureBundles();
const small = good.find((b) => b.name === 'tiny-example.clawproof');
const medium = good.find((b) => b.name === 'routing-local.clawproof');
const MARGIN = 1024 * 1024;

test.beforeEach(() => {
  test.skip(small === undefined || medium === undefined, 'needs the tiny-example and routing-local demo bundles');
});

async function keep(page: Page, bundle: FixtureBundle): Promise<void> {
  await page.goto('/#/verify');
  await verifyDemo(page, bundle);
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
}

async function usageOf(context: BrowserContext, page: Page, origin: string): Promise<number> {
  const cdp = await context.newCDPSession(page);
  const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin })) as { usage: number };
  await cdp.detach();
  return usage;
}

/** IndexedDB usage once the two demo bundles are stored, in a fresh context with no override. */
async function usageOfTwo(browser: Browser, baseURL: string): Promise<number> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await openVerify(page);
  await keep(page, small!);
  await keep(page, medium!);
  const usage = await usageOf(context, page, new URL(baseURL).origin);
  await context.close();
  return usage;
}

test('a full disk: the report still shows, the page says it was not kept and what to do, and nothing stored is lost', async ({ browser, context, page, baseURL }, testInfo) => {
  test.setTimeout(180_000);
  const bigPath = await bundleOfTickets(400);
  const big = { name: 'big.clawproof', mimeType: 'application/json', buffer: readFileSync(bigPath) };
  expect(statSync(bigPath).size).toBeGreaterThan(2 * MARGIN);

  const origin = new URL(baseURL!).origin;
  const quotaSize = (await usageOfTwo(browser, baseURL!)) + MARGIN;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });

  await openVerify(page);
  await keep(page, small!);
  await keep(page, medium!);
  expect(await cdp.send('Storage.getUsageAndQuota', { origin })).toMatchObject({ quota: quotaSize, overrideActive: true });

  await page.goto('/#/verify');
  await verifyFile(page, big);
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  const alert = page.getByRole('alert').filter({ hasText: 'This report was not kept in the library' });
  await expect(alert).toContainText(
    "Saving the bundle and its report failed: this browser's storage for Clawproof is full. Nothing already in the library was lost; delete bundles you no longer need and try again.",
  );
  // Not stored, so the address does not name it.
  await expect(page).toHaveURL(/#\/verify$/);
  await screenshot(page, testInfo, 'verify-quota-exceeded');

  // Everything stored before is still there and still opens, with the disk still full.
  expect(await countRows(page, 'bundles')).toBe(2);
  expect(await countRows(page, 'bundleBytes')).toBe(2);
  expect(await countRows(page, 'reports')).toBe(2);
  await alert.getByRole('link', { name: 'Open the Library' }).click();
  const list = page.getByRole('list', { name: 'Bundles in the library' });
  await expect(list.getByRole('link')).toHaveText([medium!.name, small!.name]);
  await list.getByRole('link', { name: small!.name }).click();
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('from-cache')).toBeVisible();

  // The remedy works while the disk is full: deleting is allowed.
  await page.goto('/#/library');
  await page.getByRole('button', { name: `Delete ${medium!.name}` }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByRole('link')).toHaveText([small!.name]);
  expect(await countRows(page, 'bundleBytes')).toBe(1);

  // Once there is room again (here: the override lifted), the same file is kept.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await openVerify(page);
  await verifyFile(page, big);
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
  await expect(page.getByRole('alert').filter({ hasText: 'This report was not kept in the library' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(list.getByRole('link')).toHaveText([big.name, small!.name]);
});
