import { expect, test } from '@playwright/test';
import { fixtureBundles, openVerify, screenshot, verdictBanner, verifyDemo } from './support/app-page.js';

const { good } = fixtureBundles();
const first = good.find((b) => b.name === 'routing-local.clawproof') ?? good[0];
const second = good.find((b) => b.name === 'tiny-example.clawproof') ?? good[1];

test.beforeEach(() => {
  test.skip(first === undefined || second === undefined, 'needs two good demo bundles');
});

test('reloading shows the stored report without verifying again', async ({ page }) => {
  await openVerify(page);
  await verifyDemo(page, first!);
  await expect(page.getByTestId('verified-now')).toBeVisible();
  const address = page.url();
  const checkedAt = await page.locator('[data-testid="verified-now"]').locator('..').textContent();

  await page.reload();
  await expect(page).toHaveURL(address);
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('from-cache')).toHaveText('from the library cache');
  // Same report: the time it was checked did not move.
  expect(await page.locator('[data-testid="from-cache"]').locator('..').textContent()).toBe(checkedAt?.replace('verified now', 'from the library cache'));
});

test('the library lists every bundle opened, opens its report, and deletes entries', async ({ page }, testInfo) => {
  await openVerify(page);
  await verifyDemo(page, first!);
  await page.goto('/#/verify');
  await verifyDemo(page, second!);

  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeFocused();
  const list = page.getByRole('list', { name: 'Bundles in the library' });
  await expect(list.getByRole('link')).toHaveText([second!.name, first!.name]);
  await expect(page.getByTestId('bundle-count')).toContainText('2 bundles');
  await expect(page.getByTestId('storage-used')).toContainText(/used of/);
  await screenshot(page, testInfo, 'library');

  // Opening an entry shows its stored report.
  await list.getByRole('link', { name: first!.name }).click();
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('from-cache')).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await page.getByRole('button', { name: `Delete ${second!.name}` }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByRole('link')).toHaveText([first!.name]);
  await expect(page.getByTestId('bundle-count')).toContainText('1 bundle,');
});

// A full disk is tested with a real quota in store-quota.spec.ts.
