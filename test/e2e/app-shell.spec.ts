import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const VIEWS = [
  { label: 'Verify', hash: '#/verify', heading: 'Verify a proof bundle' },
  { label: 'Lab', hash: '#/lab', heading: 'Lab' },
  { label: 'Library', hash: '#/library', heading: 'Library' },
  { label: 'Trust', hash: '#/trust', heading: 'Trust root' },
] as const;

/** Text of the focused element when it is a link of the main navigation, else null. */
function focusedNavLink(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('nav[aria-label="Views"]') && active instanceof HTMLAnchorElement
      ? (active.textContent ?? '').trim()
      : null;
  });
}

/** Moves focus to a nav link with Tab (or Shift+Tab when it lies behind), as a keyboard user would. */
async function tabToNavLink(page: Page, label: string): Promise<void> {
  // The navigation sits before the view's content, so Shift+Tab reaches it first; views with many
  // controls (the Verify page lists every demo bundle) would take dozens of forward presses.
  for (const key of ['Shift+Tab', 'Tab']) {
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press(key);
      if ((await focusedNavLink(page)) === label) return;
    }
  }
  throw new Error(`The "${label}" link could not be reached with Tab or Shift+Tab.`);
}

test('the shell renders its landmarks, navigation and footer', async ({ page }) => {
  await page.goto('/');

  const banner = page.getByRole('banner');
  await expect(banner).toContainText('Clawproof');
  const nav = page.getByRole('navigation', { name: 'Views' });
  await expect(nav.getByRole('link')).toHaveText(VIEWS.map((view) => view.label));
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText(`v${VERSION}`);

  // The default view is Verify, marked as the current page.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a proof bundle');
  await expect(nav.getByRole('link', { name: 'Verify' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Verify · Clawproof');
});

test('every view can be reached with the keyboard alone', async ({ page }) => {
  await page.goto('/');

  // The first Tab stop is the skip link; it moves focus to the content without changing the view.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a proof bundle');

  // Lab first, so that going back to Verify is a real change of view too.
  for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
    await tabToNavLink(page, view.label);
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(view.heading);
    await expect(heading).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`${view.hash}$`));
    await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view.label })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }
});

test('a view can be opened directly by its address and with Back', async ({ page }) => {
  await page.goto('/#/trust');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trust root');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trust root');

  // An address naming no view shows the default one rather than an empty page.
  await page.goto('/#/no-such-view');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verify a proof bundle');
});

test('the page makes no request outside its own origin and breaks no CSP rule', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const requests: string[] = [];
  const problems: string[] = [];
  // Context-wide, so requests from workers or new pages would be seen too.
  context.on('request', (request) => requests.push(request.url()));
  context.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  await page.goto('/');
  for (const view of VIEWS) {
    await page.getByRole('link', { name: view.label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(view.heading);
  }
  await page.reload();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForLoadState('networkidle');

  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((url) => new URL(url).origin !== origin);
  expect(foreign, `requests outside ${origin}`).toEqual([]);
  expect(problems).toEqual([]);
});

test('the shell in light and dark colour schemes (screenshots)', async ({ page }, testInfo) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/#/verify');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const path = testInfo.outputPath(`shell-${colorScheme}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`shell-${colorScheme}`, { path, contentType: 'image/png' });
  }
});
