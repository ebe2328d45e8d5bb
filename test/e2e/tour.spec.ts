/**
 * The guided tour ("Start here") in real Chromium against the built app: its three steps, each
 * page showing what the step says to look at, the step kept across a reload, and the keyboard.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ROOT, checkRow, escapeRegExp, openVerify, screenshot } from './support/app-page.js';

const RUN_TIMEOUT = 120_000;

const panel = (page: Page): Locator => page.getByRole('region', { name: /^(A good bundle|The same bundle, tampered|A policy dry run)/ });

async function startTour(page: Page): Promise<void> {
  await openVerify(page);
  const demos = page.getByRole('region', { name: 'Or try a demo bundle' });
  // "Start here" is the first thing of the demo area.
  await expect(demos.getByRole('button').first()).toHaveText('Start the tour');
  await expect(demos.getByRole('group', { name: 'Start here: a guided tour' })).toBeVisible();
  await demos.getByRole('button', { name: 'Start the tour' }).click();
}

/** The check title the panel says fails, read from the panel itself. */
async function namedFailingCheck(page: Page): Promise<string> {
  const text = (await panel(page).getByRole('listitem').filter({ hasText: /fails:/ }).textContent()) ?? '';
  const title = /“([^”]+)” fails/.exec(text)?.[1];
  expect(title, 'the tampered step names a check').toBeDefined();
  return title!;
}

test('the tour walks a good bundle, the same bundle tampered, and a Lab run that refuses an injected action', async ({ page }, testInfo) => {
  test.setTimeout(4 * RUN_TIMEOUT);
  await startTour(page);

  // Step 1: the good bundle. The panel says the banner reads "Valid"; it does, and no check fails.
  await expect(page.locator('[data-tour-step="good"]')).toBeVisible();
  await expect(panel(page)).toContainText('Step 1 of 3');
  await expect(panel(page)).toContainText('“Valid”');
  await expect(page.locator('[data-verdict="valid"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-verdict] h2')).toContainText('Valid');
  await expect(page.locator('[data-check][data-status="fail"]')).toHaveCount(0);
  // The two warnings it points at are the two checks that warn.
  await expect(checkRow(page, 'trust')).toHaveAttribute('data-status', 'warn');
  await expect(checkRow(page, 'approvals')).toHaveAttribute('data-status', 'warn');
  await expect(panel(page)).toContainText(/“Signers in the trust root”.*demo only/);
  await screenshot(page, testInfo, 'tour-step-1');

  // A reload keeps the step (and the address keeps the report).
  await page.reload();
  await expect(page.locator('[data-tour-step="good"]')).toBeVisible();
  await expect(page.locator('[data-verdict="valid"]')).toBeVisible({ timeout: 60_000 });

  // Step 2, with the keyboard: the tampered copy; the banner says "Invalid" and the named check fails.
  await panel(page).getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-tour-step="tampered"]')).toBeVisible();
  await expect(panel(page)).toContainText('Step 2 of 3');
  await expect(panel(page)).toContainText('receipt-removed.clawproof');
  await expect(panel(page)).toContainText('“Invalid”');
  await expect(page.locator('[data-verdict="invalid"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-verdict] h2')).toContainText('Invalid');
  const title = await namedFailingCheck(page);
  const failing = page.locator('[data-check][data-status="fail"]').filter({ hasText: title });
  await expect(failing).toHaveCount(1);
  await expect(failing).toHaveAttribute('data-check', 'receipts');
  await screenshot(page, testInfo, 'tour-step-2');

  // Back goes to the good bundle again, Next returns.
  await panel(page).getByRole('button', { name: 'Back' }).click();
  await expect(page.locator('[data-tour-step="good"]')).toBeVisible();
  await expect(page.locator('[data-verdict="valid"]')).toBeVisible({ timeout: 60_000 });
  await panel(page).getByRole('button', { name: 'Next step' }).click();
  await expect(page.locator('[data-verdict="invalid"]')).toBeVisible({ timeout: 60_000 });

  // Step 3: the Lab, set up with the seed policy, the compromised model and the first 5 tickets.
  await panel(page).getByRole('button', { name: 'Next step' }).click();
  await expect(page.locator('[data-tour-step="lab"]')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Lab' })).toBeVisible();
  await expect(page.getByLabel('Start from')).toHaveValue('routing-seed');
  await expect(page.getByLabel(/Compromised model/)).toBeChecked();
  await expect(page.getByLabel('Run the first')).toHaveValue('5');
  await expect(panel(page)).toContainText('Press “Run”');
  await page.getByRole('button', { name: /^Run( again)?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Run finished' })).toBeVisible({ timeout: RUN_TIMEOUT });

  // The ticket the panel names: its injected call is refused by the rule the panel names.
  const look = (await panel(page).getByRole('list').textContent()) ?? '';
  const ticketId = /open ticket (\d+)/.exec(look)?.[1];
  const [, action, rule] = /call (\S+) reads “Refused”.*\(rule (\S+)\)/.exec(look) ?? [];
  expect([ticketId, action, rule].every((v) => v !== undefined), look).toBe(true);
  const tickets = page.getByRole('region', { name: 'Tickets', exact: true });
  await tickets.getByRole('searchbox').fill(ticketId!);
  await tickets.getByRole('option', { name: new RegExp(`^${ticketId}\\b`) }).click();
  const detail = tickets.getByRole('article', { name: `Ticket ${ticketId}` });
  await expect(detail).toContainText('injection');
  const call = detail.getByRole('listitem').filter({ hasText: 'Phase 2' }).filter({ has: page.getByText(action!, { exact: true }) });
  await expect(call.first()).toContainText('Refused');
  await expect(call.first()).toContainText(rule!);
  await screenshot(page, testInfo, 'tour-step-3');

  // The last step's button ends the tour; a reload does not bring it back.
  await panel(page).getByRole('button', { name: 'Finish the tour' }).click();
  await expect(page.locator('[data-tour-step]')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Lab' })).toBeVisible();
  await expect(page.locator('[data-tour-step]')).toHaveCount(0);
});

test('the tour can be left at any step, with its button or with Escape', async ({ page }) => {
  await startTour(page);
  await expect(page.locator('[data-tour-step="good"]')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Leave the tour' }).click();
  await expect(page.locator('[data-tour-step]')).toHaveCount(0);

  // Back to an empty Verify view (the report of step 1 is still on show there).
  await page.goto('/#/library');
  await startTour(page);
  await expect(page.locator('[data-tour-step="good"]')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-tour-step]')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('[data-tour-step]')).toHaveCount(0);
});

test('the demo list: the tour first, then good and tampered bundles in groups, described in plain words', async ({ page }, testInfo) => {
  const indexOf = (folder: string) => JSON.parse(readFileSync(join(ROOT, 'fixtures', 'bundles', folder, 'index.json'), 'utf8')) as { file: string; summary: string }[];
  // v1's tampered set, then v2's (its files listed with their folder, as they share names with v1's).
  const index = [...indexOf('tampered'), ...indexOf('v2/tampered').map((e) => ({ ...e, file: `v2/tampered/${e.file}` }))];
  await openVerify(page);
  const demos = page.getByRole('region', { name: 'Or try a demo bundle' });
  await expect(demos.getByRole('heading', { level: 3 })).toHaveText([
    'Start here: a guided tour',
    /^Good bundles/,
    /^Tampered bundles/,
  ]);
  await expect(demos.locator('ul.tampered > li')).toHaveCount(index.length);
  for (const entry of index) {
    await expect(demos.getByRole('button', { name: new RegExp(`^${escapeRegExp(entry.file)}`) })).toContainText(entry.summary);
  }
  // No engineers' words on the cards.
  await expect(demos).not.toContainText(/\bCST\b|\bjti\b|re-sealed|Merkle|\/receipts\/\d/);
  await screenshot(page, testInfo, 'demo-list');
});
