import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseTrustRoot, serializeTrustRoot } from '../../src/core/trust-root.js';
import { auditorTrustRoot } from './support/app-bundles.js';
import { ROOT, fixtureBundles, openVerify, screenshot, verdictBanner, verifyDemo } from './support/app-page.js';

const DEMO_ROOT_TEXT = readFileSync(join(ROOT, 'fixtures/trust/demo-trust-root.json'), 'utf8');
const demoName = parseTrustRoot(DEMO_ROOT_TEXT).name;

async function openTrust(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('/#/trust');
  await expect(page.getByRole('heading', { level: 1, name: 'Trust root' })).toBeVisible();
}

async function importRoot(page: import('@playwright/test').Page, path: string): Promise<void> {
  await page.getByRole('region', { name: 'Import a trust root' }).locator('input[type=file]').setInputFiles(path);
}

// [R-SIG-14] a demo-only root is said to be one where it is chosen
test('the demo root is preinstalled, in use and marked demo-only, with each key\'s role and validity', async ({ page }, testInfo) => {
  await openTrust(page);
  const card = page.getByRole('article', { name: demoName });
  await expect(card).toContainText('In use');
  await expect(card).toContainText('Demo only');
  await expect(card).toContainText('Built in');
  await expect(card.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  const rows = card.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(1 + parseTrustRoot(DEMO_ROOT_TEXT).keys.length);
  for (const role of ['controls', 'scope', 'proxy', 'harness', 'approver', 'log']) {
    await expect(card.getByRole('cell', { name: role, exact: true })).toBeVisible();
  }
  await expect(card.getByRole('table')).toContainText('2031-01-01 00:00:00 UTC');
  await screenshot(page, testInfo, 'trust');
});

test('with a trust root that lacks the demo keys, the demo bundle is reported as signed by unknown keys', async ({ page }, testInfo) => {
  const bundle = fixtureBundles().good.find((b) => b.name === 'tiny-example.clawproof') ?? fixtureBundles().good[0];
  test.skip(bundle === undefined, 'no good demo bundle');
  const path = testInfo.outputPath('audit-trust-root.json');
  writeFileSync(path, auditorTrustRoot());

  await openTrust(page);
  await importRoot(page, path);
  const card = page.getByRole('article', { name: 'Audit team keys 2026' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Use this root' }).click();
  await expect(card).toContainText('In use');
  await screenshot(page, testInfo, 'trust-imported');

  await openVerify(page);
  await expect(page.getByText('Checking against Audit team keys 2026')).toBeVisible();
  await verifyDemo(page, bundle!);
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'unknown-signer');
  await expect(verdictBanner(page).getByRole('heading')).toHaveText(/Not checked: signed by keys your trust root does not know/);
  await expect(page.locator('[data-check="trust"]')).toHaveAttribute('data-status', 'fail');
  await expect(page.locator('[data-check="trust"]')).toContainText('KEY_NOT_TRUSTED');
  await screenshot(page, testInfo, 'verify-unknown-signer');
});

test('a file that is not a trust root is refused with every problem and where it is', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('broken-root.json');
  const root = JSON.parse(DEMO_ROOT_TEXT) as { keys: { role: string; validFrom: string }[] };
  root.keys[0]!.role = 'janitor';
  root.keys[1]!.validFrom = 'yesterday';
  writeFileSync(path, JSON.stringify(root));
  await openTrust(page);
  await importRoot(page, path);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('broken-root.json is not a usable trust root.');
  await expect(alert).toContainText('/keys/0/role');
  await expect(alert).toContainText('/keys/1/validFrom');
  await expect(page.getByRole('article')).toHaveCount(1);
});

test('a trust root exports as the file it came from, and an imported one can be deleted', async ({ page }, testInfo) => {
  await openTrust(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('article', { name: demoName }).getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(readFileSync((await download.path())!, 'utf8')).toBe(serializeTrustRoot(parseTrustRoot(DEMO_ROOT_TEXT)));

  const path = testInfo.outputPath('audit-trust-root.json');
  writeFileSync(path, auditorTrustRoot());
  await importRoot(page, path);
  const card = page.getByRole('article', { name: 'Audit team keys 2026' });
  await card.getByRole('button', { name: 'Delete' }).click();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('article', { name: demoName })).toContainText('In use');
});
