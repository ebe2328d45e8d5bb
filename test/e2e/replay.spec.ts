import { expect, test } from '@playwright/test';
import { bundleReusingJti } from './support/app-bundles.js';
import { checkRow, fixtureBundles, openVerify, screenshot, verifyDemo, verifyFile } from './support/app-page.js';

const { good } = fixtureBundles();
const donor = good.find((b) => b.name === 'routing-local.clawproof');
const victim = good.find((b) => b.name === 'zendesk-local.clawproof');

test('a second bundle reusing a jti seen in another job is flagged', async ({ page }, testInfo) => {
  test.skip(donor === undefined || victim === undefined, 'needs routing-local and zendesk-local demo bundles');
  const replayed = bundleReusingJti(victim!.path, donor!.path);

  // Seen once, honestly: the library records its token.
  await openVerify(page);
  await verifyDemo(page, donor!);
  await expect(checkRow(page, 'replay')).toHaveAttribute('data-status', 'pass');

  await page.goto('/#/verify');
  await verifyFile(page, { name: 'replayed.clawproof', mimeType: 'application/json', buffer: Buffer.from(replayed.text) });
  const replay = checkRow(page, 'replay');
  await expect(replay).toHaveAttribute('data-status', 'fail');
  await expect(replay.locator('details')).toHaveAttribute('open', '');
  // The code is with its evidence, behind "Show details"; its sentence is on show.
  await replay.getByRole('button', { name: /Show details/ }).click();
  await expect(replay).toContainText('CST_JTI_REUSED');
  await expect(replay).toContainText(`CST ${replayed.jti} was already seen in another bundle with job ${replayed.donorJob}`);
  await screenshot(page, testInfo, 'verify-replay');
});
