import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BUNDLES_DIR, openVerify, screenshot, verdictBanner, verifyFile } from './support/app-page.js';
import { patchRow, readRow } from './support/raw-indexeddb.js';

// One ticket whose after-state was edited to another group (360001000199, a group no queue has)
// after the run applied tickets.assign to billing (360001000101); the rest re-signed to match.
const AFTER_EDITED = join(BUNDLES_DIR, 'tampered', 'ticket-after-edited.clawproof');

test.beforeEach(async ({ page }) => {
  await openVerify(page);
  await verifyFile(page, AFTER_EDITED);
  await page.getByRole('tab', { name: /Tickets/ }).click();
});

test('an unexplained field shows the value expected, the value found, and the applied call that should have produced it', async ({ page }, testInfo) => {
  const ticket = page.locator('[data-ticket]');
  const mismatch = ticket.getByRole('group', { name: 'Group (queue): expected and found' });
  await expect(mismatch).toBeVisible();
  await expect(mismatch).toContainText('Not explained');

  const expected = mismatch.locator('[data-role=expected]');
  const found = mismatch.locator('[data-role=found]');
  await expect(expected).toContainText('360001000101');
  await expect(expected).toContainText('Billing & Payments');
  await expect(found).toContainText('360001000199');
  // No queue has that group: the id is shown alone, no name made up for it.
  await expect(found.locator('.names')).toHaveCount(0);
  // The digits that differ are marked in both.
  await expect(expected.locator('mark.delta')).toHaveText('01');
  await expect(found.locator('mark.delta')).toHaveText('99');

  // The call that should have produced the expected value, its record and its model call one click away.
  await expect(expected).toContainText('tickets.assign');
  await expect(expected.getByRole('button', { name: /^receipt 1$/ })).toBeVisible();
  await expect(found).toContainText('/tickets/0/after/group_id');
  await screenshot(page, testInfo, 'ticket-diff-expected-found');
  await expected.getByRole('button', { name: /^record \d+$/ }).click();
  const record = page.getByRole('region', { name: /^The decision record rec_/ });
  await expect(record).toContainText('"action": "tickets.assign"');
  await expect(record).toContainText('"group_id": 360001000101');
});

test('tags are marked added or kept in words and signs, kept tags not struck through, with a legend', async ({ page }) => {
  const tags = page.locator('[data-ticket] tr[data-field=tags] td.after');
  const added = tags.locator('[data-mark=added]');
  await expect(added).toHaveText(/\+\s*added:\s*category_billing/);
  const kept = tags.locator('[data-mark=kept]');
  await expect(kept).toHaveCount(2);
  await expect(kept.first()).toHaveText(/kept:\s*email_inbound/);
  const decoration = await kept.first().locator('.text').evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(decoration).not.toContain('line-through');
  await expect(page.locator('[data-ticket] td.before').first()).not.toHaveCSS('text-decoration-line', 'line-through');
  const legend = page.getByRole('group', { name: 'How tags and notifications are marked' });
  await expect(legend).toContainText('added by the run');
  await expect(legend).toContainText('removed by the run');
  await expect(legend).toContainText('kept, unchanged');
});

test('the ticket diff has no serious or critical axe finding, light or dark', async ({ page }) => {
  await expect(page.locator('[data-mismatch]')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include('[data-ticket]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious, colorScheme).toEqual([]);
  }
});

test('a report stored before diffs carried the expected value still opens from the cache, with the older wording', async ({ page }) => {
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
  const hash = decodeURIComponent(page.url().split('#/verify/')[1]!);
  // The ticket diffs are stored in pages beside the report's head (schema 2): page 0 holds them all here.
  const head = (await readRow(page, 'reports', hash, 'bundleHash')) as { trustRootHash: string; verifierVersion: string };
  const key = [hash, head.trustRootHash, head.verifierVersion, 'tickets', 0];
  const items = ((await readRow(page, 'reportPages', key)) as { items: { changes: Record<string, unknown>[] }[] }).items;
  let removed = 0;
  for (const ticket of items) for (const change of ticket.changes) if ('expected' in change) (delete change['expected'], (removed += 1));
  expect(removed).toBe(1);
  await patchRow(page, 'reportPages', key, { items });

  await page.reload();
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'invalid');
  await expect(page.getByTestId('from-cache')).toBeVisible();
  await page.getByRole('tab', { name: /Tickets/ }).click();
  const ticket = page.locator('[data-ticket]');
  await expect(ticket.locator('tr.causes.unexplained')).toContainText('Not explained: replaying the applied calls does not give this value.');
  await expect(ticket.locator('[data-mismatch]')).toHaveCount(0);
  // Queue names and tag markers come from the verifier's tables, so an older report shows them too.
  await expect(ticket.locator('tr[data-field=tags] [data-mark=added]')).toHaveText(/category_billing/);
});
