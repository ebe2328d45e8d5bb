import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  checkRow,
  fixtureBundles,
  openVerify,
  screenshot,
  verdictBanner,
  verifyDemo,
  verifyFile,
  watchPage,
} from './support/app-page.js';
import { expectedFailure } from './support/app-tampered.js';

const { good, tampered } = fixtureBundles();
const tiny = good.find((b) => b.name === 'tiny-example.clawproof');
const main = good.find((b) => b.name === 'routing-local.clawproof') ?? good[0];

test('the demo good bundle verifies as valid, with every check passed', async ({ page, context, baseURL }, testInfo) => {
  test.skip(main === undefined, 'no good demo bundle in fixtures/bundles');
  const watch = watchPage(page, context, baseURL);
  await openVerify(page);
  await screenshot(page, testInfo, 'verify-start');
  await verifyDemo(page, main!);

  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await expect(verdictBanner(page).getByRole('heading', { name: /Valid/ })).toBeFocused();
  await expect(page.locator('[data-check][data-status="fail"]')).toHaveCount(0);
  await expect(page.locator('[data-check]')).toHaveCount(13);
  await expect(page.getByTestId('verified-now')).toBeVisible();
  // A stored bundle gets its own address, so a reload shows this report again.
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
  await screenshot(page, testInfo, 'verify-valid');
  expect(watch.problems).toEqual([]);
});

for (const bundle of good) {
  test(`every good demo bundle is valid: ${bundle.relative}`, async ({ page }) => {
    await openVerify(page);
    await verifyDemo(page, bundle);
    await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  });
}

test.describe('tampered demo bundles', () => {
  test.skip(tampered.length === 0, 'no tampered demo bundles in fixtures/bundles yet');
  for (const bundle of tampered) {
    test(`${bundle.relative} is invalid, with the failing check shown`, async ({ page }, testInfo) => {
      await openVerify(page);
      await verifyDemo(page, bundle);
      await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'invalid');
      const failing = page.locator('[data-check][data-status="fail"]');
      await expect(failing.first()).toBeVisible();
      // A failing check opens by itself, so its issues and evidence are on screen.
      await expect(failing.first().locator('details')).toHaveAttribute('open', '');
      const expected = expectedFailure(bundle);
      if (expected.check !== null) await expect(checkRow(page, expected.check)).toHaveAttribute('data-status', 'fail');
      for (const code of expected.codes) await expect(page.locator('[data-status="fail"] details[open]').getByText(code).first()).toBeVisible();
      await screenshot(page, testInfo, `tampered-${bundle.name.replace(/\.clawproof$/, '')}`);
    });
  }
});

test('evidence opens the receipt it points at, decoded', async ({ page }, testInfo) => {
  test.skip(tiny === undefined, 'no tiny-example bundle');
  await openVerify(page);
  await verifyDemo(page, tiny!);
  const receipts = checkRow(page, 'receipts');
  await receipts.locator('summary').click();
  await receipts.getByRole('button', { name: /^\/receipts\/0/ }).first().click();

  const inspector = page.getByRole('region', { name: /Evidence at \/receipts\/0/ });
  await expect(inspector.getByRole('heading')).toBeFocused();
  await expect(inspector).toContainText('Signed envelope (DSSE), payload decoded');
  await expect(inspector).toContainText('application/vnd.clawproof.receipt+json');
  await expect(inspector).toContainText('"receipt_id": "rct_');
  await screenshot(page, testInfo, 'verify-inspector');
  await inspector.getByRole('button', { name: 'Close' }).click();
  await expect(inspector).toHaveCount(0);
});

test('a ticket opens to its diff, each change with the receipt, proposal and approval behind it', async ({ page }, testInfo) => {
  const bundle = good.find((b) => b.name === 'auto-assign-approved.clawproof') ?? tiny;
  test.skip(bundle === undefined, 'no bundle with approvals');
  await openVerify(page);
  await verifyDemo(page, bundle!);
  await page.getByRole('tab', { name: /Tickets/ }).click();
  const ticket = page.locator('[data-ticket]');
  await expect(ticket).toBeVisible();
  const changed = ticket.locator('tr.changed');
  await expect(changed.first()).toBeVisible();
  const chain = ticket.getByRole('list', { name: /Evidence behind tickets\.assign/ }).first();
  await expect(chain).toContainText('Model call');
  await expect(chain).toContainText(/rct_/);
  await expect(chain).toContainText(/approved \(auto\)/);
  await expect(ticket.getByRole('region', { name: /What the model saw/ })).toContainText('"ticket_id"');
  await screenshot(page, testInfo, 'verify-ticket-diff');

  // Click through from the chain to the signed approval.
  await chain.getByRole('button', { name: /^apr_/ }).click();
  await expect(page.getByRole('region', { name: /The approval apr_/ })).toContainText('"decision": "approved"');

  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first()).toBeVisible();
  await screenshot(page, testInfo, 'verify-timeline');
});

test('the report exports as JSON and as a printable page', async ({ page }) => {
  test.skip(tiny === undefined, 'no tiny-example bundle');
  await openVerify(page);
  await verifyDemo(page, tiny!);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report as JSON' }).click()]);
  const report = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { verdict: string; checks: unknown[]; tickets: unknown[] };
  expect(json.suggestedFilename()).toMatch(/^clawproof-report-.*\.json$/);
  expect(report.verdict).toBe('valid');
  expect(report.checks).toHaveLength(13);

  const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Printable page' }).click()]);
  const text = readFileSync((await html.path())!, 'utf8');
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  expect(text).toContain('<title>Clawproof verification report: Valid</title>');
  expect(text).not.toMatch(/<script/i);
});

test.describe('clear messages for files that cannot be verified', () => {
  const bundleText = main === undefined ? '' : readFileSync(main.path, 'utf8');

  test('a file that is not a bundle', async ({ page }, testInfo) => {
    await openVerify(page);
    await verifyFile(page, { name: 'holiday.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    const problem = page.locator('[data-problem="not-a-bundle"]');
    await expect(problem.getByRole('heading')).toHaveText('This file is not a Clawproof bundle');
    await expect(problem).toContainText('holiday.png');
    await expect(problem.getByRole('heading')).toBeFocused();
    await screenshot(page, testInfo, 'verify-not-a-bundle');

    await verifyFile(page, { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"mediaType":"application/vnd.example+json","version":1}') });
    await expect(page.locator('[data-problem="not-a-bundle"]')).toContainText('MEDIA_TYPE_UNKNOWN');
  });

  test('a damaged bundle (cut short)', async ({ page }, testInfo) => {
    test.skip(bundleText === '', 'no good demo bundle');
    await openVerify(page);
    await verifyFile(page, { name: 'cut.clawproof', mimeType: 'application/json', buffer: Buffer.from(bundleText.slice(0, Math.floor(bundleText.length / 2))) });
    const problem = page.locator('[data-problem="damaged"]');
    await expect(problem.getByRole('heading')).toHaveText('This bundle is damaged');
    await expect(problem).toContainText('INPUT_NOT_JSON');
    await screenshot(page, testInfo, 'verify-damaged');
  });

  test('a bundle of an unknown version', async ({ page }) => {
    test.skip(bundleText === '', 'no good demo bundle');
    await openVerify(page);
    const future = bundleText.replace(/"version": 1,/, '"version": 7,');
    expect(future).not.toBe(bundleText);
    await verifyFile(page, { name: 'future.clawproof', mimeType: 'application/json', buffer: Buffer.from(future) });
    const problem = page.locator('[data-problem="unknown-version"]');
    await expect(problem.getByRole('heading')).toHaveText('This bundle has a version this verifier does not know');
    await expect(problem).toContainText('VERSION_UNSUPPORTED');
  });
});
