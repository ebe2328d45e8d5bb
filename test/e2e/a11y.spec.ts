import { expect, test, type Page } from '@playwright/test';
import { fixtureBundles, openVerify, screenshot, seriousAxeFindings, verifyDemo, verifyFile } from './support/app-page.js';

const { good } = fixtureBundles();
const bundle = good.find((b) => b.name === 'auto-assign-approved.clawproof') ?? good[0];

async function expectNoSeriousFindings(page: Page, where: string): Promise<void> {
  expect(await seriousAxeFindings(page), `axe findings on ${where}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe findings on any view (${colorScheme})`, async ({ page }, testInfo) => {
    test.skip(bundle === undefined, 'no good demo bundle');
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });

    await openVerify(page);
    await expectNoSeriousFindings(page, 'Verify, before a bundle');

    await verifyDemo(page, bundle!);
    await expectNoSeriousFindings(page, 'Verify, report checks');
    await page.getByRole('tab', { name: /Timeline/ }).click();
    await expectNoSeriousFindings(page, 'Verify, timeline');
    await page.getByRole('tab', { name: /Tickets/ }).click();
    await expect(page.locator('[data-ticket]')).toBeVisible();
    await page.locator('[data-ticket]').getByRole('button', { name: /^rct_/ }).first().click();
    await expect(page.getByRole('region', { name: /The receipt rct_/ })).toBeVisible();
    await expectNoSeriousFindings(page, 'Verify, ticket diff with the inspector open');
    await screenshot(page, testInfo, `a11y-tickets-${colorScheme}`);

    await page.goto('/#/verify');
    await verifyFile(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expectNoSeriousFindings(page, 'Verify, a file that is not a bundle');

    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Bundles in the library' })).toBeVisible();
    await expectNoSeriousFindings(page, 'Library');
    await screenshot(page, testInfo, `a11y-library-${colorScheme}`);

    await page.getByRole('link', { name: 'Trust', exact: true }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoSeriousFindings(page, 'Trust');
    await screenshot(page, testInfo, `a11y-trust-${colorScheme}`);

    await page.getByRole('link', { name: 'Lab', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoSeriousFindings(page, 'Lab');
  });
}

test('no serious or critical axe findings with the guided tour open, on each of its steps', async ({ page }) => {
  test.setTimeout(240_000);
  await openVerify(page);
  await page.getByRole('button', { name: 'Start the tour' }).click();

  // Step 1: a valid report with the tour panel over it.
  await expect(page.locator('[data-tour-step="good"]')).toBeVisible();
  await expect(page.locator('[data-verdict="valid"]')).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousFindings(page, 'the tour, step 1 (Verify, a valid report)');

  // Step 2: an invalid report, its failing checks open.
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.locator('[data-verdict="invalid"]')).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousFindings(page, 'the tour, step 2 (Verify, an invalid report)');

  // Step 3: the Lab, before and after its run.
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.locator('[data-tour-step="lab"]')).toBeVisible();
  await expect(page.getByLabel('Run the first')).toHaveValue('5');
  await expectNoSeriousFindings(page, 'the tour, step 3 (Lab, set up)');
  await page.getByRole('button', { name: /^Run( again)?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Run finished' })).toBeVisible({ timeout: 120_000 });
  await expectNoSeriousFindings(page, 'the tour, step 3 (Lab, after the run)');
});

test('the report can be worked with the keyboard alone', async ({ page }) => {
  test.skip(bundle === undefined, 'no good demo bundle');
  await openVerify(page);
  await verifyDemo(page, bundle!);

  // Tabs follow the WAI-ARIA pattern: arrows move between them.
  await page.getByRole('tab', { name: /Checks/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Timeline/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Timeline/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Tickets/ })).toHaveAttribute('aria-selected', 'true');

  // A ticket opens with Enter, and focus lands on its heading.
  const ticketButtons = page.getByRole('navigation', { name: 'Tickets in the bundle' }).getByRole('button');
  await ticketButtons.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-ticket]').getByRole('heading', { level: 3 })).toBeFocused();

  // A check opens with Enter on its summary.
  await page.getByRole('tab', { name: /Tickets/ }).focus();
  await page.keyboard.press('Home');
  const summary = page.locator('[data-check="wpc"] summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-check="wpc"] details')).toHaveAttribute('open', '');
});
