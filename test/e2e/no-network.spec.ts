import { expect, test } from '@playwright/test';
import { fixtureBundles, openVerify, verifyDemo, verifyFile, watchPage } from './support/app-page.js';

const { good, tampered } = fixtureBundles();

test('using every view makes no request outside the app\'s own origin', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, context, baseURL);
  // Anything leaving the origin is refused as well as recorded, so a leak cannot even half-succeed.
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4317/').origin;
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));

  await openVerify(page);
  for (const bundle of [...good.slice(0, 2), ...tampered.slice(0, 1)]) {
    await page.goto('/#/verify');
    await verifyDemo(page, bundle);
  }
  await page.getByRole('tab', { name: /Tickets/ }).click();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report as JSON' }).click()]);
  await download.path();
  await page.goto('/#/verify');
  await verifyFile(page, { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });

  for (const view of ['Library', 'Trust', 'Lab', 'Verify']) {
    await page.getByRole('link', { name: view, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.reload();
  await page.waitForLoadState('networkidle');

  expect(watch.foreign, `requests outside ${origin}`).toEqual([]);
  expect(watch.problems).toEqual([]);
});
