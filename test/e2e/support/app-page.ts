/**
 * Helpers for the app's end-to-end tests: opening bundles the way a person does (demo list, file
 * input), reading the verdict, screenshots, axe, and a watch over every request and console error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type BrowserContext, type Locator, type Page, type TestInfo } from '@playwright/test';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const BUNDLES_DIR = join(ROOT, 'fixtures', 'bundles');

export interface FixtureBundle {
  /** Path under fixtures/bundles, e.g. `tampered/wpc-swapped.clawproof`. */
  readonly relative: string;
  readonly name: string;
  readonly path: string;
  /** The note next to a tampered bundle (same name, .md or .txt), if any. */
  readonly note: string | null;
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** The demo bundles in fixtures/bundles, split as the app splits them (a note or a tamper folder = tampered). */
export function fixtureBundles(): { good: FixtureBundle[]; tampered: FixtureBundle[] } {
  const files = walk(BUNDLES_DIR);
  const good: FixtureBundle[] = [];
  const tampered: FixtureBundle[] = [];
  // Top-level bundles first, then those in folders: `good.find((b) => b.name === x)` is format v1's
  // bundle x, not its v2 copy of the same name (v2/x sorts before a name after "v2").
  const byFolder = (a: string, b: string) => Number(a.includes('/')) - Number(b.includes('/')) || a.localeCompare(b);
  for (const relative of files.filter((f) => f.endsWith('.clawproof')).sort(byFolder)) {
    const stem = relative.slice(0, -'.clawproof'.length);
    const noteFile = files.find((f) => f === `${stem}.md` || f === `${stem}.txt` || f === `${stem}.note.md` || f === `${stem}.note.txt`);
    const note = noteFile === undefined ? null : readFileSync(join(BUNDLES_DIR, noteFile), 'utf8');
    const bundle = { relative, name: relative.slice(relative.lastIndexOf('/') + 1), path: join(BUNDLES_DIR, relative), note };
    (note !== null || /tamper/i.test(relative) ? tampered : good).push(bundle);
  }
  return { good, tampered };
}

export const verdictBanner = (page: Page): Locator => page.locator('[data-verdict]');

/** Opens the Verify view fresh (no bundle in the address). */
export async function openVerify(page: Page): Promise<void> {
  await page.goto('/#/verify');
  await expect(page.getByRole('heading', { level: 1, name: 'Verify a proof bundle' })).toBeVisible();
}

/** Picks a demo bundle from the list and waits for its report (or file problem). */
export async function verifyDemo(page: Page, bundle: FixtureBundle): Promise<void> {
  // A v2 bundle is listed with its folder (demo-content.ts `label`), so `v2/x` is not taken for `x`.
  const label = bundle.relative.startsWith('v2/') ? bundle.relative : bundle.name;
  await page.getByRole('region', { name: 'Or try a demo bundle' }).getByRole('button', { name: new RegExp(`^${escapeRegExp(label)}`) }).first().click();
  await expect(page.locator('[data-verdict], [data-problem]').first()).toBeVisible({ timeout: 60_000 });
}

/** Opens a file through the page's file input, as "Open a bundle…" does. */
export async function verifyFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.getByRole('group', { name: 'Open a bundle' }).locator('input[type=file]').setInputFiles(file);
  await expect(page.locator('[data-verdict], [data-problem]')).toBeVisible({ timeout: 120_000 });
}

export async function verdictOf(page: Page): Promise<string | null> {
  return verdictBanner(page).getAttribute('data-verdict');
}

export function checkRow(page: Page, id: string): Locator {
  return page.locator(`[data-check="${id}"]`);
}

/** Opens a check's details (failing and warning checks are open already). */
export async function expandCheck(page: Page, id: string): Promise<Locator> {
  const row = checkRow(page, id);
  if ((await row.locator('details').getAttribute('open')) === null) await row.locator('summary').click();
  await expect(row.locator('details')).toHaveAttribute('open', '');
  return row;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A full-page screenshot kept as a test artifact (and attached to the report). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * axe findings of impact serious or critical on the page as it is now (WCAG 2.x A and AA rules and
 * best practices). axe's experimental rules are included: label-content-name-mismatch (WCAG 2.5.3,
 * a control's name must contain its visible text) is one of them and is off by default.
 */
export async function seriousAxeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', 'experimental']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

export interface PageWatch {
  /** Requests to any origin but the app's own. */
  readonly foreign: string[];
  /** Console errors, page errors and failed requests. */
  readonly problems: string[];
}

/** Records every request of the context (workers included) and every error the page reports. */
export function watchPage(page: Page, context: BrowserContext, baseURL: string | undefined): PageWatch {
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4317/').origin;
  const watch: PageWatch = { foreign: [], problems: [] };
  context.on('request', (request) => {
    const url = request.url();
    // blob: and data: URLs the page makes itself carry their creator's origin or none; neither leaves the device.
    if (url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) watch.foreign.push(url);
  });
  context.on('requestfailed', (request) => {
    // A download the test does not save is cancelled by the browser: not a failure of the app.
    if (!request.url().startsWith('blob:')) watch.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
  return watch;
}

/**
 * Starts a heartbeat in the page: every gap between animation frames longer than 50 ms is
 * recorded with the time it ended, so a test can tell whether (and when) the main thread froze.
 */
export async function startFrameWatch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __gaps: [number, number][] };
    w.__gaps = [];
    let last = performance.now();
    const beat = (t: number) => {
      if (t - last > 50) w.__gaps.push([t, t - last]);
      last = t;
      requestAnimationFrame(beat);
    };
    requestAnimationFrame(beat);
  });
}

/** The page's clock (ms), to mark phases of a test against the recorded gaps. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The longest gap between frames that ended between `from` and `to` (page clock, ms). */
export async function longestFrameGap(page: Page, from = 0, to = Infinity): Promise<number> {
  const gaps = await page.evaluate(() => (window as unknown as { __gaps: [number, number][] }).__gaps);
  return Math.max(0, ...gaps.filter(([end]) => end >= from && end <= to).map(([, gap]) => gap));
}
