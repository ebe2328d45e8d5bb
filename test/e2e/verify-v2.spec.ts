/**
 * A format v2 bundle (JSON Lines) in the app: verified, stored, its ticket diffs explained by the
 * receipts and approvals behind them, and its evidence opening the line it points at.
 */
import { expect, test } from '@playwright/test';
import { expandCheck, fixtureBundles, openVerify, verdictBanner, verifyDemo } from './support/app-page.js';

const v2 = fixtureBundles().good.filter((b) => b.relative.startsWith('v2/'));
const approved = v2.find((b) => b.name === 'auto-assign-approved.clawproof');

test('a v2 bundle verifies valid, names its format, and closes with the harness tree head', async ({ page }) => {
  test.skip(approved === undefined, 'no fixtures/bundles/v2/auto-assign-approved.clawproof');
  await openVerify(page);
  await verifyDemo(page, approved!);
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await expect(page.locator('[data-check][data-status="fail"]')).toHaveCount(0);
  const structure = await expandCheck(page, 'structure');
  await expect(structure).toContainText('application/vnd.clawproof.bundle.v2+jsonl, version 2');
  const manifest = await expandCheck(page, 'manifest');
  await expect(manifest).toContainText(/harness tree head \(line \d+\) is signed by a trusted harness key/);
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
});

test('a v2 ticket opens to its diff, each change with the receipt and approval behind it, which open decoded', async ({ page }) => {
  test.skip(approved === undefined, 'no fixtures/bundles/v2/auto-assign-approved.clawproof');
  await openVerify(page);
  await verifyDemo(page, approved!);
  await page.getByRole('tab', { name: /Tickets/ }).click();
  const ticket = page.locator('[data-ticket]');
  await expect(ticket).toBeVisible();
  const chain = ticket.getByRole('list', { name: /Evidence behind tickets\.assign/ }).first();
  await expect(chain).toContainText('Model call');
  await expect(chain).toContainText(/rct_/);
  await expect(chain).toContainText(/approved \(auto\)/);
  await expect(ticket.getByRole('region', { name: /What the model saw/ }).locator('mark.placeholder').first()).toHaveText(/^\[[A-Z_]+_\d+\]$/);
  await chain.getByRole('button', { name: /^apr_/ }).click();
  await expect(page.getByRole('region', { name: /The approval apr_/ })).toContainText('"decision": "approved"');
});

test('evidence in a v2 report opens the record it names, with the id the verifier gave it', async ({ page }) => {
  test.skip(approved === undefined, 'no fixtures/bundles/v2/auto-assign-approved.clawproof');
  await openVerify(page);
  await verifyDemo(page, approved!);
  const approvals = await expandCheck(page, 'approvals');
  await approvals.getByRole('button', { name: /Show details/ }).click();
  await approvals.getByRole('button', { name: /^record rec_/ }).first().click();
  await expect(page.getByRole('region', { name: /^The record rec_/ })).toContainText('"kind": "decision"');
});
