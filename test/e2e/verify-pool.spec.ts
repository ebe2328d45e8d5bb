/**
 * The app checks signatures on a pool of Web Workers (src/ui/workers/signature-pool.ts) started by
 * the verify worker: it must really start (a pool whose workers fail still gives right verdicts,
 * on one thread, so only this shows it), under the app's Content-Security-Policy.
 */
import { expect, test } from '@playwright/test';
import { fixtureBundles, openVerify, verdictOf, verifyFile } from './support/app-page.js';

test('verifying a bundle starts the signature workers beside the verify worker, and the verdict is right', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const good = fixtureBundles().good.find((b) => b.name === 'routing-local.clawproof');
  if (good === undefined) throw new Error('fixtures/bundles/routing-local.clawproof is missing');
  await openVerify(page);
  await verifyFile(page, good.path);
  expect(await verdictOf(page)).toBe('valid');
  const urls = page.workers().map((w) => w.url());
  expect(urls.some((u) => /verify-worker/.test(u))).toBe(true);
  expect(urls.some((u) => /signature-worker/.test(u))).toBe(true);
  expect(errors).toEqual([]);
});
