/**
 * A Library entry that no longer decodes (written into the real IndexedDB with the raw API, as a
 * hand edit or another build's format would leave it): that one entry is reported and can be
 * removed, or is verified afresh when its bytes are still good; every other report still opens.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtureBundles, openVerify, screenshot, seriousAxeFindings, verdictBanner, verifyDemo, type FixtureBundle } from './support/app-page.js';
import { countRows, patchRow, readRow } from './support/raw-indexeddb.js';

const { good } = fixtureBundles();
const kept = good.find((b) => b.name === 'routing-local.clawproof') ?? good[0];
const damaged = good.find((b) => b.name === 'tiny-example.clawproof') ?? good[1];

test.beforeEach(() => {
  test.skip(kept === undefined || damaged === undefined, 'needs two good demo bundles');
});

/** Verifies a demo bundle into the Library and returns the hash its address names. */
async function store(page: Page, bundle: FixtureBundle): Promise<string> {
  await openVerify(page);
  await verifyDemo(page, bundle);
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
  return decodeURIComponent(page.url().split('#/verify/')[1]!);
}

const library = (page: Page) => page.getByRole('list', { name: 'Bundles in the library' });

/** The kept bundle still opens from the Library with its stored report. */
async function keptStillOpens(page: Page): Promise<void> {
  await page.goto('/#/library');
  await library(page).getByRole('link', { name: kept!.name }).click();
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('from-cache')).toBeVisible();
}

test('a Library entry that does not decode is listed apart with a Remove button; the others open', async ({ page }, testInfo) => {
  const keptHash = await store(page, kept!);
  const damagedHash = await store(page, damaged!);
  await patchRow(page, 'bundles', damagedHash, { name: 42, source: 'floppy' });

  await page.goto('/#/library');
  const notice = page.getByRole('status').filter({ hasText: '1 library entry cannot be read' });
  await expect(notice).toContainText('Every other bundle in the library opens as usual');
  const entry = notice.getByRole('list', { name: 'Unreadable library entries' }).getByRole('listitem');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(damagedHash);
  await expect(entry).toContainText(/name: /);
  await expect(library(page).getByRole('link')).toHaveText([kept!.name]);
  await expect(page.getByTestId('bundle-count')).toContainText('1 bundle,');
  expect(await seriousAxeFindings(page)).toEqual([]);
  await screenshot(page, testInfo, 'library-unreadable-entry');

  await keptStillOpens(page);

  await page.goto('/#/library');
  await page.getByRole('button', { name: `Remove the unreadable entry ${damagedHash}` }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Removed the unreadable entry ${damagedHash}` })).toBeAttached();
  await expect(library(page).getByRole('link')).toHaveText([kept!.name]);
  expect(await countRows(page, 'bundles')).toBe(1);
  expect(await countRows(page, 'bundleBytes')).toBe(1);
  expect(await countRows(page, 'reports', 'bundleHash', damagedHash)).toBe(0);
  expect(await countRows(page, 'reports', 'bundleHash', keptHash)).toBe(1);
  await keptStillOpens(page);
});

test('a cached report that does not decode is verified again, said so, and replaced', async ({ page }, testInfo) => {
  await store(page, kept!);
  const damagedHash = await store(page, damaged!);
  await patchRow(page, 'reports', damagedHash, { head: { verdict: 'valid', checks: 'all fine, trust me' } }, { index: 'bundleHash' });

  await page.goto('/#/library');
  await library(page).getByRole('link', { name: damaged!.name }).click();
  await expect(page).toHaveURL(new RegExp(`#/verify/${damagedHash}$`));
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  const note = page.getByRole('status').filter({ hasText: 'The stored copy of this report could not be read.' });
  await expect(note).toContainText(/so the bundle was verified again\. The damaged copy was replaced with this report; every other stored report is unaffected\./);
  await expect(page.getByTestId('verified-now')).toBeVisible();
  await screenshot(page, testInfo, 'verify-damaged-report-replaced');

  // The replacement is a good entry: the next visit reads it from the cache, with no note.
  await page.reload();
  await expect(page.getByTestId('from-cache')).toBeVisible();
  await expect(note).toHaveCount(0);
  expect(((await readRow(page, 'reports', damagedHash, 'bundleHash')) as { head: { checks: unknown[] } }).head.checks.length).toBeGreaterThan(0);
  await keptStillOpens(page);
});

test('a stored bundle whose bytes no longer match its hash is reported, not verified, and can be removed', async ({ page }, testInfo) => {
  const keptHash = await store(page, kept!);
  const damagedHash = await store(page, damaged!);
  await patchRow(page, 'bundleBytes', damagedHash, { bytes: [123, 125] }, { asBytes: ['bytes'] });

  await page.goto('/#/library');
  await library(page).getByRole('link', { name: damaged!.name }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was verified' });
  await expect(alert).toContainText(`${damaged!.name} could not be verified: The library entry ${damagedHash} cannot be read: its stored content no longer hashes to its name.`);
  await expect(alert).toContainText('Remove it from the library, then open the original file again');
  await expect(verdictBanner(page)).toHaveCount(0);
  await screenshot(page, testInfo, 'verify-damaged-bytes');

  await alert.getByRole('button', { name: `Remove ${damaged!.name} from the library` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Removed ${damaged!.name} from the library.` })).toBeVisible();
  await expect(page).toHaveURL(/#\/verify$/);
  expect(await countRows(page, 'bundleBytes')).toBe(1);
  expect(await countRows(page, 'reports', 'bundleHash', keptHash)).toBe(1);
  await page.goto('/#/library');
  await expect(library(page).getByRole('link')).toHaveText([kept!.name]);
  await keptStillOpens(page);

  // Opening the original file again stores it afresh.
  await openVerify(page);
  await verifyDemo(page, damaged!);
  await expect(page).toHaveURL(new RegExp(`#/verify/${damagedHash}$`));
  await expect(page.getByTestId('verified-now')).toBeVisible();
});
