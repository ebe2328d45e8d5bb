/**
 * The screenshots of docs/screenshots/ (npm run screenshots): the Verify view for a good and a
 * tampered demo bundle, at 1024x768 and 1440x900, as a user sees them right after verifying.
 * The built app (npm run build first) is served by the same command users run, and shot with
 * the Chromium the browser tests use. Deterministic: fixed viewports, fixed fixtures, light
 * scheme, reduced motion, a fixed clock, a fresh profile, and each shot waits for the verdict.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const ROOT = process.cwd();
const OUT = join(ROOT, 'docs', 'screenshots');
const PORT = Number(process.env['CLAWPROOF_SCREENSHOT_PORT'] ?? '') || 4391;
const BASE = `http://127.0.0.1:${PORT}/`;

const SHOTS = [
  { name: 'verify-valid', bundle: 'auto-assign-approved.clawproof', verdict: 'valid' },
  { name: 'verify-tampered', bundle: 'receipt-removed.clawproof', verdict: 'invalid' },
] as const;

/** The time the shots say the bundles were checked (the demo runs' day). */
const CHECKED_AT = new Date('2026-01-05T12:00:00Z');

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** Same choice as playwright.config.ts: $CLAWPROOF_CHROMIUM, else Debian's, else Playwright's own. */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env['CLAWPROOF_CHROMIUM'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function serve(): Promise<ChildProcess> {
  if (!existsSync(join(ROOT, 'dist', 'app', 'index.html'))) throw new Error('dist/app is missing: run `npm run build` first.');
  const server = spawn(process.execPath, ['bin/clawproof.js', 'serve', '--port', String(PORT)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`clawproof serve exited with ${server.exitCode}`);
    try {
      if ((await fetch(BASE)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`clawproof serve did not answer on ${BASE} within 30 s`);
}

/**
 * The verifier runs in a worker, whose clock Playwright cannot fix: the report's "checked at"
 * time is the real one. Every time shown that lies within a day of now (only such a time can come
 * from this run, the fixtures' own times are months away) is rewritten to CHECKED_AT.
 */
async function pinWallClockTimes(page: Page): Promise<void> {
  await page.evaluate(
    ({ now, fixed }) => {
      const stamp = /(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?( UTC|Z)?/g;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        const text = node.nodeValue ?? '';
        const next = text.replace(stamp, (match, day: string, time: string, zone: string | undefined) => {
          const at = Date.parse(`${day}T${time.length === 5 ? `${time}:00` : time}Z`);
          if (!Number.isFinite(at) || Math.abs(at - now) > 86_400_000) return match;
          const [fixedDay, fixedTime] = fixed.slice(0, 19).split('T');
          return `${fixedDay}${match.charAt(10)}${time.length === 5 ? fixedTime!.slice(0, 5) : fixedTime}${zone ?? ''}`;
        });
        if (next !== text) node.nodeValue = next;
      }
    },
    { now: Date.now(), fixed: CHECKED_AT.toISOString() },
  );
}

async function shoot(browser: Browser, shot: (typeof SHOTS)[number], viewport: (typeof VIEWPORTS)[number]): Promise<string> {
  // A new context each time: an empty library, so every shot starts from the same page.
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce', locale: 'en-GB', timezoneId: 'UTC' });
  try {
    const page = await context.newPage();
    // The report says when it was checked: a fixed clock keeps that line the same on every run.
    await page.clock.setFixedTime(CHECKED_AT);
    await page.goto(`${BASE}#/verify`);
    await page.getByRole('region', { name: 'Or try a demo bundle' }).getByRole('button', { name: new RegExp(`^${shot.bundle.replace(/\./g, '\\.')}`) }).click();
    const banner = page.locator(`[data-verdict="${shot.verdict}"]`);
    await banner.waitFor({ state: 'visible', timeout: 60_000 });
    // The page's CSP allows no injected style: reduced motion (above) and the screenshot's own
    // options stop animations and hide the caret; the page stays scrolled as verifying left it.
    // The pointer leaves the page so nothing shows as hovered.
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await pinWallClockTimes(page);
    const file = join(OUT, `${shot.name}-${viewport.width}x${viewport.height}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    return file;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await serve();
  let browser: Browser | undefined;
  try {
    const executablePath = chromiumExecutable();
    browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
    for (const shot of SHOTS) {
      for (const viewport of VIEWPORTS) console.log(`wrote ${await shoot(browser, shot, viewport)}`);
    }
  } finally {
    await browser?.close();
    server.kill();
  }
}

await main();
