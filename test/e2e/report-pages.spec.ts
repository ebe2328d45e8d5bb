/**
 * A report stored in pages (schema 2), in Chromium's real IndexedDB: a cached reopen shows the
 * verdict from the report's head alone, and the ticket diffs are read a page at a time as the
 * ticket list scrolls to them. 350 tickets: four pages of ticket diffs. And the upgrade to that
 * shape, on a database a schema-1 build left behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sha256 } from '../../src/core/hash.js';
import { parseTrustRoot, trustRootDigest } from '../../src/core/trust-root.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { VERIFIER_VERSION } from '../../src/verify/version.js';
import { openVerify, ROOT, verdictBanner, verifyFile } from './support/app-page.js';
import { bundleOfTickets } from './support/app-large-bundle.js';
import { countRows, patchRow, readRow } from './support/raw-indexeddb.js';

const COUNT = 350;
const FIRST_ID = 100_000;
const LAST_ID = FIRST_ID + COUNT - 1;
/** A ticket row whose diff has been read says what changed; one not read yet shows an ellipsis. */
const LOADED = /no change|\d+ changed/;

let path = '';
test.beforeAll(async () => {
  test.setTimeout(180_000);
  path = await bundleOfTickets(COUNT);
});

const ticketRow = (page: Page, id: number) => page.locator(`[data-ticket-row="${id}"]`);

async function scrollTicketsToEnd(page: Page): Promise<void> {
  await page.locator('.ticket-scroller').evaluate(async (scroller) => {
    for (let i = 0; i < 200 && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1; i++) {
      scroller.scrollTop += scroller.clientHeight;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
}

async function verifiedAndReopened(page: Page): Promise<string> {
  test.setTimeout(180_000);
  await openVerify(page);
  await verifyFile(page, path);
  await expect(page).toHaveURL(/#\/verify\/sha256:[0-9a-f]{64}$/);
  const hash = decodeURIComponent(page.url().split('#/verify/')[1]!);
  await page.reload();
  await expect(page.getByTestId('from-cache')).toBeVisible();
  return hash;
}

test('a cached reopen shows the verdict from the stored head, and scrolling reads later ticket diffs', async ({ page }) => {
  const hash = await verifiedAndReopened(page);
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByRole('tab', { name: /Tickets/ })).toContainText('350');

  // Stored as a head row and pages: no whole report in one row.
  const head = (await readRow(page, 'reports', hash, 'bundleHash')) as Record<string, unknown>;
  expect(Object.keys(head).sort()).toEqual(['bundleHash', 'checkedAt', 'head', 'outline', 'trustRootHash', 'verdict', 'verifierVersion']);
  expect(await countRows(page, 'reportPages', 'bundleHash', hash)).toBeGreaterThanOrEqual(4 + 1);

  await page.getByRole('tab', { name: /Tickets/ }).click();
  await expect(ticketRow(page, FIRST_ID)).toContainText(LOADED);
  await expect(page.getByRole('heading', { name: `Ticket ${FIRST_ID}` })).toBeVisible();
  // The last page is not read before its rows are on screen.
  await expect(ticketRow(page, LAST_ID)).toHaveCount(0);

  await scrollTicketsToEnd(page);
  await expect(ticketRow(page, LAST_ID)).toContainText(LOADED);
  await ticketRow(page, LAST_ID).click();
  await expect(page.getByRole('heading', { name: `Ticket ${LAST_ID}` })).toBeVisible();
  await expect(page.locator(`[data-ticket="${LAST_ID}"]`)).toContainText('After-state explained');

  // The timeline pages in too.
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.locator('[data-timeline-row]').first()).toBeVisible();
});

test('a damaged page of a stored report is reported as damaged; the rest of the report still reads', async ({ page }) => {
  const hash = await verifiedAndReopened(page);
  const head = (await readRow(page, 'reports', hash, 'bundleHash')) as { trustRootHash: string; verifierVersion: string };
  await patchRow(page, 'reportPages', [hash, head.trustRootHash, head.verifierVersion, 'tickets', 3], { items: [{ ticketId: 'not a number' }] });

  await page.reload();
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', 'valid');
  await page.getByRole('tab', { name: /Tickets/ }).click();
  await expect(ticketRow(page, FIRST_ID)).toContainText(LOADED);
  await scrollTicketsToEnd(page);
  await expect(page.getByRole('alert').filter({ hasText: 'Part of this stored report cannot be read' })).toContainText('page 4 of tickets: items.0.ticketId');
  await expect(ticketRow(page, LAST_ID)).toContainText('…');
});

test('a report a schema-1 build stored whole is upgraded to pages, and reopens from the cache', async ({ page }) => {
  const bytes = readFileSync(join(ROOT, 'fixtures', 'bundles', 'routing-local.clawproof'));
  const root = parseTrustRoot(readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json'), 'utf8'));
  const report = await verifyBundle(new Uint8Array(bytes), root, { seenTokens: new Map() });
  const hash = sha256(new Uint8Array(bytes));
  const at = '2026-02-01T10:00:00.000Z';
  // Plain data for the page (the Report type is too deep for page.evaluate's parameter type).
  const rows: { bundle: { hash: string } & Record<string, unknown>; bytes: number[]; report: unknown } = {
    bundle: { hash, name: 'routing-local.clawproof', source: 'opened', size: bytes.length, addedAt: at, lastOpenedAt: at, jobId: report.bundle.jobId, lastVerdict: report.verdict },
    bytes: [...bytes],
    report: { bundleHash: hash, trustRootHash: trustRootDigest(root), verifierVersion: VERIFIER_VERSION, verdict: report.verdict, checkedAt: report.checkedAt, report },
  };

  // A page of the app's origin with no app on it, to lay down schema 1 exactly as Dexie made it.
  await page.route('**/schema-1-seed', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await page.goto('/schema-1-seed');
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('clawproof', 10);
        open.onupgradeneeded = () => {
          const db = open.result;
          db.createObjectStore('bundleBytes', { keyPath: 'hash' });
          db.createObjectStore('bundles', { keyPath: 'hash' }).createIndex('lastOpenedAt', 'lastOpenedAt');
          const reports = db.createObjectStore('reports', { keyPath: ['bundleHash', 'trustRootHash', 'verifierVersion'] });
          reports.createIndex('bundleHash', 'bundleHash');
          reports.createIndex('trustRootHash', 'trustRootHash');
          db.createObjectStore('trustRoots', { keyPath: 'hash' }).createIndex('addedAt', 'addedAt');
          const seen = db.createObjectStore('seenTokens', { keyPath: ['jti', 'bundleHash'] });
          seen.createIndex('jti', 'jti');
          seen.createIndex('bundleHash', 'bundleHash');
          db.createObjectStore('settings', { keyPath: 'key' });
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['bundles', 'bundleBytes', 'reports'], 'readwrite');
          tx.objectStore('bundles').put(rows.bundle);
          tx.objectStore('bundleBytes').put({ hash: rows.bundle.hash, bytes: Uint8Array.from(rows.bytes) });
          tx.objectStore('reports').put(rows.report);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    rows,
  );

  await page.goto(`/#/verify/${hash}`);
  await expect(verdictBanner(page)).toHaveAttribute('data-verdict', report.verdict);
  await expect(page.getByTestId('from-cache')).toBeVisible();
  const stored = (await readRow(page, 'reports', hash, 'bundleHash')) as Record<string, unknown>;
  expect(stored).not.toHaveProperty('report');
  expect((stored['outline'] as { tickets: number }).tickets).toBe(report.tickets.length);
  expect(await countRows(page, 'reportPages', 'bundleHash', hash)).toBeGreaterThan(0);
  await page.getByRole('tab', { name: /Tickets/ }).click();
  const first = report.tickets[0]!.ticketId;
  await expect(ticketRow(page, first)).toContainText(LOADED);
  await expect(page.getByRole('heading', { name: `Ticket ${first}` })).toBeVisible();
});
