/**
 * The report as an auditor reads it at 1024x768: the cause first, failures before warnings before
 * passes, the first failure on the first screen, a "failures only" filter, and hashes that copy
 * whole. Expectations come from the library's own report of the same bundle, never typed per fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CHECK_TITLES, type Report } from '../../src/verify/report.js';
import { verifyBundle } from '../../src/verify/verify-bundle.js';
import { ROOT, fixtureBundles, openVerify, screenshot, seriousAxeFindings, verdictBanner, verifyDemo, type FixtureBundle } from './support/app-page.js';

test.use({ viewport: { width: 1024, height: 768 } });

const { good, tampered } = fixtureBundles();
const TRUST_ROOT = new Uint8Array(readFileSync(join(ROOT, 'fixtures', 'trust', 'demo-trust-root.json')));
const bundle = (name: string): FixtureBundle => {
  const found = [...good, ...tampered].find((b) => b.name === name);
  if (found === undefined) throw new Error(`fixtures/bundles has no ${name}`);
  return found;
};

/** The library's report of a fixture, as the app computes it (same verifier, same trust root). */
function libraryReport(b: FixtureBundle): Promise<Report> {
  return verifyBundle(new Uint8Array(readFileSync(b.path)), TRUST_ROOT);
}

const HASH = /sha256:[0-9a-f]{64}/g;
/** A sentence as the page draws it: hashes shortened (the full value is behind a copy button). */
const asShown = (text: string) => text.replace(HASH, (h) => `sha256:${h.slice(7, 15)}…${h.slice(-4)}`);

/** Statuses of the check rows, top to bottom, as shown. */
async function shownStatuses(page: Page): Promise<string[]> {
  return page.locator('[data-check]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-display') ?? ''));
}

const RANK: Record<string, number> = { fail: 0, unchecked: 1, warn: 2, pass: 3 };

for (const name of ['receipt-removed.clawproof', 'signed-by-unknown-key.clawproof', 'policy-swapped.clawproof']) {
  test(`failures first at 1024x768, the first failing check on the first screen: ${name}`, async ({ page }, testInfo) => {
    await openVerify(page);
    await verifyDemo(page, bundle(name));
    const statuses = await shownStatuses(page);
    expect(statuses).toHaveLength(15);
    // Sorted: failures, then not checked, then warnings, then passes.
    expect(statuses.map((s) => RANK[s])).toEqual([...statuses.map((s) => RANK[s]!)].sort((a, b) => a - b));
    expect(['fail', 'unchecked']).toContain(statuses[0]);
    const first = page.locator('[data-check]').first();
    await expect(first.locator('summary')).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await screenshot(page, testInfo, `first-screen-${name.replace(/\.clawproof$/, '')}`);
  });
}

test('"failures only" shows just the failing checks, and "go to the first failure" lands on it', async ({ page }) => {
  const b = bundle('receipt-removed.clawproof');
  const report = await libraryReport(b);
  const failing = report.checks.filter((c) => c.status === 'fail').map((c) => c.id);
  expect(failing.length).toBeGreaterThan(1);
  await openVerify(page);
  await verifyDemo(page, b);

  const filter = page.getByRole('checkbox', { name: /Failures only/ });
  await filter.check();
  await expect(page.locator('[data-check]')).toHaveCount(failing.length);
  expect(await page.locator('[data-check]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-check')))).toEqual(failing);
  await filter.uncheck();
  await expect(page.locator('[data-check]')).toHaveCount(report.checks.length);

  // From further down the page, the banner's button brings the first failure back, opened and focused.
  await page.locator('[data-check]').last().scrollIntoViewIfNeeded();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await verdictBanner(page).getByRole('button', { name: 'Go to the first failure' }).click();
  const first = page.locator(`[data-check="${failing[0]}"]`);
  await expect(first.locator('summary')).toBeFocused();
  await expect(first.locator('summary')).toBeInViewport();
  await expect(first.locator('details')).toHaveAttribute('open', '');
});

test.describe('copying hashes', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a shortened hash copies whole: the bundle hash and a signer\'s key id', async ({ page }) => {
    const b = bundle('tiny-example.clawproof');
    const report = await libraryReport(b);
    await openVerify(page);
    await verifyDemo(page, b);

    await page.getByText('Bundle facts and hashes').click();
    const copy = page.getByRole('button', { name: `Copy bundle hash ${report.bundle.hash}` });
    await expect(copy).toBeVisible();
    // Shown short, the full value in its title.
    const shown = page.locator(`[data-hash="${report.bundle.hash}"] code`);
    await expect(shown).toHaveText(asShown(report.bundle.hash!));
    await expect(shown).toHaveAttribute('title', report.bundle.hash!);
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report.bundle.hash);
    await expect(page.locator(`[data-hash="${report.bundle.hash}"]`).getByRole('status')).toHaveText('Copied');

    // The banner names who signed: the harness key of the trust root, copied whole.
    const trust = report.checks.find((c) => c.id === 'trust')!;
    const harness = trust.evidence.find((e) => e.note === 'role harness')!.keyid!;
    const signers = verdictBanner(page).getByRole('list', { name: 'Signing keys by role' });
    await expect(signers.getByRole('listitem')).toHaveCount(trust.evidence.length);
    await signers.getByRole('button', { name: `Copy harness key id ${harness}` }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(harness);
  });
});

test('where the page may not copy, the full hash is offered selected, to copy by hand', async ({ page }) => {
  const b = bundle('tiny-example.clawproof');
  const report = await libraryReport(b);
  // No Clipboard API and a refused copy command: what an insecure origin or a locked-down browser gives.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    document.execCommand = () => false;
  });
  await openVerify(page);
  await verifyDemo(page, b);
  await page.getByText('Bundle facts and hashes').click();
  await page.getByRole('button', { name: `Copy bundle hash ${report.bundle.hash}` }).click();
  const manual = page.getByRole('textbox', { name: /bundle hash: copying is blocked here/ });
  await expect(manual).toHaveValue(report.bundle.hash!);
  expect(await manual.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, report.bundle.hash!.length]);
});

test.describe('the banner leads with the root cause', () => {
  const names = ['receipt-removed', 'receipts-reordered', 'policy-swapped', 'approval-missing', 'ticket-after-edited', 'key-expired', 'signed-by-unknown-key'];
  for (const name of names) {
    test(`${name}: the first cause, in the report's own words, its consequences collapsed`, async ({ page }) => {
      const b = bundle(`${name}.clawproof`);
      const report = await libraryReport(b);
      await openVerify(page);
      await verifyDemo(page, b);
      await expect(verdictBanner(page)).toHaveAttribute('data-verdict', report.verdict);
      const lead = page.getByTestId('verdict-lead');
      const cause = report.causes[0];
      if (cause === undefined) {
        // A report without causes leads with its first failing check's own message.
        const first = report.checks.find((c) => c.status === 'fail')!;
        await expect(lead).toHaveText(asShown(`${first.title}: ${first.message}`), { useInnerText: true });
        await expect(lead).toHaveAttribute('data-from-cause', 'false');
        return;
      }
      await expect(lead).toHaveText(asShown(cause.sentence), { useInnerText: true });
      await expect(lead).toHaveAttribute('data-from-cause', 'true');
      const follow = verdictBanner(page).getByTestId('consequences').first();
      if (cause.consequences.length > 0) {
        await expect(follow.locator('summary')).toHaveText(`${cause.consequences.length} follow from this`);
        await expect(follow).not.toHaveAttribute('open', '');
        await follow.locator('summary').click();
        await expect(follow.getByRole('listitem')).toHaveCount(cause.consequences.length);
        // Each consequence names the check that reported it, one click from its row.
        const consequence = cause.consequences[0]!;
        await follow.getByRole('listitem').first().getByRole('button', { name: CHECK_TITLES[consequence.check], exact: true }).click();
        await expect(page.locator(`[data-check="${consequence.check}"] summary`)).toBeFocused();
      }
      // The other causes follow, the first two on show.
      await expect(verdictBanner(page).getByTestId('cause')).toHaveCount(Math.min(report.causes.length, 2) - 1);
    });
  }
});

test('an unknown signer reads and looks "not checked", not like a warning', async ({ page }) => {
  const b = bundle('signed-by-unknown-key.clawproof');
  const report = await libraryReport(b);
  expect(report.verdict).toBe('unknown-signer');
  await openVerify(page);
  await verifyDemo(page, b);
  const banner = verdictBanner(page);
  await expect(banner).toHaveClass(/\bunchecked\b/);
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  const chips = banner.getByRole('list', { name: 'Checks by status' });
  await expect(chips.getByRole('listitem').first()).toHaveText(`${failed} not checked`);
  await expect(page.getByTestId('verdict-counts')).toContainText(`${failed} of ${report.checks.length} checks could not be checked`);
  await expect(page.locator('[data-check="trust"]')).toHaveAttribute('data-display', 'unchecked');
  // Its own colour: the not-checked badge is not the warning badge's amber.
  const colour = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).color);
  expect(await colour('[data-check="trust"] summary .badge')).not.toBe(await colour('[data-display="warn"] summary .badge'));
  // The key nobody vouches for is named in the banner.
  await expect(banner.getByRole('list', { name: 'Signing keys by role' })).toContainText('not in your trust root');
});

test('the report\'s layers pass axe: the details open, a glossary term explained by keyboard', async ({ page }) => {
  await openVerify(page);
  await verifyDemo(page, bundle('receipt-removed.clawproof'));
  const first = page.locator('[data-check]').first();
  await first.getByRole('button', { name: /Show details/ }).click();
  await expect(first.getByRole('button', { name: /Hide details/ })).toHaveAttribute('aria-expanded', 'true');
  // A glossary word explains itself on focus (not only on hover) and Escape dismisses it.
  const term = page.locator('[data-term="receipt"]').first();
  await term.focus();
  await expect(page.locator('.tip')).toBeVisible();
  await expect(term).toHaveAccessibleDescription(/Gateway receipt: signed by the model proxy/);
  await page.keyboard.press('Escape');
  await expect(page.locator('.tip')).toHaveCount(0);
  await term.focus();
  expect(await seriousAxeFindings(page)).toEqual([]);
});
